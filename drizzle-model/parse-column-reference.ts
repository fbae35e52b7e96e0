import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getReturnedExpression, isFunctionLike } from './parse-helper-function.js';
import { skipTypeWrappers } from './skip-type-wrappers.js';

/**
 * The table variable and column key a foreign key points at: `users.id`, or the value of a thunk
 * (`() => users.id`, `(): AnyPgColumn => categories.id`). Null for anything else (`schema.users.id`, a call).
 */
export function parseColumnReference(node: TSESTree.Node | null | undefined): { readonly table: string; readonly column: string } | null {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return null;
  let value: TSESTree.Node | null = skipTypeWrappers(node);
  if (isFunctionLike(value)) value = getReturnedExpression(value);
  value = value && skipTypeWrappers(value);
  if (
    value?.type !== AST_NODE_TYPES.MemberExpression ||
    value.computed ||
    value.object.type !== AST_NODE_TYPES.Identifier ||
    value.property.type !== AST_NODE_TYPES.Identifier
  ) {
    return null;
  }
  return { table: value.object.name, column: value.property.name };
}
