/**
 * Parse a SQL file statement by statement, so that one invalid statement in an old migration (a typo that a later
 * migration fixed, syntax of a newer Postgres) costs that statement only, never the whole file.
 * Statements are split on top-level `;` tokens (and drizzle-kit's `--> statement-breakpoint` lines) of Postgres's own lexer (dollar-quoted bodies and strings are single
 * tokens, so a `;` inside a function body never splits), then each one is parsed alone.
 * Requires libpg-query's module to be loaded (`loadModule()`).
 */
import { parseSync } from 'libpg-query';
import type { SqlToken } from './scan-sql.js';
import { getByteToCharOffsets, scanSql, SqlScanError } from './scan-sql.js';

const BREAKPOINT = /^-->\s*statement-breakpoint\s*$/;

export interface SqlStatement {
  /** Character offsets of the statement's text in the file (without the closing `;`). */
  readonly start: number;
  readonly end: number;
  /** 1-based line of the statement's first token. */
  readonly line: number;
  readonly text: string;
  /** The parse tree of the statement (`parseSync(text).stmts[0].stmt`), null when it does not parse. */
  readonly stmt: Record<string, unknown> | null;
  /** Postgres's message when the statement does not parse. */
  readonly error: string | null;
}

export interface ParsedSqlFile {
  readonly statements: readonly SqlStatement[];
  /** `path:line: statement skipped, it does not parse (message)`, one per invalid statement. */
  readonly warnings: readonly string[];
}

/**
 * Every statement of `sql`, parsed alone. A file the lexer cannot tokenize (an unterminated quote) yields no
 * statements and one warning; the caller decides what that means (a migration that cannot have applied).
 */
export function parseSqlStatements(sql: string, path: string): ParsedSqlFile {
  const whole = tryParse(sql);
  // The common case: the whole file parses, and Postgres says where each statement is (no scan needed).
  const located = whole.ok ? getLocatedStatements(sql, whole) : null;
  if (located) return { statements: located, warnings: [] };
  let tokens: SqlToken[];
  try {
    tokens = scanSql(sql);
  } catch (error) {
    if (!(error instanceof SqlScanError)) throw error;
    return { statements: [], warnings: [`${path}:1: skipped, ${error.message}`] };
  }
  const segments: Array<{ start: number; end: number }> = [];
  let first: SqlToken | null = null;
  let last: SqlToken | null = null;
  for (const token of tokens) {
    // drizzle-kit separates statements with `--> statement-breakpoint`; some of its versions omit the `;` before it.
    const isBreakpoint = token.kind === 'comment' && BREAKPOINT.test(token.text);
    if (token.kind === 'comment' && !isBreakpoint) continue;
    if (token.text === ';' || isBreakpoint) {
      if (first && last) segments.push({ start: first.start, end: last.end });
      first = null;
      last = null;
      continue;
    }
    first ??= token;
    last = token;
  }
  if (first && last) segments.push({ start: first.start, end: last.end });
  // The common case (the whole file parses into as many statements) needs no second parse of each one.
  const wholeStmts = whole.ok && whole.stmts.length === segments.length ? whole.stmts : null;
  const statements: SqlStatement[] = [];
  const warnings: string[] = [];
  for (const [index, { start, end }] of segments.entries()) {
    const text = sql.slice(start, end);
    const line = getLine(sql, start);
    const parsed: ParseOneOutcome = wholeStmts ? { ok: true, stmt: wholeStmts[index] ?? null } : tryParseOne(text);
    if (parsed.ok) statements.push({ start, end, line, text, stmt: parsed.stmt, error: null });
    else {
      statements.push({ start, end, line, text, stmt: null, error: parsed.error });
      warnings.push(`${path}:${line}: statement skipped, it does not parse (${parsed.error})`);
    }
  }
  return { statements, warnings };
}

interface RawStatement {
  readonly stmt?: Record<string, unknown>;
  /** UTF-8 byte offset of the statement's first token (absent: 0). */
  readonly stmt_location?: number;
  /** Bytes up to its `;` (absent: to the end of the text). */
  readonly stmt_len?: number;
}

type ParseOutcome = { ok: true; stmts: Array<Record<string, unknown> | null>; raw: readonly RawStatement[] } | { ok: false; error: string };

function tryParse(sql: string): ParseOutcome {
  try {
    const result = parseSync(sql) as { stmts?: RawStatement[] };
    const raw = result.stmts ?? [];
    return { ok: true, stmts: raw.map((entry) => entry.stmt ?? null), raw };
  } catch (error) {
    if (error instanceof Error && error.name === 'SqlError') return { ok: false, error: error.message };
    throw error;
  }
}

type ParseOneOutcome = { ok: true; stmt: Record<string, unknown> | null } | { ok: false; error: string };

function tryParseOne(text: string): ParseOneOutcome {
  const outcome = tryParse(text);
  return outcome.ok ? { ok: true, stmt: outcome.stmts[0] ?? null } : outcome;
}

/**
 * The statements of a file that parsed as a whole, placed by the parser's own locations. Null when those cannot be
 * trusted to match the scan's split: a drizzle-kit breakpoint inside a statement (two statements glued by a missing
 * `;` that happen to parse as one), or text after the last statement that may be a comment.
 */
function getLocatedStatements(sql: string, whole: Extract<ParseOutcome, { ok: true }>): SqlStatement[] | null {
  const toChar = /^[\x00-\x7f]*$/.test(sql) ? null : getByteToCharOffsets(sql);
  const breakpoints = [...sql.matchAll(/^-->\s*statement-breakpoint\s*$/gm)].map((match) => match.index);
  const statements: SqlStatement[] = [];
  for (const [index, entry] of whole.raw.entries()) {
    const startByte = entry.stmt_location ?? 0;
    const start = toChar ? (toChar[startByte] ?? -1) : startByte;
    let end: number;
    if (entry.stmt_len === undefined || entry.stmt_len === 0) {
      const rest = sql.slice(start);
      const trimmed = rest.trimEnd();
      if (trimmed.includes('--') || trimmed.includes('/*')) return null;
      end = start + trimmed.length;
    } else {
      end = toChar ? (toChar[startByte + entry.stmt_len] ?? -1) : startByte + entry.stmt_len;
    }
    if (start < 0 || end < start) return null;
    // The parser's span of a statement ends at its last token, as the scan's does, unless comments trail inside it.
    const text = sql.slice(start, end).trimEnd();
    if (breakpoints.some((offset) => offset > start && offset < start + text.length)) return null;
    statements.push({ start, end: start + text.length, line: getLine(sql, start), text, stmt: whole.stmts[index] ?? null, error: null });
  }
  return statements;
}

function getLine(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}
