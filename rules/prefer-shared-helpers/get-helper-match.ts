import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
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

/** One argument of a call, compared by its canonical text, or (in a helper) the helper's parameter at `index`. */
type ArgKey = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'param'; readonly index: number };

interface LinkShape {
  readonly name: string;
  /** The call's type arguments (`$type<string[]>()`): part of the column's TypeScript type. */
  readonly typeKey: string;
  readonly args: readonly ArgKey[];
}

interface Shape {
  readonly builder: string;
  readonly dialect: Dialect;
  readonly name: Name;
  /** Keys of the builder's type arguments and of its arguments after the name (the config object, an enum's values, …). */
  readonly argsKey: string;
  readonly links: readonly LinkShape[];
}

export interface HelperMatch {
  readonly helper: SharedHelper;
  /** The column's calls that the helper does not contain, in source order: they stay after the helper call. */
  readonly extras: readonly ChainLink[];
  /**
   * The arguments of the helper call, in parameter order: the column's name (omitted when the parameter's default
   * fits and nothing follows it) and the column's arguments that fill the helper's other parameters
   * (`foreignKeyColumn('user_id', () => users.id)` for `(name, ref) => uuid(name).notNull().references(ref)`).
   */
  readonly args: readonly TSESTree.CallExpressionArgument[];
}

const shapes = new WeakMap<HelperDefinition, Shape | null>();

function getArgsKey(args: readonly TSESTree.CallExpressionArgument[]): string {
  return `[${args.map(getNodeKey).join(',')}]`;
}

function getTypeKey(call: TSESTree.CallExpression | null): string {
  return call?.typeArguments ? getNodeKey(call.typeArguments) : '';
}

function getLinkShape(link: ChainLink, params: readonly string[] = []): LinkShape {
  return {
    name: link.name,
    typeKey: getTypeKey(link.node),
    args: link.args.map((arg): ArgKey => {
      const index = arg.type === AST_NODE_TYPES.Identifier ? params.indexOf(arg.name) : -1;
      return index >= 0 ? { kind: 'param', index } : { kind: 'key', key: getNodeKey(arg) };
    }),
  };
}

function countIdentifier(value: unknown, name: string): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + countIdentifier(v, name), 0);
  if (value === null || typeof value !== 'object') return 0;
  const node = value as TSESTree.Node;
  if (node.type === AST_NODE_TYPES.Identifier && node.name === name) return 1;
  return Object.entries(node).reduce((sum, [key, child]) => sum + (key === 'parent' ? 0 : countIdentifier(child, name)), 0);
}

function hasNameArgument(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  return first !== undefined && first.type !== AST_NODE_TYPES.ObjectExpression;
}

/**
 * The comparable shape of a helper, or null when it cannot stand for an inline chain: a name or builder argument
 * that is not static, or a parameter that is neither the name nor, used once, a whole argument of one of its calls
 * (`(name, ref) => uuid(name).references(ref)`: the column's argument is passed through).
 */
function getHelperShape(definition: HelperDefinition): Shape | null {
  if (shapes.has(definition)) return shapes.get(definition)!;
  const { chain, params } = definition;
  let shape: Shape | null = null;
  const rest = chain.builderNode.arguments.slice(hasNameArgument(chain.builderNode) ? 1 : 0);
  let name: Name | null = null;
  if (params.length === 0 && chain.name === null) name = { kind: 'none' };
  else if (params.length === 0 && chain.name?.kind === 'literal') name = { kind: 'literal', value: chain.name.value };
  else if (chain.name?.kind === 'param' && chain.name.index === 0) {
    name = { kind: 'param', defaultValue: params[0]!.defaultValue };
  }
  const names = params.map((p) => p.name);
  const links = chain.links.map((link) => getLinkShape(link, names));
  // Each parameter after the name: used exactly once, as a whole argument of a call.
  const passedThrough = params.every((param, index) => {
    if (index === 0 && name?.kind === 'param') return chain.links.every((link) => countIdentifier(link.args, param.name) === 0);
    const uses = chain.links.reduce((sum, link) => sum + countIdentifier(link.args, param.name), 0);
    const whole = links.reduce((sum, link) => sum + link.args.filter((a) => a.kind === 'param' && a.index === index).length, 0);
    return uses === 1 && whole === 1;
  });
  if (name && rest.every(isStaticValue) && passedThrough) {
    shape = {
      builder: chain.builder,
      dialect: chain.dialect,
      name,
      argsKey: `${getTypeKey(chain.builderNode)}${getArgsKey(rest)}`,
      links,
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
    argsKey: `${getTypeKey(call)}${getArgsKey(call.arguments.slice(named ? 1 : 0))}`,
    links: column.chain.map((link) => getLinkShape(link)),
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
function getExtraLinks(helper: Shape, column: Shape): { extras: number[]; captures: Map<number, { link: number; arg: number }> } | null {
  const used = new Set<number>();
  const matched: number[] = [];
  const captures = new Map<number, { link: number; arg: number }>();
  for (const link of helper.links) {
    const index = column.links.findIndex((l, i) => !used.has(i) && isLinkMatch(link, l));
    if (index < 0) return null;
    used.add(index);
    matched.push(index);
    link.args.forEach((arg, i) => {
      if (arg.kind === 'param') captures.set(arg.index, { link: index, arg: i });
    });
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
  return { extras, captures };
}

/** True when a column's call is the helper's call: same method, type arguments and arguments (a parameter takes any). */
function isLinkMatch(helper: LinkShape, column: LinkShape): boolean {
  return (
    helper.name === column.name &&
    helper.typeKey === column.typeKey &&
    helper.args.length === column.args.length &&
    helper.args.every((arg, i) => {
      const other = column.args[i]!;
      return arg.kind === 'param' || (other.kind === 'key' && other.key === arg.key);
    })
  );
}

/**
 * The shared helper an inline column chain repeats, or null. A helper fits when it has the same builder and
 * dialect, the same name (any name when the helper takes it as its parameter), equal builder type arguments and
 * arguments (config objects compared key-order-insensitively, static values only), and all of its calls with equal
 * type arguments and arguments (a helper parameter passed to a call takes the column's argument); the column may
 * carry further additive calls (see `getExtraLinks`), which stay after the helper call with their own type arguments,
 * so the column's TypeScript type is unchanged. Of several, the most specific wins: the helper with the most calls
 * (`(name, ref) => uuid(name).notNull().references(ref)` over `(name) => uuid(name).notNull()` for a column with
 * `.references()`), then one with a fixed name over one taking a name, then the first configured.
 */
export function getHelperMatch(column: DrizzleColumn, dialect: Dialect, helpers: readonly SharedHelper[]): HelperMatch | null {
  const shape = getColumnShape(column, dialect);
  if (!shape) return null;
  let best: { helper: SharedHelper; shape: Shape; fit: NonNullable<ReturnType<typeof getExtraLinks>> } | null = null;
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
    const fit = getExtraLinks(helperShape, shape);
    if (!fit) continue;
    const better =
      !best ||
      helperShape.links.length > best.shape.links.length ||
      (helperShape.links.length === best.shape.links.length && helperShape.name.kind === 'literal' && best.shape.name.kind === 'param');
    if (better) best = { helper, shape: helperShape, fit };
  }
  if (!best) return null;
  const { name } = best.shape;
  const { params } = best.helper.definition;
  const args: TSESTree.CallExpressionArgument[] = [];
  for (let index = params.length - 1; index >= 0; index--) {
    const capture = best.fit.captures.get(index);
    if (capture) {
      args.unshift(column.chain[capture.link]!.args[capture.arg]!);
    } else if (index === 0 && name.kind === 'param') {
      const defaultFits = shape.name.kind === 'literal' && name.defaultValue === shape.name.value;
      if (!defaultFits || args.length > 0) args.unshift(column.builderNode!.arguments[0]!);
    }
  }
  return { helper: best.helper, extras: best.fit.extras.map((i) => column.chain[i]!), args };
}
