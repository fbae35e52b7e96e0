import type { TextEdit } from '../../types.js';

/** An edit and the transform that made it. */
export interface OwnedEdit {
  readonly edit: TextEdit;
  readonly owner: string;
}

/**
 * The edits of several transforms as one sorted list: identical edits (two transforms agreeing) are kept once;
 * different edits that overlap (or insert different text at one offset) throw, naming both transforms, so a
 * file is never half-rewritten by transforms that disagree.
 */
export function mergeEdits(edits: readonly OwnedEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
  const merged: OwnedEdit[] = [];
  for (const current of sorted) {
    const previous = merged.at(-1);
    if (previous && isSameEdit(previous.edit, current.edit)) continue;
    if (previous && (current.edit.start < previous.edit.end || (current.edit.start === previous.edit.start && current.edit.start === previous.edit.end))) {
      throw new Error(
        `conflicting edits: ${previous.owner} replaces ${previous.edit.start}..${previous.edit.end} with ${JSON.stringify(previous.edit.text)}, ` +
          `${current.owner} replaces ${current.edit.start}..${current.edit.end} with ${JSON.stringify(current.edit.text)}`,
      );
    }
    merged.push(current);
  }
  return merged.map((entry) => entry.edit);
}

function isSameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}
