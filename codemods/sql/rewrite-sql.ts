import { parseSync, SqlError } from 'libpg-query';
import type { RenamePlan, TextEdit } from '../types.js';
import { formatIdentifier, getIdentifierName } from './identifier-names.js';
import { getSequenceOwners } from './get-sequence-owners.js';
import type { PlanLookup } from './plan-lookup.js';
import { getPlanLookup } from './plan-lookup.js';
import { resolveStatement } from './resolve-statement.js';
import type { SqlToken } from './scan-sql.js';
import { scanSql, SqlScanError } from './scan-sql.js';
import type { SqlContext, SqlReview, SqlRewrite, StatementScope } from './sql-context.js';
import { decide } from './sql-context.js';

export type { SqlReview, SqlRewrite } from './sql-context.js';
export { SqlScanError } from './scan-sql.js';

type Ast = Record<string, unknown>;

interface ParsedStatement {
  readonly first: number;
  readonly end: number;
  readonly base: number;
  readonly tree: Ast | null;
}

/**
 * Keywords after which a bare old table name is a relation: in fragments that do not parse, and in parsed
 * statements whose tree names tables without locations (`DROP TABLE [IF EXISTS] t`, `COMMENT ON TABLE t`).
 */
const RELATION_KEYWORDS = new Set(['from', 'join', 'into', 'update', 'table', 'references', 'on', 'only', 'truncate', 'exists']);

/**
 * Rewrite the identifiers of `sql` that name a renamed table or column of `plan`.
 *
 * Token level with Postgres's own scanner: only identifier tokens change (plus relation-name literals
 * in known contexts: `'t'::regclass`, `to_regclass('t')`, pgTAP's `has_table('t')` family), never other
 * string literals, comments or look-alike words. Statements that parse are resolved with their parse
 * tree (aliases, CTEs, subqueries, insert/update targets); fragments that don't parse fall back to
 * keyword context for table names, and every column-name match in them is listed for review.
 * Function and DO bodies are rewritten recursively. Offsets are characters into `sql`.
 *
 * Needs `await ensureSqlReady()` first. Throws `SqlScanError` when the text cannot be tokenized
 * (an unterminated quote): join template-literal pieces with placeholders (`$1`) before calling.
 */
export function rewriteSql(sql: string, plan: RenamePlan): SqlRewrite {
  return rewriteWithLookup(sql, getPlanLookup(plan));
}

function rewriteWithLookup(sql: string, lookup: PlanLookup): SqlRewrite {
  const tokens = scanSql(sql).filter((token) => token.kind !== 'comment');
  const statements = getStatements(sql, tokens);
  const ctx: SqlContext = {
    sql,
    tokens,
    tokenAtByte: new Map(tokens.map((token, index) => [token.byteStart, index])),
    lookup,
    sequenceOwners: getSequenceOwners(statements.map((statement) => statement.tree)),
    decisions: new Map(),
    bodyEdits: [],
    bodyReview: [],
    rewriteNested: (nested) => rewriteWithLookup(nested, lookup),
  };
  for (const statement of statements) {
    const scope: StatementScope = { ctx, base: statement.base, first: statement.first, end: statement.end };
    if (statement.tree) resolveStatement(scope, statement.tree);
    decideRemainingTokens(scope, statement.tree !== null);
  }
  const edits: TextEdit[] = [...ctx.bodyEdits];
  const review: SqlReview[] = [...ctx.bodyReview];
  for (const [index, decision] of ctx.decisions) {
    const token = tokens[index];
    if (!token) continue;
    if (decision.kind === 'edit' && decision.text !== token.text) edits.push({ start: token.start, end: token.end, text: decision.text });
    if (decision.kind === 'review') review.push({ offset: token.start, name: decision.name, reason: decision.reason });
  }
  edits.sort((a, b) => a.start - b.start);
  review.sort((a, b) => a.offset - b.offset);
  return { edits, review };
}

/**
 * The statements of `sql` with their parse trees. The whole text is parsed at once when it can be;
 * otherwise it is split at `;` tokens and each piece parsed alone (a piece that fails has no tree).
 */
function getStatements(sql: string, tokens: readonly SqlToken[]): ParsedStatement[] {
  const whole = tryParse(sql);
  if (whole) {
    return whole.map((stmt) => {
      const start = typeof stmt.stmt_location === 'number' ? stmt.stmt_location : 0;
      const length = typeof stmt.stmt_len === 'number' && stmt.stmt_len > 0 ? stmt.stmt_len : Number.POSITIVE_INFINITY;
      const first = tokens.findIndex((token) => token.byteStart >= start);
      const after = tokens.findIndex((token) => token.byteStart >= start + length);
      return { first: first === -1 ? tokens.length : first, end: after === -1 ? tokens.length : after, base: 0, tree: isAst(stmt.stmt) ? stmt.stmt : null };
    });
  }
  const statements: ParsedStatement[] = [];
  let first = 0;
  for (let index = 0; index <= tokens.length; index++) {
    if (index < tokens.length && tokens[index]?.text !== ';') continue;
    const startToken = tokens[first];
    const lastToken = tokens[index - 1];
    if (startToken && lastToken && index > first) {
      const piece = sql.slice(startToken.start, lastToken.end);
      const parsed = tryParse(piece);
      const tree = parsed && parsed.length === 1 && isAst(parsed[0]?.stmt) ? parsed[0].stmt : null;
      statements.push({ first, end: index, base: startToken.byteStart, tree });
    }
    first = index + 1;
  }
  return statements;
}

function isAst(value: unknown): value is Ast {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The statements of `sql`, or null when it is not valid SQL (a fragment, a placeholder-joined template). */
function tryParse(sql: string): Ast[] | null {
  try {
    const result: unknown = parseSync(sql);
    return isAst(result) && Array.isArray(result.stmts) ? result.stmts.filter(isAst) : [];
  } catch (error) {
    // A syntax error means a fragment (or not SQL): the caller falls back to token rules for it.
    if (error instanceof SqlError) return null;
    throw error;
  }
}

/**
 * Tokens the parse tree did not account for (or all tokens, when the statement did not parse):
 * a table name is renamed in a relation position (after FROM/JOIN/INTO/UPDATE/TABLE/REFERENCES/ON, or
 * qualifying a column as `t.col`), else listed; a column name is listed for review.
 */
function decideRemainingTokens(statement: StatementScope, parsed: boolean): void {
  const { ctx } = statement;
  const { tokens, lookup } = ctx;
  const mentioned = new Set<string>();
  for (let index = statement.first; index < statement.end; index++) {
    const token = tokens[index];
    const name = token ? getIdentifierName(token) : null;
    if (name !== null) mentioned.add(name);
  }
  for (let index = statement.first; index < statement.end; index++) {
    const token = tokens[index];
    if (token?.kind === 'string' && !ctx.decisions.has(index)) {
      const mention = getStringMention(lookup, token.text);
      if (mention) decide(ctx, index, { kind: 'review', ...mention });
      continue;
    }
    const name = token ? getIdentifierName(token) : null;
    if (!token || name === null || ctx.decisions.has(index)) continue;
    if (lookup.tableNames.has(name)) {
      const previous = tokens[index - 1];
      const isQualified = previous?.text === '.' && index - 2 >= statement.first;
      const schemaToken = isQualified ? tokens[index - 2] : undefined;
      const schema = schemaToken ? getIdentifierName(schemaToken) : 'public';
      const rename = schema === null ? undefined : lookup.getTable(schema, name);
      const isRelation =
        isQualified || (previous !== undefined && index > statement.first && RELATION_KEYWORDS.has(previous.text.toLowerCase())) || tokens[index + 1]?.text === '.';
      if (rename && isRelation) {
        decide(ctx, index, { kind: 'edit', text: formatIdentifier(rename.to, token.kind === 'quoted') });
        continue;
      }
      if (rename) {
        decide(ctx, index, { kind: 'review', name, reason: parsed ? 'table name in a position the rewriter does not resolve' : 'table name in SQL that does not parse, not after FROM/JOIN/INTO/UPDATE' });
        continue;
      }
    }
    if (!lookup.columnNames.has(name)) continue;
    if (!parsed) {
      decide(ctx, index, { kind: 'review', name, reason: 'column name in SQL that does not parse' });
    } else if (lookup.getTablesWithColumn(name).some((table) => mentioned.has(table))) {
      decide(ctx, index, { kind: 'review', name, reason: 'column name in a position the rewriter does not resolve' });
    }
  }
}

/**
 * String literals are never rewritten outside the known relation-name contexts, but two kinds are
 * listed: a plain literal that is exactly an old name (`pg_get_serial_sequence('messages', 'id')`),
 * and a dollar-quoted string (SQL text for pgTAP's `results_eq`, `EXECUTE`) that mentions one as a word.
 */
function getStringMention(lookup: PlanLookup, text: string): { name: string; reason: string } | null {
  if (text.startsWith("'")) {
    const value = text.slice(1, -1).replaceAll("''", "'");
    if (lookup.tableNames.has(value) || lookup.columnNames.has(value)) return { name: value, reason: 'string literal equal to an old name' };
    return null;
  }
  if (!text.startsWith('$')) return null;
  for (const token of scanDollarBody(text)) {
    const name = getIdentifierName(token);
    if (name !== null && (lookup.tableNames.has(name) || lookup.columnNames.has(name))) {
      return { name, reason: 'old name inside a dollar-quoted string, which is not rewritten' };
    }
  }
  return null;
}

/** Tokens of a dollar-quoted string's content, or none when the content is not scannable SQL. */
function scanDollarBody(text: string): SqlToken[] {
  const tag = /^\$[^$]*\$/.exec(text)?.[0] ?? '$$';
  try {
    return scanSql(text.slice(tag.length, text.length - tag.length));
  } catch (error) {
    // Not SQL (free text with an odd quote): nothing to list from it.
    if (error instanceof SqlScanError) return [];
    throw error;
  }
}
