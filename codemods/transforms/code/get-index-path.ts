import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getStringLiteralType } from './get-string-literal-type.js';

/**
 * The string indices of an indexed access chain rooted at a type reference (and the root's name):
 * `Database['public']['Tables']` → `{ root: 'Database', path: ['public', 'Tables'] }`; null when an index is not a
 * string literal.
 */
export function getIndexPath(node: TSESTree.TypeNode): { root: string | null; path: string[] } | null {
  if (node.type === AST_NODE_TYPES.TSTypeReference) {
    return { root: node.typeName.type === AST_NODE_TYPES.Identifier ? node.typeName.name : null, path: [] };
  }
  if (node.type !== AST_NODE_TYPES.TSIndexedAccessType) return null;
  const head = getIndexPath(node.objectType);
  const index = getStringLiteralType(node.indexType);
  return head && index ? { root: head.root, path: [...head.path, index.value] } : null;
}
