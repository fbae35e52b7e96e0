import type { TSESTree } from '@typescript-eslint/utils';
import { simpleTraverse } from '@typescript-eslint/typescript-estree';

type NodeOfType<T extends TSESTree.Node['type']> = Extract<TSESTree.Node, { type: T }>;

/** Nodes of a program by type, in source order; one traversal per program, shared by every code transform. */
const cache = new WeakMap<TSESTree.Program, ReadonlyMap<string, readonly TSESTree.Node[]>>();

export function getNodesOfType<T extends TSESTree.Node['type']>(ast: TSESTree.Program, type: T): ReadonlyArray<NodeOfType<T>> {
  let byType = cache.get(ast);
  if (!byType) {
    const map = new Map<string, TSESTree.Node[]>();
    simpleTraverse(ast, {
      enter(node) {
        const list = map.get(node.type);
        if (list) list.push(node);
        else map.set(node.type, [node]);
      },
    });
    byType = map;
    cache.set(ast, byType);
  }
  return (byType.get(type) ?? []) as ReadonlyArray<NodeOfType<T>>;
}
