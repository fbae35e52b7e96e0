/**
 * Which type argument of a generic type names a table, for `X<'old'>` in a file: `X` is a type alias, declared in
 * the file or imported (relative paths, tsconfig `paths`, packages: `resolveImport`; through `export { … } from` and
 * `export * from`; `import * as ns` for `ns.X`), one of whose type parameters is constrained to table names:
 * - `keyof Database['public']['Tables']` (or `['Views']`, or `keyof (S['Tables'] & S['Views'])` as the generated
 *   helpers write it; `S['Tables']` without a schema index is the generated helpers' default schema, `public`);
 * - a union of table names the run knows (`'calls' | 'transcripts'`);
 * - a type alias (declared or imported) of either;
 * - the generated helpers' own parameter type, `keyof …['Tables'] | { schema: … }`: `X<{ schema: 'x' }, 'old'>`
 *   then names the table by its next argument, as `Tables<{ schema: 'x' }, 'old'>` does.
 * `unknown` (with the reason, for the review list) when `X` is imported from a module that cannot be found or read,
 * or its table parameter's schema is not a string literal; null when `X` is not such an alias.
 * Imported files are parsed once per file content (path + mtime cache), only for a name used with an old table name.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { createFileCache } from '../../../drizzle-model/create-file-cache.js';
import { parseSource, SourceSyntaxError } from '../../../drizzle-model/parse-source.js';
import { resolveImport } from '../../../drizzle-model/resolve-import.js';
import type { RenamePlan } from '../../types.js';
import { getKeyName } from './ast-helpers.js';
import { getIndexPath } from './get-index-path.js';
import { getStringLiteralType } from './get-string-literal-type.js';

export type TableTypeParameter =
  | {
      readonly kind: 'table';
      /** The position of the table argument (the schema option's, when `hasSchemaOption`). */
      readonly index: number;
      readonly schema: string;
      /** The parameter also takes `{ schema: 'x' }`, followed by the table in the next argument. */
      readonly hasSchemaOption: boolean;
      /** The alias, as `file:name` of its declaration, for messages. */
      readonly alias: string;
    }
  | { readonly kind: 'unknown'; readonly reason: string };

/** How deep aliases of aliases and re-export chains are followed. */
const MAX_DEPTH = 6;
const DEFAULT_SCHEMA = 'public';
const RELATION_KEYS = new Set(['Tables', 'Views']);

/** Programs of imported files; null when the file does not parse. */
const programs = createFileCache((text, file): TSESTree.Program | null => {
  try {
    return parseSource(text, file);
  } catch (error) {
    if (error instanceof SourceSyntaxError) return null;
    throw error;
  }
});

interface Lookup {
  readonly plan: RenamePlan;
  /** The file being transformed and its (already parsed) program. */
  readonly file: string;
  readonly ast: TSESTree.Program;
}

type Found = { readonly declaration: TSESTree.TSTypeAliasDeclaration; readonly file: string } | { readonly unresolved: string } | null;

type TableNames = { readonly kind: 'names'; readonly schema: string; readonly hasSchemaOption: boolean } | { readonly kind: 'unknown'; readonly reason: string } | null;

/** `typeName` as used in `ast` (the program of the absolute path `file`). */
export function getTableTypeParameter(typeName: TSESTree.EntityName, ast: TSESTree.Program, file: string, plan: RenamePlan): TableTypeParameter | null {
  const lookup: Lookup = { plan, file, ast };
  const found = findTypeName(lookup, typeName, file, 0);
  if (found === null) return null;
  if ('unresolved' in found) return { kind: 'unknown', reason: `type ${getEntityText(typeName)} is imported from '${found.unresolved}', which was not found or does not parse: if it takes a table name, rename this one by hand` };
  const params = found.declaration.typeParameters?.params ?? [];
  for (const [index, param] of params.entries()) {
    const names = param.constraint ? getTableNames(lookup, param.constraint, found.file, 0) : null;
    if (names?.kind === 'unknown') return { kind: 'unknown', reason: `type ${getEntityText(typeName)} takes a table name: ${names.reason}` };
    if (names) return { kind: 'table', index, schema: names.schema, hasSchemaOption: names.hasSchemaOption, alias: `${found.file}:${found.declaration.id.name}` };
  }
  return null;
}

function findTypeName(lookup: Lookup, typeName: TSESTree.EntityName, file: string, depth: number): Found {
  if (typeName.type === AST_NODE_TYPES.Identifier) return findTypeAlias(lookup, file, typeName.name, depth);
  // `ns.X` of `import * as ns from '…'`.
  if (typeName.type !== AST_NODE_TYPES.TSQualifiedName || typeName.left.type !== AST_NODE_TYPES.Identifier) return null;
  const namespace = typeName.left.name;
  for (const statement of getProgram(lookup, file)?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    const isNamespace = statement.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportNamespaceSpecifier && s.local.name === namespace);
    if (isNamespace) return findExport(lookup, statement.source.value, file, typeName.right.name, depth + 1);
  }
  return null;
}

/** The type alias `name` denotes in `file`: its own declaration, or the one it imports under that name. */
function findTypeAlias(lookup: Lookup, file: string, name: string, depth: number): Found {
  const program = getProgram(lookup, file);
  if (!program || depth > MAX_DEPTH) return null;
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === name) return { declaration, file };
  }
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.local.name === name) {
        return findExport(lookup, statement.source.value, file, getName(specifier.imported), depth + 1);
      }
    }
  }
  return null;
}

/** The type alias module `specifier` (imported by `fromFile`) exports as `name`. */
function findExport(lookup: Lookup, specifier: string, fromFile: string, name: string, depth: number): Found {
  if (depth > MAX_DEPTH) return null;
  const target = resolveImport(specifier, fromFile);
  const program = target ? getProgram(lookup, target) : null;
  if (!target || !program) return { unresolved: specifier };
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === name) return { declaration, file: target };
    for (const exported of statement.specifiers) {
      if (getName(exported.exported) !== name) continue;
      const local = getName(exported.local);
      return statement.source ? findExport(lookup, statement.source.value, target, local, depth + 1) : findTypeAlias(lookup, target, local, depth + 1);
    }
  }
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportAllDeclaration || statement.exported !== null) continue;
    const found = findExport(lookup, statement.source.value, target, name, depth + 1);
    if (found && 'declaration' in found) return found;
  }
  return null;
}

/** Whether a type parameter's constraint is table names, and of which schema. */
function getTableNames(lookup: Lookup, node: TSESTree.TypeNode, file: string, depth: number): TableNames {
  if (node.type === AST_NODE_TYPES.TSTypeOperator && node.operator === 'keyof' && node.typeAnnotation) return getRelationKeys(node.typeAnnotation);
  if (node.type === AST_NODE_TYPES.TSUnionType) {
    const options = node.types.filter((member) => member.type === AST_NODE_TYPES.TSTypeLiteral && isSchemaOption(member));
    const rest = node.types.filter((member) => !options.includes(member));
    if (options.length > 0) {
      const names = rest.length === 1 && rest[0] ? getTableNames(lookup, rest[0], file, depth) : null;
      return names?.kind === 'names' ? { ...names, hasSchemaOption: true } : names;
    }
    return getUnionSchema(lookup.plan, rest);
  }
  if (node.type === AST_NODE_TYPES.TSTypeReference && !node.typeArguments && depth < MAX_DEPTH) {
    const found = findTypeName(lookup, node.typeName, file, depth + 1);
    if (found && 'declaration' in found && !found.declaration.typeParameters) return getTableNames(lookup, found.declaration.typeAnnotation, found.file, depth + 1);
  }
  return null;
}

/** `Database['public']['Tables']` → `public`; `S['Tables'] & S['Views']` → `public`; a non-literal schema: unknown. */
function getRelationKeys(node: TSESTree.TypeNode): TableNames {
  const parts = node.type === AST_NODE_TYPES.TSIntersectionType ? node.types : [node];
  const schemas = new Set<string>();
  for (const part of parts) {
    if (part.type !== AST_NODE_TYPES.TSIndexedAccessType || !RELATION_KEYS.has(getStringLiteralType(part.indexType)?.value ?? '')) return null;
    const chain = getIndexPath(part);
    if (!chain) return { kind: 'unknown', reason: 'the schema of its tables is not a string literal; rename its uses by hand' };
    schemas.add(chain.path.at(-2) ?? DEFAULT_SCHEMA);
  }
  const [schema] = schemas;
  return schemas.size === 1 && schema ? { kind: 'names', schema, hasSchemaOption: false } : null;
}

/** A union of string literals that are all tables the run knows (old or new names), in one schema. */
function getUnionSchema(plan: RenamePlan, members: readonly TSESTree.TypeNode[]): TableNames {
  const known = new Set([...(plan.knownTables ?? []), ...plan.tables.flatMap((table) => [`${table.schema}.${table.from}`, `${table.schema}.${table.to}`])]);
  const schemas = new Set([...known].map((key) => key.slice(0, key.indexOf('.'))));
  const literals = members.map((member) => getStringLiteralType(member));
  if (literals.length === 0 || literals.some((literal) => literal === null)) return null;
  const schema = [DEFAULT_SCHEMA, ...schemas].find((candidate) => literals.every((literal) => known.has(`${candidate}.${literal!.value}`)));
  return schema ? { kind: 'names', schema, hasSchemaOption: false } : null;
}

/** `{ schema: keyof Database }`: the generated helpers' options argument. */
function isSchemaOption(literal: TSESTree.TSTypeLiteral): boolean {
  return literal.members.some((member) => member.type === AST_NODE_TYPES.TSPropertySignature && getKeyName(member.key, member.computed) === 'schema');
}

function getProgram(lookup: Lookup, file: string): TSESTree.Program | null {
  return file === lookup.file ? lookup.ast : programs.get(file);
}

function getName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

function getEntityText(name: TSESTree.EntityName): string {
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return `${getEntityText(name.left)}.${name.right.name}`;
  return 'this';
}
