import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ChainLink, Dialect, DrizzleColumn, HelperDefinition } from '../../drizzle-model/index.js';
import { getNodeKey } from './get-node-key.js';
import type { SharedHelper } from './get-shared-helpers.js';
import { isStaticValue } from './is-static-value.js';

/**
 * Builder methods that are independent setters: each sets one property of the column (its slot), so calls
 * with different slots can be reordered without changing the column. `array()` (wraps the builder in a new
 * one) and unknown methods have no slot: they are never reordered and never kept after a helper.
 */
const SLOTS: Readonly<Record<string, string>> = {
  notNull: 'notNull',
  primaryKey: 'primaryKey',
  generatedAlwaysAsIdentity: 'identity',
  generatedByDefaultAsIdentity: 'identity',
  default: 'default',
  defaultNow: 'default',
  defaultRandom: 'default',
  $default: 'default',
  $defaultFn: 'default',
  $onUpdate: 'onUpdate',
  $onUpdateFn: 'onUpdate',
  onUpdateNow: 'onUpdate',
  unique: 'unique',
  references: 'references',
  $type: 'type',
  generatedAlwaysAs: 'generated',
};

/** Calls that make a column NOT NULL: kept after a helper only when the helper's column is NOT NULL already. */
const NOT_NULL_CALLS = new Set(['notNull', 'primaryKey', 'generatedAlwaysAsIdentity', 'generatedByDefaultAsIdentity']);

type Name = { readonly kind: 'none' } | { readonly kind: 'literal'; readonly value: string } | { readonly kind: 'param'; readonly defaultValue: string | null };

interface Shape {
  readonly builder: string;
  readonly dialect: Dialect;
  readonly name: Name;
  /** Keys of the builder's arguments after the name (the config object, an enum's values, …). */
  readonly argsKey: string;
  readonly links: readonly { readonly name: string; readonly key: string }[];
}

export interface HelperMatch {
  readonly helper: SharedHelper;
  /** The column's calls that the helper does not contain, in source order: they stay after the helper call. */
  readonly extras: readonly ChainLink[];
  /** The column's name argument, when the helper takes the name as a parameter and the default does not fit. */
  readonly nameArg: TSESTree.CallExpressionArgument | null;
}

const shapes = new WeakMap<HelperDefinition, Shape | null>();

function getArgsKey(args: readonly TSESTree.CallExpressionArgument[]): string {
  return `[${args.map(getNodeKey).join(',')}]`;
}

function hasNameArgument(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  return first !== undefined && first.type !== AST_NODE_TYPES.ObjectExpression;
}

function containsIdentifier(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((v) => containsIdentifier(v, name));
  if (value === null || typeof value !== 'object') return false;
  const node = value as TSESTree.Node;
  if (node.type === AST_NODE_TYPES.Identifier && node.name === name) return true;
  return Object.entries(node).some(([key, child]) => key !== 'parent' && containsIdentifier(child, name));
}

/**
 * The comparable shape of a helper, or null when it cannot stand for an inline chain: more than one parameter,
 * a parameter that is not the name, a name or builder argument that is not static, a parameter used in a call.
 */
function getHelperShape(definition: HelperDefinition): Shape | null {
  if (shapes.has(definition)) return shapes.get(definition)!;
  const { chain, params } = definition;
  let shape: Shape | null = null;
  const rest = chain.builderNode.arguments.slice(hasNameArgument(chain.builderNode) ? 1 : 0);
  let name: Name | null = null;
  if (params.length === 0 && chain.name === null) name = { kind: 'none' };
  else if (params.length === 0 && chain.name?.kind === 'literal') name = { kind: 'literal', value: chain.name.value };
  else if (params.length === 1 && chain.name?.kind === 'param' && chain.name.index === 0) {
    name = { kind: 'param', defaultValue: params[0]!.defaultValue };
  }
  const usesParam = params.some((p) => chain.links.some((link) => containsIdentifier(link.args, p.name)));
  if (name && rest.every(isStaticValue) && !usesParam) {
    shape = {
      builder: chain.builder,
      dialect: chain.dialect,
      name,
      argsKey: getArgsKey(rest),
      links: chain.links.map((link) => ({ name: link.name, key: getArgsKey(link.args) })),
    };
  }
  shapes.set(definition, shape);
  return shape;
}

/** The comparable shape of an inline column, or null when its name is not static or it already uses a helper. */
function getColumnShape(column: DrizzleColumn, dialect: Dialect): Shape | null {
  const call = column.builderNode;
  if (!call || column.helper || column.nameIsDynamic) return null;
  const named = hasNameArgument(call);
  if (named && column.explicitName === null) return null;
  const name: Name = named ? { kind: 'literal', value: column.explicitName! } : { kind: 'none' };
  return {
    builder: column.builder,
    dialect,
    name,
    argsKey: getArgsKey(call.arguments.slice(named ? 1 : 0)),
    links: column.chain.map((link) => ({ name: link.name, key: getArgsKey(link.args) })),
  };
}

function isNameMatch(helper: Name, column: Name): boolean {
  if (helper.kind === 'param') return column.kind === 'literal';
  if (helper.kind === 'literal') return column.kind === 'literal' && column.value === helper.value;
  return column.kind === 'none';
}

/**
 * The column's calls that are left after taking out the helper's calls, or null when the helper does not fit:
 * a helper call is missing, a left-over call is not an additive setter (or makes a nullable helper's column
 * NOT NULL), or moving the helper's calls to the front would reorder calls that set the same thing.
 */
function getExtraLinks(helper: Shape, column: Shape): number[] | null {
  const used = new Set<number>();
  const matched: number[] = [];
  for (const link of helper.links) {
    const index = column.links.findIndex((l, i) => !used.has(i) && l.name === link.name && l.key === link.key);
    if (index < 0) return null;
    used.add(index);
    matched.push(index);
  }
  const extras = column.links.map((_, i) => i).filter((i) => !used.has(i));
  const helperIsNotNull = helper.links.some((l) => NOT_NULL_CALLS.has(l.name));
  for (const i of extras) {
    const name = column.links[i]!.name;
    if (!(name in SLOTS) || (NOT_NULL_CALLS.has(name) && !helperIsNotNull)) return null;
  }
  const order = [...matched, ...extras];
  for (let a = 0; a < order.length; a++) {
    for (let b = a + 1; b < order.length; b++) {
      const first = order[a]!;
      const second = order[b]!;
      if (first < second) continue;
      const slotA = SLOTS[column.links[first]!.name];
      const slotB = SLOTS[column.links[second]!.name];
      if (slotA === undefined || slotB === undefined || slotA === slotB) return null;
    }
  }
  return extras;
}

/**
 * The shared helper an inline column chain repeats, or null. A helper fits when it has the same builder and
 * dialect, the same name (any name when the helper takes it as its parameter), equal builder arguments
 * (config objects compared key-order-insensitively, static values only), and all of its calls with equal
 * arguments; the column may carry further additive calls (see `getExtraLinks`). Of several, the helper with the
 * most calls wins, then one with a fixed name over one taking a name, then the first configured.
 */
export function getHelperMatch(column: DrizzleColumn, dialect: Dialect, helpers: readonly SharedHelper[]): HelperMatch | null {
  const shape = getColumnShape(column, dialect);
  if (!shape) return null;
  let best: { helper: SharedHelper; shape: Shape; extras: number[] } | null = null;
  for (const helper of helpers) {
    const helperShape = getHelperShape(helper.definition);
    if (
      !helperShape ||
      helperShape.builder !== shape.builder ||
      helperShape.dialect !== shape.dialect ||
      !isNameMatch(helperShape.name, shape.name) ||
      helperShape.argsKey !== shape.argsKey
    ) {
      continue;
    }
    const extras = getExtraLinks(helperShape, shape);
    if (!extras) continue;
    const better =
      !best ||
      helperShape.links.length > best.shape.links.length ||
      (helperShape.links.length === best.shape.links.length && helperShape.name.kind === 'literal' && best.shape.name.kind === 'param');
    if (better) best = { helper, shape: helperShape, extras };
  }
  if (!best) return null;
  const { name } = best.shape;
  const nameArg =
    name.kind === 'param' && !(shape.name.kind === 'literal' && name.defaultValue === shape.name.value)
      ? column.builderNode!.arguments[0]!
      : null;
  return { helper: best.helper, extras: best.extras.map((i) => column.chain[i]!), nameArg };
}
