import type { PgtapOverload, PgtapType } from './pgtap-overloads.js';

/**
 * The type of one call argument as Postgres sees it before resolution: `unknown` for a plain string literal,
 * `other` for an expression this codemod does not type (a column, a parameter), which may match anything.
 */
export type PgtapArgumentType = 'unknown' | 'other' | 'name' | 'text' | 'name[]' | 'text[]' | 'int';

const CATEGORY: Readonly<Record<PgtapType, string>> = {
  name: 'string',
  text: 'string',
  'name[]': 'array',
  'text[]': 'array',
  int: 'numeric',
  anyelement: 'pseudo',
};

function getCategory(type: Exclude<PgtapArgumentType, 'unknown' | 'other'>): string {
  return type === 'int' ? 'numeric' : type.endsWith('[]') ? 'array' : 'string';
}

/** Implicit casts between the types pgTAP's parameters use: text ↔ name, and the same for arrays. */
function isCoercible(argument: PgtapArgumentType, parameter: PgtapType): boolean {
  return argument === 'unknown' || argument === 'other' || parameter === 'anyelement' || CATEGORY[parameter] === getCategory(argument);
}

function keepBest(candidates: readonly PgtapOverload[], score: (overload: PgtapOverload) => number): PgtapOverload[] {
  const scores = candidates.map(score);
  const best = Math.max(...scores);
  return candidates.filter((_, index) => scores[index] === best);
}

/**
 * The overloads Postgres's function resolution keeps for a call with these argument types
 * (https://www.postgresql.org/docs/current/typeconv-func.html): the arity fits (parameters with defaults may
 * be left out), every argument can be cast implicitly; then the most exact type matches win, then the most
 * preferred-type (`text`) matches among converted arguments; then, for the `unknown` literals, the category
 * each position takes (string if any candidate accepts it) and within it `text` where some candidate has it,
 * all positions at once (when no candidate passes, all stay); then unknowns read as the one known type. So `has_table('a', 'b')` is `has_table(name, text)`:
 * `(table, description)`, and only `has_table('a'::name, 'b'::name)` reads `(schema, table)`.
 * One overload: resolved. Several: Postgres would report the call as ambiguous. None: not a pgTAP call.
 */
export function resolvePgtapOverload(overloads: readonly PgtapOverload[], argumentTypes: readonly PgtapArgumentType[]): PgtapOverload[] {
  const count = argumentTypes.length;
  let candidates = overloads.filter((overload) => {
    const { parameters } = overload;
    const required = parameters.filter((parameter) => !parameter.optional).length;
    return count >= required && count <= parameters.length && argumentTypes.every((type, index) => isCoercible(type, parameters[index]!.type));
  });
  if (candidates.length <= 1) return candidates;
  candidates = keepBest(candidates, (overload) => argumentTypes.filter((type, index) => type === overload.parameters[index]!.type).length);
  candidates = keepBest(
    candidates,
    (overload) =>
      argumentTypes.filter((type, index) => type !== 'unknown' && type !== 'other' && type !== overload.parameters[index]!.type && overload.parameters[index]!.type === 'text')
        .length,
  );
  const unknowns = argumentTypes.flatMap((type, index) => (type === 'unknown' ? [index] : []));
  const selected = new Map<number, { category: string; isTextPreferred: boolean }>();
  for (const index of unknowns) {
    const types = candidates.map((overload) => overload.parameters[index]!.type);
    const categories = new Set(types.map((type) => CATEGORY[type]));
    const category = categories.has('string') ? 'string' : categories.size === 1 ? [...categories][0]! : null;
    if (category === null) return candidates;
    selected.set(index, { category, isTextPreferred: category === 'string' && types.includes('text') });
  }
  const kept = candidates.filter((overload) =>
    [...selected].every(([index, { category, isTextPreferred }]) => {
      const type = overload.parameters[index]!.type;
      return CATEGORY[type] === category && (!isTextPreferred || type === 'text');
    }),
  );
  if (kept.length > 0) candidates = kept;
  if (candidates.length <= 1) return candidates;
  // Unknown literals next to known arguments that all have one type: read the literals as that type too.
  const known = new Set(argumentTypes.filter((type) => type !== 'unknown'));
  const [only] = known;
  if (unknowns.length === 0 || known.size !== 1 || only === undefined || only === 'other') return candidates;
  const accepting = candidates.filter((overload) => unknowns.every((index) => isCoercible(only, overload.parameters[index]!.type)));
  return accepting.length === 1 ? accepting : candidates;
}
