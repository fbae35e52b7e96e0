/**
 * The new name of a table's TypeScript export, derived from its OLD export name: the run of words that names the old
 * table is replaced by the new table's words, and everything else is kept — prefixes and suffixes (`usersTable` →
 * `accountsTable`), the case style (camelCase, PascalCase, snake_case, SCREAMING_CASE), and the plurality of the
 * export (`destinations` for table `destination` → `backupDestinations` for `backup_destination`; `user` for table
 * `users` → `account` for `accounts`).
 * Words are split as drizzle-orm splits them (`naming/casing.ts`), so `ssh-key`, `ssh_key` and `sshKey` are the same
 * words. An export already named after the new table is kept (so a second run changes nothing); one whose words do
 * not contain the old table's words gets the camelCase of the new table name.
 */
import { toCamelCase } from './casing.js';

const WORDS = /[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g;

type Form = 'same' | 'plural' | 'singular';

export function getRenamedExportName(exportName: string, oldTable: string, newTable: string): string {
  const words = exportName.match(WORDS) ?? [];
  const oldWords = (oldTable.match(WORDS) ?? []).map((word) => word.toLowerCase());
  const newWords = (newTable.match(WORDS) ?? []).map((word) => word.toLowerCase());
  if (newWords.length === 0 || words.join('') !== exportName.replaceAll('_', '')) return toCamelCase(newTable);
  // Already named after the new table (a second run; `commsMessages` for `messages → comms_messages`): kept.
  if (newWords.length >= oldWords.length && findWords(words, newWords) !== null) return exportName;
  const found = findWords(words, oldWords);
  if (found === null) return toCamelCase(newTable);
  const replaced = [...newWords];
  const last = replaced.length - 1;
  replaced[last] = getInflected(replaced[last] ?? '', found.form);
  const isScreaming = exportName === exportName.toUpperCase() && /[A-Z]/.test(exportName);
  const isSnake = exportName.includes('_');
  const styled = replaced.map((word, offset) => {
    if (isScreaming) return word.toUpperCase();
    if (isSnake) return word;
    const position = found.index + offset;
    const original = words[found.index];
    const isFirstLower = position === 0 && original !== undefined && original[0] === original[0]?.toLowerCase();
    return isFirstLower ? word : `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;
  });
  const result = [...words.slice(0, found.index), ...styled, ...words.slice(found.index + oldWords.length)];
  return result.join(isSnake ? '_' : '');
}

/** Where `words` contains `target` as a run (case-insensitive), its last word possibly in another number. */
function findWords(words: readonly string[], target: readonly string[]): { index: number; form: Form } | null {
  if (target.length === 0) return null;
  for (let index = 0; index + target.length <= words.length; index += 1) {
    const isPrefixEqual = target.slice(0, -1).every((word, offset) => words[index + offset]?.toLowerCase() === word);
    if (!isPrefixEqual) continue;
    const written = words[index + target.length - 1]?.toLowerCase() ?? '';
    const form = getForm(written, target.at(-1) ?? '');
    if (form !== null) return { index, form };
  }
  return null;
}

/** How `written` (in the export) relates to `word` (in the table name). */
function getForm(written: string, word: string): Form | null {
  if (written === word) return 'same';
  if (written === getPlural(word)) return 'plural';
  if (written === getSingular(word)) return 'singular';
  return null;
}

function getInflected(word: string, form: Form): string {
  if (form === 'plural') return getPlural(word);
  if (form === 'singular') return getSingular(word);
  return word;
}

/** English plural, for the words table names use; a word ending in `s` (not `ss`, `us`, `is`) is taken as plural. */
function getPlural(word: string): string {
  if (/(?:ss|us|is)$/.test(word)) return `${word}es`;
  if (word.endsWith('s')) return word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function getSingular(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:xes|zes|ches|shes|sses|uses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
