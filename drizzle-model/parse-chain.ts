import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ChainLink, Dialect } from './types.js';
import { getStaticString } from './drizzle-values.js';
import { skipTypeWrappers } from './skip-type-wrappers.js';

/** A column helper: a function whose body returns a Drizzle column builder chain. */
export interface HelperDefinition {
  readonly name: string;
  /** Absolute path of the defining module, or null when local to the linted file. */
  readonly module: string | null;
  readonly params: readonly { readonly name: string; readonly defaultValue: string | null }[];
  readonly chain: ParsedChain;
}

/** What a callee resolves to when it starts a column chain. */
export type ResolvedCallee =
  | {
      readonly kind: 'builder';
      readonly name: string;
      readonly dialect: Dialect;
      /** For a builder the project made (pgEnum, customType): the enum's type name or the custom `dataType()`. */
      readonly typeName?: string | null;
    }
  | { readonly kind: 'helper'; readonly helper: HelperDefinition };

export interface CalleeResolver {
  resolveCallee(callee: TSESTree.Expression): ResolvedCallee | null;
}

export type ParsedName =
  | { readonly kind: 'literal'; readonly value: string; readonly node: TSESTree.StringLiteral | null }
  | { readonly kind: 'param'; readonly index: number }
  /** A name argument whose value is not known statically (a variable, a template with expressions). */
  | { readonly kind: 'dynamic' };

/** A column builder chain: `uuid('id').primaryKey().defaultRandom()`. */
export interface ParsedChain {
  readonly builder: string;
  readonly dialect: Dialect;
  /** The SQL type of a project-made builder: a pgEnum's type name, a customType's `dataType()`; else null. */
  readonly typeName: string | null;
  /** The builder call, in the AST it was parsed from. */
  readonly builderNode: TSESTree.CallExpression;
  readonly name: ParsedName | null;
  readonly config: TSESTree.ObjectExpression | null;
  readonly links: readonly ChainLink[];
  /** Set when the chain starts with a helper call (the helper's body is expanded into this chain). */
  readonly helper: { readonly definition: HelperDefinition; readonly call: TSESTree.CallExpression } | null;
}

/**
 * Parse a column value into its builder chain, expanding helper calls through their bodies.
 * `paramNames` are the enclosing helper's parameters (a name argument may be one of them).
 * Returns null when the expression is not a Drizzle column builder chain.
 */
export function parseChain(
  expression: TSESTree.Expression,
  resolver: CalleeResolver,
  paramNames: readonly string[] = [],
): ParsedChain | null {
  const links: ChainLink[] = [];
  let node: TSESTree.Expression = skipTypeWrappers(expression);
  for (;;) {
    if (node.type !== AST_NODE_TYPES.CallExpression) return null;
    const resolved = resolver.resolveCallee(node.callee);
    if (resolved) {
      links.reverse();
      return resolved.kind === 'builder'
        ? parseBuilderCall(node, resolved.name, resolved.dialect, resolved.typeName ?? null, links, paramNames)
        : expandHelperCall(node, resolved.helper, links, paramNames);
    }
    const callee = node.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
      return null;
    }
    links.push({ name: callee.property.name, args: node.arguments, node });
    node = skipTypeWrappers(callee.object);
  }
}

function parseName(arg: TSESTree.CallExpressionArgument | undefined, paramNames: readonly string[]): ParsedName | null {
  if (!arg) return null;
  const value = getStaticString(arg);
  if (value !== null) {
    return { kind: 'literal', value, node: arg.type === AST_NODE_TYPES.Literal ? (arg as TSESTree.StringLiteral) : null };
  }
  if (arg.type === AST_NODE_TYPES.Identifier) {
    const index = paramNames.indexOf(arg.name);
    if (index >= 0) return { kind: 'param', index };
  }
  return { kind: 'dynamic' };
}

function parseBuilderCall(
  call: TSESTree.CallExpression,
  builder: string,
  dialect: Dialect,
  typeName: string | null,
  links: ChainLink[],
  paramNames: readonly string[],
): ParsedChain {
  const [first, second] = call.arguments;
  const firstIsConfig = first?.type === AST_NODE_TYPES.ObjectExpression;
  const name = firstIsConfig ? null : parseName(first, paramNames);
  const configArg = firstIsConfig ? first : second;
  const config = configArg?.type === AST_NODE_TYPES.ObjectExpression ? configArg : null;
  return { builder, dialect, typeName, builderNode: call, name, config, links, helper: null };
}

/** `helper('x').notNull()` → the helper body's chain, name parameter substituted, local links appended. */
function expandHelperCall(
  call: TSESTree.CallExpression,
  helper: HelperDefinition,
  localLinks: ChainLink[],
  paramNames: readonly string[],
): ParsedChain {
  const body = helper.chain;
  let name = body.name;
  if (name?.kind === 'param') {
    const param = helper.params[name.index];
    name = parseName(call.arguments[name.index], paramNames) ??
      (param?.defaultValue != null ? { kind: 'literal', value: param.defaultValue, node: null } : null);
  } else if (name?.kind === 'literal') {
    // The literal lives in the helper's body, not at this call.
    name = { kind: 'literal', value: name.value, node: null };
  }
  const bodyLinks = body.links.map((link): ChainLink => ({ ...link, node: null }));
  return { ...body, name, links: [...bodyLinks, ...localLinks], helper: { definition: helper, call } };
}
