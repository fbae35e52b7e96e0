import { rewriteSql, SqlScanError } from '../sql/rewrite-sql.js';
import { createReviewItemFactory } from '../review-items.js';
import type { SourceTransform } from '../types.js';
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
  const toReviewItem = createReviewItemFactory(source, path);
  const review = result.review.map((item) => toReviewItem(item.offset, item.name, item.reason));
  return { edits: result.edits, review };
};

