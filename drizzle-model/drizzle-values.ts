import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Casing } from '../naming/casing.js';
import type { Dialect } from './types.js';

/**
 * What an expression evaluates to, as far as table definitions are concerned.
 * Values flow forward from drizzle-orm imports through members, calls and `const` aliases.
 */
export type DrizzleValue =
  | { readonly kind: 'namespace'; readonly dialect: Dialect }
  | { readonly kind: 'export'; readonly dialect: Dialect; readonly name: string }
  | { readonly kind: 'schema'; readonly dialect: Dialect; readonly schema: string | null; readonly casing: Casing | null }
  | { readonly kind: 'casingObject'; readonly dialect: Dialect; readonly casing: Casing }
  | { readonly kind: 'schemaFactory'; readonly dialect: Dialect; readonly casing: Casing }
  /**
   * A column builder the project made: `pgEnum('role', [...])` (builder `pgEnum`, typeName `role`) or
   * `customType({ dataType() { return 'citext' } })` (builder `customType`, typeName `citext`).
   */
  | { readonly kind: 'columnBuilder'; readonly dialect: Dialect; readonly builder: 'pgEnum' | 'customType'; readonly typeName: string | null }
  | TableFnValue;

export interface TableFnValue {
  readonly kind: 'tableFn';
  readonly dialect: Dialect;
  readonly schema: string | null;
  readonly casing: Casing | null;
  /** `pgTableCreator((name) => \`app_${name}\`)`: maps the written name to the DB name; null when unknown. */
  readonly rename: ((name: string) => string) | null | 'identity';
}

const MODULE_DIALECTS: Readonly<Record<string, Dialect>> = {
  'drizzle-orm/pg-core': 'pg',
  'drizzle-orm/mysql-core': 'mysql',
  'drizzle-orm/sqlite-core': 'sqlite',
};

/** The dialect of a drizzle-orm core module specifier, or null for any other module. */
export function getDrizzleModuleDialect(specifier: string): Dialect | null {
  return MODULE_DIALECTS[specifier] ?? null;
}

const TABLE_FUNCTIONS = new Set(['pgTable', 'mysqlTable', 'sqliteTable']);
const TABLE_CREATORS = new Set(['pgTableCreator', 'mysqlTableCreator', 'sqliteTableCreator']);
const SCHEMA_FUNCTIONS = new Set(['pgSchema', 'mysqlSchema']);
const CASING_OBJECTS: Readonly<Record<string, Casing>> = { snakeCase: 'snake_case', camelCase: 'camelCase' };

/** True for the exports that start a table definition (directly or through a schema or creator). */
export function isTableRelatedExport(name: string): boolean {
  return TABLE_FUNCTIONS.has(name) || TABLE_CREATORS.has(name) || SCHEMA_FUNCTIONS.has(name) || name in CASING_OBJECTS;
}

/** The value of a drizzle export used as is (not yet called). */
export function getExportValue(dialect: Dialect, name: string): DrizzleValue {
  if (TABLE_FUNCTIONS.has(name)) return { kind: 'tableFn', dialect, schema: null, casing: null, rename: 'identity' };
  const casing = CASING_OBJECTS[name];
  if (casing) return { kind: 'casingObject', dialect, casing };
  return { kind: 'export', dialect, name };
}

/** `value.prop` */
export function getMemberValue(value: DrizzleValue, prop: string): DrizzleValue | null {
  switch (value.kind) {
    case 'namespace':
      return getExportValue(value.dialect, prop);
    case 'schema':
      return prop === 'table'
        ? { kind: 'tableFn', dialect: value.dialect, schema: value.schema, casing: value.casing, rename: 'identity' }
        : null;
    case 'casingObject':
      if (prop === 'table') return { kind: 'tableFn', dialect: value.dialect, schema: null, casing: value.casing, rename: 'identity' };
      if (prop === 'schema') return { kind: 'schemaFactory', dialect: value.dialect, casing: value.casing };
      return null;
    default:
      return null;
  }
}

/** `value(...args)` */
export function getCallValue(value: DrizzleValue, args: readonly TSESTree.CallExpressionArgument[]): DrizzleValue | null {
  if (value.kind === 'export' && SCHEMA_FUNCTIONS.has(value.name)) {
    return { kind: 'schema', dialect: value.dialect, schema: getStaticString(args[0]), casing: null };
  }
  if (value.kind === 'schemaFactory') {
    return { kind: 'schema', dialect: value.dialect, schema: getStaticString(args[0]), casing: value.casing };
  }
  if (value.kind === 'export' && TABLE_CREATORS.has(value.name)) {
    return { kind: 'tableFn', dialect: value.dialect, schema: null, casing: null, rename: getCreatorRename(args[0]) };
  }
  return null;
}

/** The string value of a string literal or a template literal without expressions, else null. */
export function getStaticString(node: TSESTree.Node | undefined | null): string | null {
  if (!node) return null;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]!.value.cooked ?? null;
  return null;
}

/** `(name) => \`prefix_${name}\`` → a function applying the same template; anything else → null. */
function getCreatorRename(node: TSESTree.CallExpressionArgument | undefined): TableFnValue['rename'] {
  if (!node || (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression)) return null;
  const param = node.params[0];
  if (!param || param.type !== AST_NODE_TYPES.Identifier) return null;
  let body: TSESTree.Node = node.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const ret = body.body.length === 1 ? body.body[0] : undefined;
    if (!ret || ret.type !== AST_NODE_TYPES.ReturnStatement || !ret.argument) return null;
    body = ret.argument;
  }
  if (body.type === AST_NODE_TYPES.Identifier && body.name === param.name) return 'identity';
  if (body.type !== AST_NODE_TYPES.TemplateLiteral) return null;
  const { quasis, expressions } = body;
  if (!expressions.every((e) => e.type === AST_NODE_TYPES.Identifier && e.name === param.name)) return null;
  const parts = quasis.map((q) => q.value.cooked ?? '');
  return (name) => parts.reduce((acc, part, i) => acc + (i > 0 ? name : '') + part, '');
}
