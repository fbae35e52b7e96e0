import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/**
 * True for a value known without running code: string, number, boolean and null literals, templates without
 * expressions, signed numbers, and arrays and objects (static keys) of those, optionally `as const`.
 */
export function isStaticValue(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return !('regex' in node);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return (node.operator === '-' || node.operator === '+') && node.argument.type === AST_NODE_TYPES.Literal && typeof node.argument.value === 'number';
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((e) => e !== null && isStaticValue(e));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every(
        (p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.kind === 'init' && !p.method && !p.shorthand && isStaticValue(p.value),
      );
    case AST_NODE_TYPES.TSAsExpression:
      return node.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
        node.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
        node.typeAnnotation.typeName.name === 'const' &&
        isStaticValue(node.expression);
    default:
      return false;
  }
}
