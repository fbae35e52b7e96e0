import type { TextEdit } from './types.js';

/**
 * Apply non-overlapping edits to `source`. Identical duplicate edits are merged; overlapping
 * different edits are a programming error and throw, so a file is never half-rewritten.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return source;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  let previous: TextEdit | undefined;
  for (const edit of sorted) {
    if (previous && edit.start === previous.start && edit.end === previous.end && edit.text === previous.text) continue;
    if (edit.start < cursor) {
      throw new Error(`overlapping edits at ${edit.start}..${edit.end} and ${previous?.start}..${previous?.end}`);
    }
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
    previous = edit;
  }
  return out + source.slice(cursor);
}
