import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

const SKIPPED_KEYS = new Set(['parent', 'range', 'loc', 'raw']);

function getStaticKey(property: TSESTree.Property): string | null {
  if (property.computed) return null;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
  return null;
}

function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return value;
  const node = value as TSESTree.Node;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if ('regex' in node) return { type: node.type, regex: node.regex };
      if ('bigint' in node) return { type: node.type, bigint: node.bigint };
      return { type: node.type, value: node.value };
    case AST_NODE_TYPES.TemplateLiteral:
      // `x` and 'x' are the same string.
      if (node.expressions.length === 0) return { type: AST_NODE_TYPES.Literal, value: node.quasis[0]!.value.cooked };
      break;
    case AST_NODE_TYPES.TemplateElement:
      return { type: node.type, cooked: node.value.cooked };
    case AST_NODE_TYPES.Property: {
      // `{ mode: 'string' }`, `{ 'mode': 'string' }` and the shorthand `{ mode }` (= `{ mode: mode }`) are alike.
      const key = getStaticKey(node);
      return { type: node.type, key: key ?? toPlain(node.key), computed: key === null, kind: node.kind, method: node.method, value: toPlain(node.value) };
    }
    case AST_NODE_TYPES.ObjectExpression: {
      // Property order does not matter when every key is static and distinct (no spreads, no computed keys).
      const keys = node.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? getStaticKey(p) : null));
      const sortable = keys.every((k) => k !== null) && new Set(keys).size === keys.length;
      const properties = node.properties.map((p, i) => ({ key: keys[i] ?? '', plain: toPlain(p) }));
      if (sortable) properties.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return { type: node.type, properties: properties.map((p) => p.plain) };
    }
    default:
      break;
  }
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(node).sort()) {
    if (!SKIPPED_KEYS.has(key)) plain[key] = toPlain((node as unknown as Record<string, unknown>)[key]);
  }
  return plain;
}

/**
 * A canonical text for an expression, equal for two expressions that differ only in layout, comments,
 * quote style, number spelling, object key order (static, distinct keys) or property shorthand.
 * Identifiers compare by name: `sql` and `users.id` are the same text wherever they are written.
 */
export function getNodeKey(node: TSESTree.Node): string {
  return JSON.stringify(toPlain(node));
}
