import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/** The value of a number, string or boolean literal (`3`, `3 as const`, `'string'`), else undefined (unknown). */
export function getLiteralValue(node: TSESTree.Node): number | string | boolean | undefined {
  let current = node;
  while (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSSatisfiesExpression) {
    current = current.expression;
  }
  if (current.type !== AST_NODE_TYPES.Literal) return undefined;
  const { value } = current;
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : undefined;
}
