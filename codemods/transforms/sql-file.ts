import { rewriteSql, SqlScanError } from '../sql/rewrite-sql.js';
import type { ReviewItem, SourceTransform } from '../types.js';
import { ParseError } from '../types.js';

/**
 * `.sql` files that are not applied migrations (seeds, functions, pgTAP tests): every statement is
 * rewritten by the SQL rewriter. The CLI decides which files are applied migrations and never passes them.
 * Needs `await ensureSqlReady()` first. Throws `ParseError` when the file cannot be scanned as SQL.
 */
export const sqlFileTransform: SourceTransform = ({ source, path, plan }) => {
  let result: ReturnType<typeof rewriteSql>;
  try {
    result = rewriteSql(source, plan);
  } catch (error) {
    if (error instanceof SqlScanError) throw new ParseError(path, error.message);
    throw error;
  }
  const lineStarts = getLineStarts(source);
  const review = result.review.map((item): ReviewItem => {
    const line = getLineIndex(lineStarts, item.offset);
    const lineStart = lineStarts[line] ?? 0;
    const lineEnd = source.indexOf('\n', lineStart);
    return {
      file: path,
      line: line + 1,
      column: item.offset - lineStart + 1,
      name: item.name,
      reason: item.reason,
      excerpt: source.slice(lineStart, lineEnd === -1 ? source.length : lineEnd).trim(),
    };
  });
  return { edits: result.edits, review };
};

function getLineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** Index of the last line starting at or before `offset` (binary search). */
function getLineIndex(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
