import type { TextEdit } from '../types.js';
import type { SequenceOwner } from './get-sequence-owners.js';
import type { PlanLookup } from './plan-lookup.js';
import type { SqlToken } from './scan-sql.js';

/** A place in the SQL that mentions an old name and was left alone. Offsets are characters into the SQL. */
export interface SqlReview {
  readonly offset: number;
  readonly name: string;
  readonly reason: string;
}

export interface SqlRewrite {
  readonly edits: TextEdit[];
  readonly review: SqlReview[];
}

/** What the rewriter decided for one token. The first decision for a token wins. */
export type TokenDecision =
  | { readonly kind: 'edit'; readonly text: string }
  | { readonly kind: 'keep' }
  | { readonly kind: 'review'; readonly name: string; readonly reason: string };

/** Shared state of one `rewriteSql` call (per call, never module-level). */
export interface SqlContext {
  readonly sql: string;
  /** Tokens without comments, in order. */
  readonly tokens: readonly SqlToken[];
  readonly tokenAtByte: ReadonlyMap<number, number>;
  readonly lookup: PlanLookup;
  /** Sequences the SQL text gives an owner (`OWNED BY t.c`): `schema.sequence` → the table (`getSequenceOwners`). */
  readonly sequenceOwners: ReadonlyMap<string, SequenceOwner>;
  readonly decisions: Map<number, TokenDecision>;
  /** Edits inside string tokens (function bodies): character offsets into `sql`. */
  readonly bodyEdits: TextEdit[];
  readonly bodyReview: SqlReview[];
  /** Rewrites a nested SQL text (a function body) with the same plan. */
  readonly rewriteNested: (sql: string) => SqlRewrite;
}

/** The parse tree of one statement and where it sits. */
export interface StatementScope {
  readonly ctx: SqlContext;
  /** Byte offset to add to the tree's `location` fields. */
  readonly base: number;
  /** Token index range [first, end) of the statement. */
  readonly first: number;
  readonly end: number;
}

export function decide(ctx: SqlContext, index: number, decision: TokenDecision): void {
  if (!ctx.decisions.has(index)) ctx.decisions.set(index, decision);
}

/** Index of the token that starts at tree location `location`, if any. */
export function getTokenIndexAt(statement: StatementScope, location: unknown): number | null {
  if (typeof location !== 'number' || location < 0) return null;
  return statement.ctx.tokenAtByte.get(statement.base + location) ?? null;
}
