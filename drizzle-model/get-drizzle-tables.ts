import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Casing } from '../naming/casing.js';
import type { ProjectValue } from './create-project.js';
import { findDrizzleConfig } from './drizzle-config.js';
import { findClientCasing } from './find-client-casing.js';
import { getCallValue, getDrizzleModuleDialect, getExportValue, getStaticString, isTableRelatedExport, type TableFnValue } from './drizzle-values.js';
import { createFileResolver, type FileResolver } from './file-resolver.js';
import { getHelperModulePaths } from './get-helper-module-paths.js';
import { getPatternPath } from './get-pattern-path.js';
import { getProject } from './get-project.js';
import { parseTable } from './parse-table.js';
import { getSettings, type DrizzleSchemaSettings } from './settings.js';
import type { DrizzleTable } from './types.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Facts per parsed file and settings, shared by every rule that lints it. */
const cache = new WeakMap<TSESTree.Program, { readonly settings: DrizzleSchemaSettings; readonly tables: readonly DrizzleTable[] }>();
/** Files whose configuration problems were reported already (by whichever rule asked first). */
const reported = new WeakSet<TSESTree.Program>();

/**
 * Every Drizzle table defined in the file, in source order. Tables are found by following values forward
 * from drizzle-orm core imports (named, aliased, namespace) and from imported project values (a `pgSchema`
 * object or a `pgTableCreator` defined in another module, see createProject) through `const` aliases,
 * destructuring, members and calls: `pgTable(...)`, `pgSchema('x').table(...)`, `const { table } = authSchema`,
 * `pgTableCreator(fn)(...)`, `snakeCase.table(...)`. A local function that happens to be called `pgTable` is
 * never a table. Cached per Program node and settings.
 *
 * Name-less columns take `settings['drizzle-schema'].casing`, else the `casing` of the nearest drizzle.config.*
 * above the file, else the `casing` the app passes to `drizzle(client, { casing })` in that config's package,
 * else `preserve` (a drizzle 1.0 `snakeCase.table` wins over all). A configuration problem
 * (a helper module that is not found) is reported once per file, at its first line, by the first rule that asks.
 */
export function getDrizzleTables(context: Context): readonly DrizzleTable[] {
  const program = context.sourceCode.ast;
  const settings = getSettings(context);
  const cached = cache.get(program);
  if (cached?.settings === settings) return cached.tables;
  const filename = path.resolve(context.cwd, context.filename);
  const helperModules = getHelperModulePaths(context.cwd, filename, settings.helperModules);
  // Read only for files that have tables: most linted files (application code, declarations) have none.
  const getCasing = (): Casing => settings.casing ?? getProjectCasing(path.dirname(filename));
  const tables = collectTables(context, helperModules.paths, getCasing);
  cache.set(program, { settings, tables });
  if (tables.length > 0 && helperModules.problems.length > 0 && !reported.has(program)) {
    reported.add(program);
    // A plain message, not a messageId: every rule can report it, and it is about the configuration.
    const report = context.report as unknown as (descriptor: { loc: TSESTree.SourceLocation; message: string }) => void;
    const loc = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };
    for (const message of helperModules.problems) report({ loc, message: `eslint-plugin-drizzle-schema: ${message}` });
  }
  return tables;
}

/**
 * The casing a project without the setting uses: its drizzle.config's, else the drizzle() call's in the config's
 * package, else `preserve`. Without a config there is no project to search (a file outside any drizzle project).
 */
function getProjectCasing(dir: string): Casing {
  const config = findDrizzleConfig(dir);
  if (!config) return 'preserve';
  return config.casing ?? findClientCasing(path.dirname(config.path))?.casing ?? 'preserve';
}

function getPropertyName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  return member.computed ? getStaticString(member.property) : null;
}

/** Values that can lead to a table call (a table function, or something a member or call of which is one). */
function isTableSource(value: ProjectValue | null): value is Exclude<ProjectValue, { kind: 'helper' | 'columns' | 'columnBuilder' }> {
  if (value === null || value.kind === 'helper' || value.kind === 'columns' || value.kind === 'columnBuilder') return false;
  return value.kind !== 'export' || isTableRelatedExport(value.name);
}

/**
 * True when an imported name is used where a table function could come from it: called, a member called
 * (`authSchema.table(...)`, `ns.authSchema.table(...)`), or bound again (`const { table } = authSchema`).
 * Other uses (`() => users.id` in a reference) never make the project read the module.
 */
function isUsedAsTableSource(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    let node: TSESTree.Node = reference.identifier;
    for (let depth = 0; depth < 4 && node.parent; depth += 1) {
      const parent: TSESTree.Node = node.parent;
      if (parent.type === AST_NODE_TYPES.CallExpression) return parent.callee === node;
      if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === node;
      if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return false;
      node = parent;
    }
    return false;
  });
}

function collectTables(context: Context, helperPaths: readonly string[], getCasing: () => Casing): readonly DrizzleTable[] {
  const { sourceCode } = context;
  const project = getProject(sourceCode.ast);
  const calls: { call: TSESTree.CallExpression; fn: TableFnValue }[] = [];
  const seen = new Set<TSESLint.Scope.Variable>();
  let resolver: FileResolver | null = null;
  const getResolver = () => (resolver ??= createFileResolver(context, project, helperPaths));

  const followVariable = (variable: TSESLint.Scope.Variable, value: ProjectValue) => {
    if (seen.has(variable)) return;
    seen.add(variable);
    for (const reference of variable.references) {
      if (reference.isRead()) follow(reference.identifier as TSESTree.Identifier, value);
    }
  };

  const follow = (start: TSESTree.Node, initial: ProjectValue) => {
    let node = start;
    let value: ProjectValue | null = initial;
    while (value && node.parent) {
      const parent: TSESTree.Node = node.parent;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const prop = getPropertyName(parent);
        value = prop === null ? null : project.getMember(value, prop);
      } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
        if (value.kind === 'tableFn') {
          calls.push({ call: parent, fn: value });
          return;
        }
        value = isTableSource(value) && value.kind !== 'module' ? getCallValue(value, parent.arguments) : null;
      } else if (
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression
      ) {
        // transparent
      } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.parent.kind === 'const') {
        const { id } = parent;
        for (const variable of sourceCode.scopeManager?.getDeclaredVariables(parent) ?? []) {
          if (id.type === AST_NODE_TYPES.Identifier) followVariable(variable, value);
          else if (id.type === AST_NODE_TYPES.ObjectPattern) {
            // `const { table } = authSchema`
            let member: ProjectValue | null = value;
            for (const prop of getPatternPath(id, variable.name) ?? []) member = member && project.getMember(member, prop);
            if (member) followVariable(variable, member);
          }
        }
        return;
      } else {
        return;
      }
      node = parent;
    }
  };

  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
    const dialect = getDrizzleModuleDialect(statement.source.value);
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') continue;
      for (const variable of sourceCode.scopeManager?.getDeclaredVariables(specifier) ?? []) {
        let value: ProjectValue | null = null;
        if (dialect) {
          if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) value = { kind: 'namespace', dialect };
          else if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
            const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
            if (isTableRelatedExport(imported)) value = getExportValue(dialect, imported);
          }
        } else if (isUsedAsTableSource(variable)) {
          const evaluated = getResolver().evaluate(specifier.local);
          if (isTableSource(evaluated)) value = evaluated;
        }
        if (value) followVariable(variable, value);
      }
    }
  }
  if (calls.length === 0) return [];
  const casing = getCasing();

  return calls
    .sort((a, b) => a.call.range[0] - b.call.range[0])
    .map(({ call, fn }) => parseTable(call, fn, getResolver(), casing));
}
