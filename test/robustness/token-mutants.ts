import fc from 'fast-check';
import { parse } from '@typescript-eslint/typescript-estree';

/**
 * Near-real code: a source with one to three consecutive tokens deleted or duplicated, kept only when it still
 * parses (so the rules, not the parser, meet it): `pgTable('t')`, `uuid().references()`, `index().on()`,
 * a chain cut short, an options object missing a value… Deterministic for a given seed.
 */
export function getTokenMutants(sources: readonly string[], options: { seed: number; count: number }): string[] {
  const tokenized = sources.map((text) => ({ text, ranges: parse(text, { tokens: true, range: true, jsx: false }).tokens!.map((t) => t.range) }));
  const mutationArb = fc.record({ source: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }), duplicate: fc.boolean() });
  const mutants: string[] = [];
  for (const { source, at, length, duplicate } of fc.sample(mutationArb, { seed: options.seed, numRuns: options.count * 6 })) {
    if (mutants.length >= options.count) break;
    const { text, ranges } = tokenized[source % tokenized.length]!;
    const first = ranges[at % ranges.length]!;
    const last = ranges[Math.min(ranges.length - 1, (at % ranges.length) + length - 1)]!;
    const span = text.slice(first[0], last[1]);
    const mutant = text.slice(0, first[0]) + (duplicate ? `${span} ${span}` : '') + text.slice(last[1]);
    if (isParsable(mutant)) mutants.push(mutant);
  }
  return mutants;
}

function isParsable(text: string): boolean {
  try {
    parse(text, { jsx: false });
    return true;
  } catch {
    return false;
  }
}
