/**
 * One file through its transforms: collect every transform's edits and review items, merge the edits
 * with `applyEdits`, and add review items for old names nothing changed or explained. A file that does not parse
 * (`ParseError`), or whose edits overlap, is skipped as a whole: never half-rewritten. Any other exception of a
 * transform is a bug, not a property of the file: it propagates (the CLI exits 3), naming the file and transform.
 */
import { applyEdits } from './edits.js';
import type { ColumnTableWords } from './get-unreached-column-names.js';
import { getUnreachedColumnNames } from './get-unreached-column-names.js';
import { getLeftoverReview } from './leftovers.js';
import type { SourceFile } from './prefilter.js';
import type { SkipReason } from './report.js';
import type { RenamePlan, ReviewItem, SourceTransform, TextEdit, UnlistedMention } from './types.js';
import { ParseError } from './types.js';

export type FileOutcome =
  | { readonly kind: 'rewritten'; readonly text: string; readonly edits: number; readonly review: readonly ReviewItem[]; readonly unlisted: readonly UnlistedMention[] }
  | { readonly kind: 'unchanged'; readonly review: readonly ReviewItem[]; readonly unlisted: readonly UnlistedMention[] }
  | { readonly kind: 'skipped'; readonly reason: SkipReason; readonly message: string };

/**
 * `columnTables`: for each renamed column, the words naming its table; its leftover mentions in a file that names
 * none of them are `unlisted` (`getUnreachedColumnNames`), not review items. Absent: every leftover is listed.
 */
export function rewriteFile(file: SourceFile, plan: RenamePlan, transforms: readonly SourceTransform[], columnTables?: ColumnTableWords): FileOutcome {
  if (file.isAppliedMigration) {
    const leftovers = getLeftoverReview({ file: file.path, source: file.source, kind: file.kind, isAppliedMigration: true, plan, edits: [], review: [] });
    return { kind: 'unchanged', ...splitByReach(file, leftovers, [], columnTables) };
  }
  const edits: TextEdit[] = [];
  const review: ReviewItem[] = [];
  for (const transform of transforms) {
    try {
      const result = transform({ source: file.source, path: file.path, plan });
      edits.push(...result.edits);
      review.push(...result.review);
    } catch (error) {
      if (error instanceof ParseError) return { kind: 'skipped', reason: 'parse-error', message: `does not parse: ${getMessageWithoutFile(error, file.path)}` };
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${file.path}: transform ${transform.name || '(anonymous)'} failed: ${message}`, { cause: error });
    }
  }
  let text: string;
  try {
    text = applyEdits(file.source, edits);
  } catch (error) {
    return { kind: 'skipped', reason: 'overlapping-edits', message: `transforms made conflicting edits (${error instanceof Error ? error.message : String(error)}); file left untouched` };
  }
  const leftovers = getLeftoverReview({ file: file.path, source: file.source, kind: file.kind, isAppliedMigration: false, plan, edits, review });
  const split = splitByReach(file, leftovers, review, columnTables);
  if (text === file.source) return { kind: 'unchanged', ...split };
  return { kind: 'rewritten', text, edits: countDistinct(edits), ...split };
}

/** The transforms' review items and the leftovers in reach are listed; a column's leftovers out of its table's reach are not. */
function splitByReach(
  file: SourceFile,
  leftovers: readonly ReviewItem[],
  review: readonly ReviewItem[],
  columnTables: ColumnTableWords | undefined,
): { review: ReviewItem[]; unlisted: UnlistedMention[] } {
  const unreached = columnTables && columnTables.size > 0 ? getUnreachedColumnNames(file.source, file.kind, columnTables) : null;
  if (!unreached || unreached.size === 0) return { review: [...review, ...leftovers], unlisted: [] };
  const listed = [...review];
  const unlisted: UnlistedMention[] = [];
  for (const item of leftovers) {
    if (unreached.has(item.name)) unlisted.push({ ...item, why: 'table-not-in-reach' });
    else listed.push(item);
  }
  return { review: listed, unlisted };
}

function countDistinct(edits: readonly TextEdit[]): number {
  return new Set(edits.map((edit) => `${edit.start}:${edit.end}:${edit.text}`)).size;
}

function getMessageWithoutFile(error: ParseError, file: string): string {
  const prefix = `${error.file}: `;
  if (error.message.startsWith(prefix)) return error.message.slice(prefix.length);
  return error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
}
