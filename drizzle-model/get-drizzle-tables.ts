import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getSettings, type DrizzleSchemaSettings } from './settings.js';
import {
  getCallValue,
  getDrizzleModuleDialect,
  getExportValue,
  getMemberValue,
  getStaticString,
  isTableRelatedExport,
  type DrizzleValue,
  type TableFnValue,
} from './drizzle-values.js';
import { createFileResolver } from './file-resolver.js';
import { parseTable } from './parse-table.js';
import type { DrizzleTable } from './types.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Facts per parsed file and settings, shared by every rule that lints it. */
const cache = new WeakMap<TSESTree.Program, { readonly settings: DrizzleSchemaSettings; readonly tables: readonly DrizzleTable[] }>();

/**
 * Every Drizzle table defined in the file, in source order. Tables are found by following values forward
 * from drizzle-orm core imports (named, aliased, namespace) through `const` aliases, members and calls:
 * `pgTable(...)`, `pgSchema('x').table(...)`, `pgTableCreator(fn)(...)`, `snakeCase.table(...)`.
 * A local function that happens to be called `pgTable` is never a table. Cached per Program node and settings
 * (the facts depend on `casing` and `helperModules`).
 */
export function getDrizzleTables(context: Context): readonly DrizzleTable[] {
  const program = context.sourceCode.ast;
  const settings = getSettings(context);
  const cached = cache.get(program);
  if (cached?.settings === settings) return cached.tables;
  const tables = collectTables(context, settings);
  cache.set(program, { settings, tables });
  return tables;
}

function getPropertyName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  return member.computed ? getStaticString(member.property) : null;
}

function collectTables(context: Context, settings: DrizzleSchemaSettings): readonly DrizzleTable[] {
  const { sourceCode } = context;
  const calls: { call: TSESTree.CallExpression; fn: TableFnValue }[] = [];
  const seen = new Set<TSESLint.Scope.Variable>();

  const followVariable = (variable: TSESLint.Scope.Variable, value: DrizzleValue) => {
    if (seen.has(variable)) return;
    seen.add(variable);
    for (const reference of variable.references) {
      if (reference.isRead()) follow(reference.identifier as TSESTree.Identifier, value);
    }
  };

  const follow = (start: TSESTree.Node, initial: DrizzleValue) => {
    let node = start;
    let value: DrizzleValue | null = initial;
    while (value && node.parent) {
      const parent: TSESTree.Node = node.parent;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const prop = getPropertyName(parent);
        value = prop === null ? null : getMemberValue(value, prop);
      } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
        if (value.kind === 'tableFn') {
          calls.push({ call: parent, fn: value });
          return;
        }
        value = getCallValue(value, parent.arguments);
      } else if (
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression
      ) {
        // transparent
      } else if (
        parent.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.init === node &&
        parent.id.type === AST_NODE_TYPES.Identifier &&
        parent.parent.kind === 'const'
      ) {
        for (const variable of sourceCode.scopeManager?.getDeclaredVariables(parent) ?? []) followVariable(variable, value);
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
    if (!dialect) continue;
    for (const specifier of statement.specifiers) {
      let value: DrizzleValue | null = null;
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) value = { kind: 'namespace', dialect };
      else if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type') {
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        if (isTableRelatedExport(imported)) value = getExportValue(dialect, imported);
      }
      if (!value) continue;
      for (const variable of sourceCode.scopeManager?.getDeclaredVariables(specifier) ?? []) followVariable(variable, value);
    }
  }
  if (calls.length === 0) return [];

  const resolver = createFileResolver(context, settings.helperModules);
  return calls
    .sort((a, b) => a.call.range[0] - b.call.range[0])
    .map(({ call, fn }) => parseTable(call, fn, resolver, settings.casing));
}
