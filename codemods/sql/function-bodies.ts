import { parsePlPgSQLSync } from 'libpg-query';
import type { TextEdit } from '../types.js';
import { getIdentifierName } from './identifier-names.js';
import { scanSql } from './scan-sql.js';
import type { SqlContext, SqlReview, SqlRewrite, StatementScope } from './sql-context.js';
import { decide } from './sql-context.js';

type Ast = Record<string, unknown>;

function isAst(value: unknown): value is Ast {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DOLLAR_QUOTE = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/;

/**
 * Function and DO bodies: `CREATE FUNCTION … AS $$ body $$ LANGUAGE sql|plpgsql` and `DO $$ … $$`.
 * SQL bodies are rewritten as SQL; PL/pgSQL bodies are compiled with libpg-query's PL/pgSQL parser and
 * each embedded SQL statement or expression is rewritten with the same rules. Bodies in other languages,
 * or written as '…' strings, are listed for review when they mention an old name.
 */
export function rewriteFunctionBodies(statement: StatementScope, type: string, node: Ast): void {
  const options = Array.isArray(node.options) ? node.options : Array.isArray(node.args) ? node.args : [];
  let language = type === 'DoStmt' ? 'plpgsql' : isAst(node.sql_body) ? 'sql' : null;
  let bodyLocation: number | null = null;
  for (const option of options) {
    const def = isAst(option) && isAst(option.DefElem) ? option.DefElem : null;
    if (!def) continue;
    if (def.defname === 'language' && isAst(def.arg) && isAst(def.arg.String) && typeof def.arg.String.sval === 'string') {
      language = def.arg.String.sval.toLowerCase();
    }
    if (def.defname === 'as' && typeof def.location === 'number') bodyLocation = def.location;
  }
  if (bodyLocation === null) return;
  const { ctx } = statement;
  let index = statement.first;
  while (index < statement.end && ((ctx.tokens[index]?.byteStart ?? 0) < statement.base + bodyLocation || ctx.tokens[index]?.kind !== 'string')) index++;
  const token = ctx.tokens[index];
  if (!token || index >= statement.end) return;
  decide(ctx, index, { kind: 'keep' });
  const tag = DOLLAR_QUOTE.exec(token.text)?.[0];
  const mentions = getMentionedName(ctx, token.text);
  if (tag === undefined || (language !== 'sql' && language !== 'plpgsql')) {
    if (mentions !== null) {
      ctx.bodyReview.push({ offset: token.start, name: mentions, reason: tag === undefined ? 'function body in a quoted string' : `function body in language ${language ?? 'unknown'}` });
    }
    return;
  }
  if (mentions === null) return;
  const body = token.text.slice(tag.length, token.text.length - tag.length);
  const bodyStart = token.start + tag.length;
  const statementText = ctx.sql.slice(ctx.tokens[statement.first]?.start ?? 0, ctx.tokens[statement.end - 1]?.end ?? 0);
  const result = language === 'sql' ? ctx.rewriteNested(body) : rewritePlpgsqlBody(ctx, statementText, body);
  for (const edit of result.edits) ctx.bodyEdits.push({ start: edit.start + bodyStart, end: edit.end + bodyStart, text: edit.text });
  for (const item of result.review) ctx.bodyReview.push({ ...item, offset: item.offset + bodyStart });
}

/** The first old table or column name that occurs as a word in `text`, or null (a cheap prefilter). */
function getMentionedName(ctx: SqlContext, text: string): string | null {
  for (const name of [...ctx.lookup.tableNames, ...ctx.lookup.columnNames]) {
    if (new RegExp(`(^|[^\\w$])${name.replace(/[$]/g, '\\$')}($|[^\\w$])`, 'i').test(text)) return name;
  }
  return null;
}

interface EmbeddedSql {
  /** Text to rewrite as SQL. */
  readonly sql: string;
  /** The part of `sql` (from `offset` on) that appears in the body, with blanks for removed INTO clauses. */
  readonly offset: number;
  /** PERFORM statements: PL/pgSQL replaced the keyword with SELECT. */
  readonly isPerform: boolean;
}

/** The SQL statements and expressions of a compiled PL/pgSQL function, in source order. */
function getEmbeddedSql(tree: unknown, parentKey: string, found: EmbeddedSql[]): EmbeddedSql[] {
  if (Array.isArray(tree)) {
    for (const item of tree) getEmbeddedSql(item, parentKey, found);
    return found;
  }
  if (!isAst(tree)) return found;
  for (const [key, value] of Object.entries(tree)) {
    if (key === 'PLpgSQL_expr' && isAst(value) && typeof value.query === 'string') {
      const query = value.query;
      if (parentKey === 'PLpgSQL_stmt_perform') found.push({ sql: query, offset: 'SELECT '.length, isPerform: true });
      else if (value.parseMode === 0) found.push({ sql: query, offset: 0, isPerform: false });
      else found.push({ sql: `SELECT ${query}`, offset: 'SELECT '.length, isPerform: false });
      continue;
    }
    getEmbeddedSql(value, /^PLpgSQL_stmt_/.test(key) ? key : parentKey, found);
  }
  return found;
}

/**
 * Where `needle` occurs in `body` at or after `from`; a space in the needle matches any character
 * (PL/pgSQL blanks out INTO clauses). A PERFORM statement's text must follow the PERFORM keyword.
 */
function findInBody(body: string, needle: string, from: number, isPerform: boolean): number | null {
  outer: for (let start = from; start + needle.length <= body.length; start++) {
    if (isPerform && !/perform\s+$/i.test(body.slice(Math.max(0, start - 40), start))) continue;
    for (let i = 0; i < needle.length; i++) {
      const char = needle[i];
      if (char !== ' ' && char !== body[start + i]) continue outer;
    }
    return start;
  }
  return null;
}

function rewritePlpgsqlBody(ctx: SqlContext, statementText: string, body: string): SqlRewrite {
  let tree: unknown;
  try {
    tree = parsePlPgSQLSync(statementText);
  } catch (error) {
    const reason = `PL/pgSQL body that did not compile (${error instanceof Error ? error.message : String(error)})`;
    return { edits: [], review: getUncoveredMentions(ctx, body, [], reason) };
  }
  const edits: TextEdit[] = [];
  const review: SqlReview[] = [];
  const covered: Array<[number, number]> = [];
  let cursor = 0;
  for (const embedded of getEmbeddedSql(tree, '', [])) {
    const needle = embedded.sql.slice(embedded.offset);
    if (needle.trim() === '') continue;
    const start = findInBody(body, needle, cursor, embedded.isPerform) ?? findInBody(body, needle, 0, embedded.isPerform);
    if (start === null) continue;
    cursor = start + needle.length;
    covered.push([start, cursor]);
    const shift = start - embedded.offset;
    const result = ctx.rewriteNested(embedded.sql);
    for (const edit of result.edits) {
      if (edit.start >= embedded.offset) edits.push({ start: edit.start + shift, end: edit.end + shift, text: edit.text });
    }
    for (const item of result.review) review.push({ ...item, offset: Math.max(item.offset + shift, start) });
  }
  review.push(...getUncoveredMentions(ctx, body, covered, 'old name in PL/pgSQL outside a SQL statement (a declaration or %TYPE)'));
  return { edits, review };
}

/** Identifier tokens of `body` that name an old table or column outside the covered ranges. */
function getUncoveredMentions(ctx: SqlContext, body: string, covered: ReadonlyArray<[number, number]>, reason: string): SqlReview[] {
  const review: SqlReview[] = [];
  for (const token of scanSql(body)) {
    const name = getIdentifierName(token);
    if (name === null || (!ctx.lookup.tableNames.has(name) && !ctx.lookup.columnNames.has(name))) continue;
    if (covered.some(([start, end]) => token.start >= start && token.end <= end)) continue;
    review.push({ offset: token.start, name, reason });
  }
  return review;
}
