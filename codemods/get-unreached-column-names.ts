/**
 * Which renamed columns a file cannot be about: a column's old name is a common word (`name`, `type`, `status`), so
 * its leftover mentions (strings, templates, comments, applied migrations) are worth a person's time only where the
 * column's table is in reach. A file reaches a column's table when it names the table (old or new database name,
 * a whole word; in `.sql` files a lower-case name in any case) or one of the Drizzle exports of it (`targets`,
 * `targetsTable`: the variables the schema assigns the table to, by which every other file reads its columns).
 * The check is per file: a statement or chain naming another table in a file that also names this one still counts.
 */
import type { FileKind } from './discover.js';
import { escapeRegExp } from './escape-reg-exp.js';

/** Column old name → the words that name its table (database names and Drizzle exports). */
export type ColumnTableWords = ReadonlyMap<string, readonly string[]>;

/** The old column names of `words` whose table none of the file's words names. */
export function getUnreachedColumnNames(source: string, kind: FileKind, words: ColumnTableWords): Set<string> {
  const unreached = new Set<string>();
  let lowered: string | undefined;
  for (const [column, tableWords] of words) {
    const isReached = tableWords.some((word) => {
      const isCaseInsensitive = kind === 'sql' && word === word.toLowerCase();
      // The substring test first: most files do not contain the word at all.
      if (!(isCaseInsensitive ? (lowered ??= source.toLowerCase()) : source).includes(word)) return false;
      return new RegExp(`(?<![\\w$])${escapeRegExp(word)}(?![\\w$])`, isCaseInsensitive ? 'i' : '').test(source);
    });
    if (!isReached) unreached.add(column);
  }
  return unreached;
}

