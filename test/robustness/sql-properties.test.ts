/**
 * SQL rewriting is exact: property tests over generated statements (./sql-grammar.ts) mixing quoted and
 * unquoted identifiers, string literals (E'', doubled quotes, dollar-quoted bodies), comments and look-alike
 * words. Token streams are compared with libpg-query's own scanner (not the rewriter's wrapper), in UTF-8 bytes.
 * Fixed seed, 300 runs per property: reproducible and fast.
 */
import fc from 'fast-check';
import { loadModule, parseSync, scanSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../codemods/edits.js';
import { buildPlan } from '../../codemods/plan.js';
import { ensureSqlReady } from '../../codemods/sql/ensure-sql-ready.js';
import { rewriteSql } from '../../codemods/sql/rewrite-sql.js';
import type { RenamePlan } from '../../codemods/types.js';
import { sqlArb } from './sql-grammar.js';

const RUNS = { seed: 20260515, numRuns: 300 } as const;

function getPlan(tables: Record<string, string>, columns: Record<string, string>): RenamePlan {
  return buildPlan(
    {
      tables: Object.entries(tables).map(([from, to]) => ({ schema: null, from, to, source: `--table ${from}=${to}` })),
      columns: Object.entries(columns).map(([key, to]) => {
        const [table = '', from = ''] = key.split('.');
        return { schema: null, table, from, to, source: `--column ${key}=${to}` };
      }),
    },
    { knownTables: new Set() },
  );
}

const renamePlan = getPlan({ messages: 'comms_messages' }, { 'messages.user_id': 'sender_id' });
const swapPlan = getPlan({ messages: 'calls', calls: 'messages' }, {});

function rewrite(sql: string, plan: RenamePlan): string {
  return applyEdits(sql, rewriteSql(sql, plan).edits);
}

/** Postgres folding: unquoted identifiers fold ASCII letters to lower case, quoted ones are exact. */
function getFoldedName(text: string): string {
  return text.startsWith('"') ? text.slice(1, -1).replaceAll('""', '"') : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

interface Token {
  readonly text: string;
  readonly name: string;
  /** The bytes between the previous token and this one (whitespace). */
  readonly gap: string;
}

function getTokens(sql: string): Token[] {
  const bytes = Buffer.from(sql, 'utf8');
  let previousEnd = 0;
  return scanSync(sql).tokens.map((token) => {
    const gap = bytes.subarray(previousEnd, token.start).toString('utf8');
    previousEnd = token.end;
    return { text: bytes.subarray(token.start, token.end).toString('utf8'), name: token.tokenName, gap };
  });
}

function parses(sql: string): boolean {
  try {
    parseSync(sql);
    return true;
  } catch {
    return false;
  }
}

/**
 * Property 1 for one plan: the token streams have the same length and whitespace; every token that
 * changed was an identifier whose folded name is an old name, and now names its new one. Returns the
 * problems (empty when the property holds).
 */
function getTokenProblems(before: string, after: string, renames: ReadonlyMap<string, string>): string[] {
  const a = getTokens(before);
  const b = getTokens(after);
  if (a.length !== b.length) return [`token count ${a.length} → ${b.length}`];
  const problems: string[] = [];
  a.forEach((token, i) => {
    const next = b[i]!;
    if (token.gap !== next.gap) problems.push(`whitespace before token ${i} changed`);
    if (token.text === next.text) return;
    if (token.name !== 'IDENT' || next.name !== 'IDENT') problems.push(`non-identifier token ${i} changed: ${token.text} → ${next.text}`);
    else if (renames.get(getFoldedName(token.text)) !== getFoldedName(next.text)) problems.push(`identifier ${token.text} → ${next.text} is not a planned rename`);
  });
  return problems;
}

/** A prefix of generated SQL ending after one of its tokens (cut in UTF-8 bytes, so never inside a character). */
const fragmentArb = fc.tuple(sqlArb, fc.nat()).map(([[sql], cut]) => {
  const tokens = scanSync(sql).tokens;
  const end = tokens[cut % tokens.length]?.end ?? 0;
  return Buffer.from(sql, 'utf8').subarray(0, end).toString('utf8');
});

beforeAll(async () => {
  await loadModule();
  await ensureSqlReady();
});

describe('rewriteSql on generated SQL', () => {
  it('the grammar produces SQL that Postgres parses, before and after, and most samples rename something', () => {
    fc.assert(
      fc.property(sqlArb, ([before, expected]) => parses(before) && parses(expected)),
      RUNS,
    );
    const samples = fc.sample(sqlArb, RUNS);
    expect(samples.filter(([before, expected]) => before !== expected).length).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it('rewrites exactly the references to the renamed table and column (expected text from the grammar)', () => {
    fc.assert(
      fc.property(sqlArb, ([before, expected]) => {
        expect(rewrite(before, renamePlan)).toBe(expected);
      }),
      RUNS,
    );
  });

  it('property 1: only identifier tokens equal to an old name change, to the new name (rename and swap plans)', () => {
    const renames = new Map([['messages', 'comms_messages'], ['user_id', 'sender_id']]);
    const swaps = new Map([['messages', 'calls'], ['calls', 'messages']]);
    fc.assert(
      fc.property(sqlArb, ([before]) => {
        expect(getTokenProblems(before, rewrite(before, renamePlan), renames)).toEqual([]);
        expect(getTokenProblems(before, rewrite(before, swapPlan), swaps)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('property 1 on fragments (a statement cut after any token, which the rewriter handles without a parse tree)', () => {
    const renames = new Map([['messages', 'comms_messages'], ['user_id', 'sender_id']]);
    const swaps = new Map([['messages', 'calls'], ['calls', 'messages']]);
    fc.assert(
      fc.property(fragmentArb, (fragment) => {
        expect(getTokenProblems(fragment, rewrite(fragment, renamePlan), renames)).toEqual([]);
        expect(getTokenProblems(fragment, rewrite(fragment, swapPlan), swaps)).toEqual([]);
        const once = rewrite(fragment, renamePlan);
        expect(rewrite(once, renamePlan)).toBe(once);
      }),
      RUNS,
    );
  });

  it('property 2: SQL that parsed before still parses after (rename and swap plans)', () => {
    fc.assert(
      fc.property(sqlArb, ([before]) => {
        fc.pre(parses(before));
        expect(parses(rewrite(before, renamePlan))).toBe(true);
        expect(parses(rewrite(before, swapPlan))).toBe(true);
      }),
      RUNS,
    );
  });

  it('property 3: rewriting twice changes nothing more (a plan without swaps)', () => {
    fc.assert(
      fc.property(sqlArb, ([before]) => {
        const once = rewrite(before, renamePlan);
        expect(rewrite(once, renamePlan)).toBe(once);
      }),
      RUNS,
    );
  });
});
