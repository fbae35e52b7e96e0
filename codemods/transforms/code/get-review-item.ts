import type { ReviewItem } from '../../types.js';

const MAX_EXCERPT = 160;

/** A review item for the old name `name` seen at source offset `offset`. */
export function getReviewItem(source: string, file: string, offset: number, name: string, reason: string): ReviewItem {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const newline = source.indexOf('\n', offset);
  const lineText = source.slice(lineStart, newline === -1 ? source.length : newline);
  let line = 1;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) line++;
  const excerpt = lineText.trim();
  return {
    file,
    line,
    column: offset - lineStart + 1,
    name,
    reason,
    excerpt: excerpt.length > MAX_EXCERPT ? `${excerpt.slice(0, MAX_EXCERPT - 1)}…` : excerpt,
  };
}
