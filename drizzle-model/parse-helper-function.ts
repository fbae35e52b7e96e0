import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getStaticString } from './drizzle-values.js';
import { parseChain, type CalleeResolver, type HelperDefinition } from './parse-chain.js';

export type FunctionLike = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** True for arrow functions, function expressions and declarations. */
export function isFunctionLike(node: TSESTree.Node | null | undefined): node is FunctionLike {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** The single value a function returns: an expression body, or the last top-level `return` of a block. */
export function getReturnedExpression(fn: FunctionLike): TSESTree.Expression | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const last = fn.body.body.at(-1);
  return last?.type === AST_NODE_TYPES.ReturnStatement ? last.argument : null;
}

/**
 * A helper definition when `fn` returns a Drizzle column builder chain (`(name: string) => uuid(name).notNull()`,
 * `function createdAtColumn() { return timestamp('created_at', …) }`), else null.
 */
export function parseHelperFunction(
  name: string,
  fn: FunctionLike,
  resolver: CalleeResolver,
  module: string | null,
): HelperDefinition | null {
  const params: { name: string; defaultValue: string | null }[] = [];
  for (const param of fn.params) {
    if (param.type === AST_NODE_TYPES.Identifier) params.push({ name: param.name, defaultValue: null });
    else if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) {
      params.push({ name: param.left.name, defaultValue: getStaticString(param.right) });
    } else return null;
  }
  const returned = getReturnedExpression(fn);
  if (!returned) return null;
  const chain = parseChain(
    returned,
    resolver,
    params.map((p) => p.name),
  );
  return chain ? { name, module, params, chain } : null;
}
