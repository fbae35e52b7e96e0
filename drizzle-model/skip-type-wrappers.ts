import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/** `x as T`, `x satisfies T`, `x!`, `<T>x` → `x` (repeatedly). */
export function skipTypeWrappers(node: TSESTree.Expression): TSESTree.Expression;
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node;
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}
