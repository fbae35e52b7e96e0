import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/** The property path that leads to `name` in `const { a: { b: name } } = …`, or null. */
export function getPatternPath(pattern: TSESTree.ObjectPattern, name: string): string[] | null {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = property.computed ? null : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
    if (key === null) continue;
    if (property.value.type === AST_NODE_TYPES.Identifier && property.value.name === name) return [key];
    if (property.value.type === AST_NODE_TYPES.ObjectPattern) {
      const rest = getPatternPath(property.value, name);
      if (rest) return [key, ...rest];
    }
  }
  return null;
}

