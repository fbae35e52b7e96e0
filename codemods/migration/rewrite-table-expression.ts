import { quoteIdentifier } from '../../naming/identifiers.js';
import { applyEdits } from '../edits.js';
import { rewriteSql } from '../sql/rewrite-sql.js';
import type { RenamePlan } from '../types.js';

/**
 * A SQL expression of one table (a check constraint, an index expression or `where`, a policy's `using`) as it
 * reads after the renames: it is rewritten as `SELECT <expression> FROM "schema"."table"`, so unqualified columns
 * resolve to that table and `"table"."column"` references follow the table's rename, quoting kept as written.
 * `table` is the table's name before the run. An expression the rewriter cannot tokenize is returned unchanged.
 * Needs `await ensureSqlReady()` first.
 */
export function rewriteTableExpression(expression: string, schema: string, table: string, plan: RenamePlan): string {
  const prefix = 'SELECT ';
  const wrapped = `${prefix}${expression} FROM ${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
  const end = prefix.length + expression.length;
  let edits;
  try {
    edits = rewriteSql(wrapped, plan).edits;
  } catch (error) {
    if (error instanceof Error && error.name === 'SqlScanError') return expression;
    throw error;
  }
  const inside = edits.filter((edit) => edit.start >= prefix.length && edit.end <= end).map((edit) => ({ ...edit, start: edit.start - prefix.length, end: edit.end - prefix.length }));
  return applyEdits(expression, inside);
}
