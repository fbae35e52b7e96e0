import type { ReviewItem } from './types.js';

const MAX_EXCERPT = 160;

/** Turns source offsets into review items (1-based line and column, trimmed line excerpt) for one file. */
export type ReviewItemFactory = (offset: number, name: string, reason: string) => ReviewItem;

/** A factory for one file's review items: the line index is built once, each lookup is a binary search. */
export function createReviewItemFactory(source: string, file: string): ReviewItemFactory {
  const lineStarts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return (offset, name, reason) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const lineStart = lineStarts[low]!;
    const next = source.indexOf('\n', lineStart);
    const lineText = source.slice(lineStart, next === -1 ? source.length : next).replace(/\r$/, '');
    const excerpt = lineText.trim();
    return {
      file,
      line: low + 1,
      column: offset - lineStart + 1,
      name,
      reason,
      excerpt: excerpt.length > MAX_EXCERPT ? `${excerpt.slice(0, MAX_EXCERPT - 1)}…` : excerpt,
    };
  };
}
