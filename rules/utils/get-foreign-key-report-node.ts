import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { DrizzleForeignKey } from '../../drizzle-model/index.js';

/** Where a foreign key is reported: the `references` of an inline FK, the `foreignKey(...)` entry, or the column built by a helper. */
export function getForeignKeyReportNode(foreignKey: DrizzleForeignKey): TSESTree.Node {
  const { node } = foreignKey;
  if (
    foreignKey.source === 'column' &&
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    node.callee.property.name === 'references'
  ) {
    return node.callee.property;
  }
  return node;
}
