import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

type NodeOfType<T extends TSESTree.Node['type']> = Extract<TSESTree.Node, { type: T }>;

/** Nodes of a program by type, in source order; one traversal per program, shared by every code transform. */
const cache = new WeakMap<TSESTree.Program, ReadonlyMap<string, readonly TSESTree.Node[]>>();

export function getNodesOfType<T extends TSESTree.Node['type']>(ast: TSESTree.Program, type: T): ReadonlyArray<NodeOfType<T>> {
  let byType = cache.get(ast);
  if (!byType) {
    const map = new Map<string, TSESTree.Node[]>();
    const visit = (node: TSESTree.Node): void => {
      const list = map.get(node.type);
      if (list) list.push(node);
      else map.set(node.type, [node]);
      for (const key of visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const item of child) if (item) visit(item as TSESTree.Node);
        } else if (child && typeof child === 'object') {
          visit(child as TSESTree.Node);
        }
      }
    };
    visit(ast);
    byType = map;
    cache.set(ast, byType);
  }
  return (byType.get(type) ?? []) as ReadonlyArray<NodeOfType<T>>;
}
