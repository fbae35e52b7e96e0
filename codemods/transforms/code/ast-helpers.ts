/** Small AST helpers shared by the code transforms of the rename codemod. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

export { skipTypeWrappers as skipExpressionWrappers } from '../../../drizzle-model/skip-type-wrappers.js';
import { skipTypeWrappers as skipExpressionWrappers } from '../../../drizzle-model/skip-type-wrappers.js';

/** The string literal `node` is (through `as`/`satisfies` wrappers), or null. */
export function getStringLiteral(node: TSESTree.Node | null | undefined): TSESTree.StringLiteral | null {
  if (!node) return null;
  const inner = skipExpressionWrappers(node);
  return inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string' ? (inner as TSESTree.StringLiteral) : null;
}

/** The static name of a property or type member key (`a`, `'a'`, `['a']`), or null. */
export function getKeyName(key: TSESTree.Node, computed: boolean): string | null {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return null;
}

/** The method name of a call `x.name(...)` / `x?.name(...)`, or null. */
export function getMethodName(call: TSESTree.CallExpression): string | null {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  if (!callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) return callee.property.name;
  return callee.computed ? (getStringLiteral(callee.property)?.value ?? null) : null;
}

/** The call that `call`'s result is the receiver of (`call.next(...)`), or null. */
export function getNextCallInChain(call: TSESTree.Node): TSESTree.CallExpression | null {
  const member = call.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== call) return null;
  const next = member.parent;
  return next?.type === AST_NODE_TYPES.CallExpression && next.callee === member ? next : null;
}

/** A property of an object literal by static key name, or null. */
export function getObjectProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && getKeyName(property.key, property.computed) === name) return property;
  }
  return null;
}

/** Is `name` writable as a bare JavaScript identifier (property key)? */
export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}
