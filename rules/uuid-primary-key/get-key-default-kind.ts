import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ChainLink } from '../../drizzle-model/index.js';

/**
 * The kinds of key default the `defaults` option names:
 * `random` is `.defaultRandom()` (or `.default(sql\`gen_random_uuid()\`)`), uuid v4 made by Postgres;
 * `v7` is `.default(sql\`uuidv7()\`)`, uuid v7 made by Postgres 18 (or the pg_uuidv7 extension);
 * `v7-app` is `.$defaultFn(() => uuidv7())`, uuid v7 minted by the application in Drizzle's inserts.
 */
export type KeyDefault = 'random' | 'v7' | 'v7-app';

/** What one link of a key's chain does for its default: a recognized kind, another database or app default, or nothing. */
export type KeyDefaultKind = KeyDefault | 'other-database' | 'other-app' | null;

/** SQL functions that return a random (v4) uuid: core Postgres (13+, and 18's `uuidv4`), uuid-ossp. */
const RANDOM_FUNCTIONS = new Set(['gen_random_uuid', 'uuidv4', 'uuid_generate_v4']);
/** SQL functions that return a uuid v7: Postgres 18, and the pg_uuidv7 extension. */
const V7_FUNCTIONS = new Set(['uuidv7', 'uuid_generate_v7']);
/** Application functions that mint a uuid v7: `uuidv7()` (uuidv7 package), `v7()` / `uuid.v7()` (uuid package), `uuidV7()`. */
const V7_APP_NAME = /^(?:uuid_?)?v7$/i;

/** The SQL function a `sql\`fn()\`` template calls, or null for any other expression. */
function getSqlFunctionName(node: TSESTree.CallExpressionArgument | undefined): string | null {
  if (node?.type !== AST_NODE_TYPES.TaggedTemplateExpression || node.quasi.expressions.length > 0) return null;
  const match = /^\s*(?:[a-z_]+\.)?([a-z_][a-z0-9_]*)\s*\(\s*\)\s*$/i.exec(node.quasi.quasis[0]!.value.cooked ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** The name a function reference is called by: `uuidv7`, `v7` in `uuid.v7`; null for anything else. */
function getCalleeName(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    return node.property.name;
  }
  return null;
}

/** True when a `$defaultFn` argument mints a uuid v7: `uuidv7`, `() => uuidv7()`, `() => { return v7(); }`. */
function isV7Generator(node: TSESTree.CallExpressionArgument | undefined): boolean {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) {
    return V7_APP_NAME.test(getCalleeName(node) ?? '');
  }
  const body = node.body.type === AST_NODE_TYPES.BlockStatement ? node.body.body.at(-1) : node.body;
  const returned = body?.type === AST_NODE_TYPES.ReturnStatement ? body.argument : body;
  return returned?.type === AST_NODE_TYPES.CallExpression && V7_APP_NAME.test(getCalleeName(returned.callee) ?? '');
}

/** The default a chain link gives a uuid key, or null when the link is not a default. */
export function getKeyDefaultKind(link: ChainLink): KeyDefaultKind {
  switch (link.name) {
    case 'defaultRandom':
      return 'random';
    case 'default': {
      const fn = getSqlFunctionName(link.args[0]);
      if (fn !== null && RANDOM_FUNCTIONS.has(fn)) return 'random';
      if (fn !== null && V7_FUNCTIONS.has(fn)) return 'v7';
      return 'other-database';
    }
    case '$defaultFn':
    case '$default':
      return isV7Generator(link.args[0]) ? 'v7-app' : 'other-app';
    default:
      return null;
  }
}
