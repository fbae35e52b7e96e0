import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getStaticString } from './drizzle-values.js';
import { skipTypeWrappers } from './skip-type-wrappers.js';
import type { ForeignKeyAction } from './types.js';

/**
 * A referential action argument (`'set null'`), with its node when `isLocal` (the argument is in the linted file).
 * Null when absent or not a static string.
 */
export function parseForeignKeyAction(node: TSESTree.Node | null | undefined, isLocal: boolean): ForeignKeyAction | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return null;
  const inner = skipTypeWrappers(node);
  const value = getStaticString(inner);
  if (value === null) return null;
  const literal = isLocal && inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string' ? (inner as TSESTree.StringLiteral) : null;
  return { value, node: literal };
}
