/**
 * `--rename-exports`: rename the TypeScript export of each renamed Drizzle table after its new name, in the export's
 * own naming style (`getRenamedExportName`: `export const messages = pgTable('messages', …)` with
 * `messages → comms_messages` becomes `commsMessages`; `destinations` for table `destination → backup_destination`
 * becomes `backupDestinations`; `usersTable` for `users → accounts` becomes `accountsTable`) across the project, with the TypeScript language service (ts-morph): imports, re-exports,
 * `typeof messages.$inferSelect`, shorthand properties; plus relational query keys `db.query.messages`, which
 * name the schema export but are not references TypeScript can rename. ts-morph is loaded only here, on demand.
 * Nothing is written: the caller gets the new text of every changed file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Node as MorphNode, Symbol as MorphSymbol, Project, SourceFile, VariableDeclaration } from 'ts-morph';
import { getRenamedExportName } from '../naming/get-renamed-export-name.js';
import { getDrizzleTablesOf } from './transforms/code/get-drizzle-tables-of.js';
import { getReviewItem } from './transforms/code/get-review-item.js';
import { parseCode } from './transforms/code/parse-code.js';
import { getPlanLookup } from './sql/plan-lookup.js';
import type { RenamePlan, ReviewItem, TransformSettings } from './types.js';
import { UsageError } from './types.js';

export interface RenameExportsOptions {
  /** Project root: files outside it (and in node_modules) are never changed. */
  readonly cwd: string;
  /** The tsconfig that lists the project's files; default `<cwd>/tsconfig.json`, else every .ts/.tsx under cwd. */
  readonly tsconfigPath?: string;
  readonly plan: RenamePlan;
  /** How Drizzle schema files are read (casing, helper modules); default: the defaults, `cwd` as above. */
  readonly settings?: TransformSettings;
}

export interface RenameExportsResult {
  /** Absolute path → new text, for every file whose text changed. */
  readonly changedFiles: Map<string, string>;
  readonly review: ReviewItem[];
}

interface ExportRename {
  readonly file: SourceFile;
  readonly declaration: VariableDeclaration;
  readonly from: string;
  readonly to: string;
}

const DEFAULT_SCHEMA = 'public';
const DRIZZLE_CORE_IMPORT = /from\s+['"]drizzle-orm\/(?:pg|mysql|sqlite)-core['"]/;

/** ts-morph is an optional peer dependency: only `--rename-exports` needs it. */
async function loadTsMorph(): Promise<typeof import('ts-morph')> {
  try {
    return await import('ts-morph');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND') {
      throw new UsageError('--rename-exports needs ts-morph, which is not installed: npm install --save-dev ts-morph');
    }
    throw error;
  }
}

export async function renameExports(options: RenameExportsOptions): Promise<RenameExportsResult> {
  const morph = await loadTsMorph();
  const cwd = path.resolve(options.cwd);
  const project = createProject(morph, cwd, options.tsconfigPath);
  const files = project.getSourceFiles().filter((file) => isProjectFile(cwd, file.getFilePath()));
  const original = new Map(files.map((file) => [file.getFilePath() as string, file.getFullText()]));
  const review: ReviewItem[] = [];

  const renames = getExportRenames(files, options.plan, { cwd, ...options.settings }, review);
  // Decide everything while the project still has its old names (symbols resolve), then edit.
  const relational = renames.length > 0 ? getRelationalSchemaExports(morph, files) : new Map<string, ReadonlySet<MorphNode>>();
  const queryKeys = renames.flatMap((rename) => getQueryKeyRenames(morph, files, rename, relational, review));
  const shorthands = renames.flatMap((rename) =>
    rename.declaration
      .getNameNode()
      .asKindOrThrow(morph.SyntaxKind.Identifier)
      .findReferencesAsNodes()
      .filter(
        (reference) =>
          reference.getText() === rename.from &&
          morph.Node.isShorthandPropertyAssignment(reference.getParent()) &&
          isProjectFile(cwd, reference.getSourceFile().getFilePath()),
      )
      .map((reference) => ({ node: reference.getParentOrThrow(), name: rename.from })),
  );
  for (const { node, to } of queryKeys) node.replaceWithText(to);
  // `{ messages }` keeps its key (an API payload's shape must not change): `{ messages: commsMessages }`.
  for (const { node, name } of shorthands) node.replaceWithText(`${name}: ${name}`);
  for (const rename of renames) {
    const declaration = rename.file.getVariableDeclaration(rename.from);
    if (!declaration) continue;
    if (rename.file.getLocal(rename.to) || rename.file.getVariableDeclaration(rename.to)) {
      review.push(getReviewItem(rename.file.getFullText(), rename.file.getFilePath(), declaration.getStart(), rename.from, `export not renamed: "${rename.to}" already exists in this file`));
      continue;
    }
    declaration.getNameNode().asKindOrThrow(morph.SyntaxKind.Identifier).rename(rename.to, { renameInComments: false, renameInStrings: false, usePrefixAndSuffixText: false });
  }

  const changedFiles = new Map<string, string>();
  for (const file of files) {
    const text = file.getFullText();
    if (text !== original.get(file.getFilePath())) changedFiles.set(file.getFilePath(), text);
  }
  return { changedFiles, review };
}

function createProject(morph: typeof import('ts-morph'), cwd: string, tsconfigPath: string | undefined): Project {
  const tsConfigFilePath = tsconfigPath ? path.resolve(cwd, tsconfigPath) : path.join(cwd, 'tsconfig.json');
  if (tsconfigPath || fs.existsSync(tsConfigFilePath)) return new morph.Project({ tsConfigFilePath });
  const project = new morph.Project({ compilerOptions: { allowJs: false, strict: true, skipLibCheck: true } });
  project.addSourceFilesAtPaths([path.join(cwd, '**/*.{ts,tsx,mts,cts}'), `!${path.join(cwd, '**/node_modules/**')}`]);
  return project;
}

function isProjectFile(cwd: string, file: string): boolean {
  const relative = path.relative(cwd, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
}

/** Exported variables initialized with a Drizzle table call whose DB name the plan renames. */
function getExportRenames(files: readonly SourceFile[], plan: RenamePlan, settings: TransformSettings, review: ReviewItem[]): ExportRename[] {
  const lookup = getPlanLookup(plan);
  const renames: ExportRename[] = [];
  for (const file of files) {
    const source = file.getFullText();
    if (!DRIZZLE_CORE_IMPORT.test(source)) continue;
    const ctx = parseCode({ source, path: file.getFilePath(), plan, settings });
    for (const table of getDrizzleTablesOf(ctx)) {
      if (table.name === null || table.variableName === null) continue;
      const rename = lookup.getTable(table.schema ?? DEFAULT_SCHEMA, table.name);
      if (!rename) continue;
      const to = getRenamedExportName(table.variableName, rename.from, rename.to);
      const declaration = file.getVariableDeclaration(table.variableName);
      if (!declaration?.isExported()) {
        review.push(getReviewItem(source, file.getFilePath(), table.node.range[0], table.variableName, 'table variable is not exported; not renamed'));
        continue;
      }
      if (to !== table.variableName) renames.push({ file, declaration, from: table.variableName, to });
    }
  }
  return renames;
}

/**
 * `db.query.messages` → `db.query.commsMessages`: relational query keys whose property comes from the table
 * export itself (`drizzle(client, { schema })` with `import * as schema`). A key from an object literal
 * (`{ schema: { messages } }`) keeps its name, as that literal's key does. When TypeScript cannot type the
 * receiver (`db: any`, an unresolved import), the key is renamed if a relational schema of the project exposes
 * the export under that name (`getRelationalSchemaExports`), and listed for review.
 */
function getQueryKeyRenames(
  morph: typeof import('ts-morph'),
  files: readonly SourceFile[],
  rename: ExportRename,
  relational: ReadonlyMap<string, ReadonlySet<MorphNode>>,
  review: ReviewItem[],
): Array<{ node: MorphNode; to: string }> {
  const found: Array<{ node: MorphNode; to: string }> = [];
  const isRelationalKey = relational.get(rename.from)?.has(rename.declaration) ?? false;
  for (const file of files) {
    if (!file.getFullText().includes(`.${rename.from}`)) continue;
    for (const access of file.getDescendantsOfKind(morph.SyntaxKind.PropertyAccessExpression)) {
      const object = access.getExpression();
      if (access.getName() !== rename.from || !morph.Node.isPropertyAccessExpression(object) || object.getName() !== 'query') continue;
      const symbol = access.getNameNode().getSymbol();
      if (symbol?.getDeclarations().includes(rename.declaration)) {
        found.push({ node: access.getNameNode(), to: rename.to });
      } else if (symbol === undefined && isRelationalKey) {
        found.push({ node: access.getNameNode(), to: rename.to });
        review.push(
          getReviewItem(file.getFullText(), file.getFilePath(), access.getNameNode().getStart(), rename.from, `renamed to "${rename.to}" as a relational query key of the project's drizzle() schema, but the type of "${object.getExpression().getText()}" is unknown here: check it is that database`),
        );
      }
    }
  }
  return found;
}

/**
 * The `db.query` keys the project's relational schemas expose, with the declarations behind them: for every
 * `drizzle(client, { schema })` (drizzle imported from `drizzle-orm/*`), `schema` resolved to a namespace import
 * (`import * as schema from './schema/index.js'`, directly, as `{ schema }` or spread into an object), whose
 * module's exports are read through its `export *` barrels.
 */
function getRelationalSchemaExports(morph: typeof import('ts-morph'), files: readonly SourceFile[]): Map<string, ReadonlySet<MorphNode>> {
  const { Node, SyntaxKind } = morph;
  const exports = new Map<string, Set<MorphNode>>();
  const addNamespace = (symbol: MorphSymbol | undefined) => {
    for (const declaration of symbol?.getDeclarations() ?? []) {
      if (!Node.isNamespaceImport(declaration)) continue;
      const module = declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.getModuleSpecifierSourceFile();
      for (const [name, declarations] of module?.getExportedDeclarations() ?? []) {
        const set = exports.get(name) ?? new Set<MorphNode>();
        for (const exported of declarations) set.add(exported);
        exports.set(name, set);
      }
    }
  };
  for (const file of files) {
    if (!file.getFullText().includes('drizzle-orm/')) continue;
    for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (!isDrizzleFactory(morph, call.getExpression())) continue;
      for (const argument of call.getArguments()) {
        if (!Node.isObjectLiteralExpression(argument)) continue;
        const property = argument.getProperty('schema');
        if (Node.isShorthandPropertyAssignment(property)) addNamespace(property.getValueSymbol());
        const value = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
        if (value && Node.isIdentifier(value)) addNamespace(value.getSymbol());
        if (value && Node.isObjectLiteralExpression(value)) {
          for (const spread of value.getProperties()) {
            const expression = Node.isSpreadAssignment(spread) ? spread.getExpression() : undefined;
            if (expression && Node.isIdentifier(expression)) addNamespace(expression.getSymbol());
          }
        }
      }
    }
  }
  return exports;
}

/** `drizzle` imported from a `drizzle-orm/<driver>` module (aliases included). */
function isDrizzleFactory(morph: typeof import('ts-morph'), callee: MorphNode): boolean {
  if (!morph.Node.isIdentifier(callee)) return false;
  return (callee.getSymbol()?.getDeclarations() ?? []).some(
    (declaration) =>
      morph.Node.isImportSpecifier(declaration) &&
      declaration.getName() === 'drizzle' &&
      declaration.getImportDeclaration().getModuleSpecifierValue().startsWith('drizzle-orm/'),
  );
}
