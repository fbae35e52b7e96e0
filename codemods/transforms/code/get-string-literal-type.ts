import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/** The string literal of a literal type (`'calls'` in `Tables<'calls'>`), or null. */
export function getStringLiteralType(node: TSESTree.Node | null | undefined): TSESTree.StringLiteral | null {
  if (node?.type !== AST_NODE_TYPES.TSLiteralType) return null;
  const literal = node.literal;
  return literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string' ? (literal as TSESTree.StringLiteral) : null;
}
