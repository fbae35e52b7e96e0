/**
 * Review items for what no transform changed or explained: every whole-word occurrence of an old
 * table or column name in a candidate file, outside the edited ranges and not on a line where a
 * transform already reported that name. In `.sql` files a lower-case name is matched case-insensitively
 * (unquoted SQL folds case); in code the match is exact. The reason is a best guess from the line
 * (comment, string, applied migration), for a person to judge.
 */
import type { FileKind } from './discover.js';
import type { RenamePlan, ReviewItem, TextEdit } from './types.js';

export interface LeftoverInput {
  readonly file: string;
  readonly source: string;
  readonly kind: FileKind;
  readonly isAppliedMigration: boolean;
  readonly plan: RenamePlan;
  readonly edits: readonly TextEdit[];
  readonly review: readonly ReviewItem[];
}

const MAX_EXCERPT = 160;

export function getLeftoverReview(input: LeftoverInput): ReviewItem[] {
  const names = [...new Set([...input.plan.tables.map((table) => table.from), ...input.plan.columns.map((column) => column.from)])];
  const explained = new Set(input.review.map((item) => `${item.line}\0${item.name}`));
  const lineStarts = getLineStarts(input.source);
  const items: ReviewItem[] = [];
  const seen = new Set<number>();
  for (const name of names) {
    const isCaseInsensitive = input.kind === 'sql' && name === name.toLowerCase();
    const pattern = new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, isCaseInsensitive ? 'gi' : 'g');
    for (const match of input.source.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (seen.has(start) || input.edits.some((edit) => edit.start < end && start < edit.end)) continue;
      const line = getLineIndex(lineStarts, start);
      const lineStart = lineStarts[line] ?? 0;
      if (explained.has(`${line + 1}\0${name}`)) continue;
      seen.add(start);
      const lineText = input.source.slice(lineStart, getLineEnd(input.source, start));
      items.push({
        file: input.file,
        line: line + 1,
        column: start - lineStart + 1,
        name,
        reason: input.isAppliedMigration ? 'applied migration (never rewritten)' : getReason(lineText, start - lineStart, input.kind),
        excerpt: getExcerpt(lineText),
      });
    }
  }
  return items.sort((a, b) => a.line - b.line || a.column - b.column);
}

function getReason(lineText: string, column: number, kind: FileKind): string {
  const before = lineText.slice(0, column);
  const trimmed = before.trimStart();
  if (kind === 'sql') {
    if (before.includes('--') || trimmed.startsWith('/*') || trimmed.startsWith('*')) return 'comment';
    if (isInsideQuotes(before, ["'"])) return 'string literal';
    return 'not rewritten by any transform';
  }
  if (/(^|[^:])\/\//.test(before) || trimmed.startsWith('/*') || trimmed.startsWith('*')) return 'comment';
  if (isInsideQuotes(before, ["'", '"', '`'])) return 'string not recognized as a table or column name (UI text, route, key?)';
  return 'code not recognized as a table or column reference (identifier, JSX text?)';
}

function isInsideQuotes(before: string, quotes: readonly string[]): boolean {
  return quotes.some((quote) => (before.split(quote).length - 1) % 2 === 1);
}

function getExcerpt(lineText: string): string {
  const trimmed = lineText.trim();
  return trimmed.length > MAX_EXCERPT ? `${trimmed.slice(0, MAX_EXCERPT - 1)}…` : trimmed;
}

function getLineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

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

function getLineEnd(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  const lineEnd = end === -1 ? source.length : end;
  return source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
