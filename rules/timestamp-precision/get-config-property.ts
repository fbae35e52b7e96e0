import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/** The property `key` of a builder's config object (`{ precision: 3 }`), or null when absent. */
export function getConfigProperty(config: TSESTree.ObjectExpression | null, key: string): TSESTree.Property | null {
  for (const property of config?.properties ?? []) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const name =
      property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : property.key.type === AST_NODE_TYPES.Literal
          ? String(property.key.value)
          : null;
    if (name === key) return property;
  }
  return null;
}
