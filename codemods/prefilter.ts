/**
 * The cheap first pass. `readSourceFiles` reads every discovered file once (the texts also feed the
 * known-tables scan); `prefilterFiles` keeps only the files whose text contains an old name as a name of its
 * own: not inside a longer word (`port` in `import`, `report`, `portal`), but it may be followed by `_` or a
 * capital letter (`port_pkey`, `portTable`) and preceded by anything but a letter, digit or `$`. Only kept files
 * are parsed by the transforms.
 *
 * Needles, per old table and column name: the name itself, plus its camelCase and snake_case forms
 * (a name-less Drizzle column `userId` under `casing: 'snake_case'` is the database column `user_id`,
 * and a table's TypeScript export is usually its camelCase name). A name written in lower case is
 * searched case-insensitively in `.sql` files, because unquoted SQL folds case (`FROM Messages` reads
 * `messages`); a name with upper case letters can only be referenced exactly (quoted in SQL), so it is
 * searched as is. In code files, where UI text ('Messages', 'Calls') is far more common than upper-case
 * SQL, a lower-case table name in another case counts only where SQL names a relation
 * (`FROM MESSAGES`, `join public.Messages`, `INSERT INTO "messages"`…): a statement that reads a table
 * names it there, so column references in other cases are found through their table.
 */
import { readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { toCamelCase, toSnakeCase } from '../naming/casing.js';
import type { DiscoveredFile } from './discover.js';
import type { RenamePlan } from './types.js';
import { escapeRegExp } from './escape-reg-exp.js';

export interface Needle {
  readonly text: string;
  readonly isCaseInsensitive: boolean;
  /** The needle as a name of its own: not inside a longer word (`import` holds no `port`); `_` or a capital may follow. */
  readonly namePattern: RegExp;
  /** The same in any case (for a lower-case needle in SQL, where unquoted names fold case); null otherwise. */
  readonly anyCaseNamePattern: RegExp | null;
  /** For a lower-case table name: its mentions in a SQL relation position, in any case. */
  readonly relationPattern: RegExp | null;
}

const NAME_START = '(?<![A-Za-z0-9$])';
const NAME_END = '(?![a-z0-9$])';

const RELATION_KEYWORDS = String.raw`\b(?:from|join|into|update|table|references|only)\s+(?:"?[A-Za-z_][\w$]*"?\s*\.\s*)?"?`;

export interface SourceFile extends DiscoveredFile {
  readonly source: string;
}

export interface LoadedFiles {
  /** UTF-8 text files. */
  readonly texts: readonly SourceFile[];
  /** Files that cannot be rewritten safely, with their bytes read as latin1 (for the needle test). */
  readonly unsafe: ReadonlyArray<{ readonly file: DiscoveredFile; readonly latin1: string; readonly reason: string }>;
  readonly unreadable: ReadonlyArray<{ readonly file: DiscoveredFile; readonly message: string }>;
}

export interface PrefilterResult {
  readonly candidates: readonly SourceFile[];
  /** Binary or non-UTF-8 files that contain an old name: skipped, listed. */
  readonly skipped: ReadonlyArray<{ readonly file: DiscoveredFile; readonly reason: string }>;
}

const READS_PER_TURN = 256;

/** The old names of `plan`, each with its casing variants, deduplicated. */
export function getNeedles(plan: RenamePlan): Needle[] {
  const tableNames = new Set(plan.tables.map((table) => table.from));
  const names = new Set([...tableNames, ...plan.columns.map((column) => column.from)]);
  const needles = new Map<string, Needle>();
  for (const name of names) {
    for (const variant of [name, toCamelCase(name), toSnakeCase(name)]) {
      if (variant.length === 0 || needles.has(variant)) continue;
      const isCaseInsensitive = variant === variant.toLowerCase();
      const relationPattern =
        isCaseInsensitive && tableNames.has(variant) ? new RegExp(`${RELATION_KEYWORDS}${escapeRegExp(variant)}(?![\\w$])`, 'i') : null;
      const namePattern = new RegExp(`${NAME_START}${escapeRegExp(variant)}${NAME_END}`);
      const anyCaseNamePattern = isCaseInsensitive ? new RegExp(`${NAME_START}${getAnyCasePattern(variant)}${NAME_END}`) : null;
      needles.set(variant, { text: variant, isCaseInsensitive, relationPattern, namePattern, anyCaseNamePattern });
    }
  }
  return [...needles.values()];
}

const anyNeedlePatterns = new WeakMap<readonly Needle[], RegExp>();

function getAnyNeedlePattern(needles: readonly Needle[]): RegExp {
  let pattern = anyNeedlePatterns.get(needles);
  if (!pattern) {
    pattern = needles.length === 0 ? /(?!)/ : new RegExp(needles.map((needle) => escapeRegExp(needle.text)).join('|'), 'i');
    anyNeedlePatterns.set(needles, pattern);
  }
  return pattern;
}


/** True when `text` (of a file of `kind`) contains any needle, as the module comment describes. */
export function isCandidateText(text: string, needles: readonly Needle[], kind: 'code' | 'sql' = 'sql'): boolean {
  // Every mention below contains some needle in some case: one scan for all of them rules out most files (about
  // ten times faster than a search per needle on a 20,000-file corpus).
  if (!getAnyNeedlePattern(needles).test(text)) return false;
  let lowered: string | undefined;
  for (const needle of needles) {
    // The substring test first (fast, and most files fail it); the name test only where it passes.
    if (text.includes(needle.text) && needle.namePattern.test(text)) return true;
    if (!needle.isCaseInsensitive) continue;
    lowered ??= text.toLowerCase();
    if (!lowered.includes(needle.text)) continue;
    if (kind === 'sql' ? needle.anyCaseNamePattern?.test(text) : needle.relationPattern?.test(text)) return true;
  }
  return false;
}

/** Read every file once, at most 16 at a time. Never throws for one file: it is listed instead. */
export async function readSourceFiles(files: readonly DiscoveredFile[], onRead?: (done: number, file: DiscoveredFile) => void): Promise<LoadedFiles> {
  const texts: Array<SourceFile | null> = files.map(() => null);
  const unsafe: Array<{ file: DiscoveredFile; latin1: string; reason: string }> = [];
  const unreadable: Array<{ file: DiscoveredFile; message: string }> = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Synchronous reads: for the many small files of a repository, one system call sequence each is faster than a
  // round trip through the thread pool per call; the event loop gets a turn every READS_PER_TURN files.
  for (const [index, file] of files.entries()) {
    try {
      const buffer = readFileSync(file.absolutePath);
      if (buffer.includes(0)) {
        unsafe.push({ file, latin1: buffer.toString('latin1'), reason: 'binary file (contains a NUL byte)' });
      } else {
        const source = getUtf8(decoder, buffer);
        if (source === null) unsafe.push({ file, latin1: buffer.toString('latin1'), reason: 'not valid UTF-8' });
        else texts[index] = { ...file, source };
      }
    } catch (error) {
      unreadable.push({ file, message: error instanceof Error ? error.message : String(error) });
    }
    onRead?.(index + 1, file);
    if ((index + 1) % READS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return {
    texts: texts.filter((file): file is SourceFile => file !== null),
    unsafe: unsafe.sort((a, b) => comparePaths(a.file, b.file)),
    unreadable: unreadable.sort((a, b) => comparePaths(a.file, b.file)),
  };
}

/**
 * Files in which a needle stands as a name of its own are candidates (a transform can only change, and the review
 * only lists, whole names). A binary or non-UTF-8 file that passes is listed as skipped: no transform can read it.
 */
export function prefilterFiles(loaded: LoadedFiles, plan: RenamePlan): PrefilterResult {
  const needles = getNeedles(plan);
  return {
    candidates: loaded.texts.filter((file) => isCandidateText(file.source, needles, file.kind)),
    skipped: loaded.unsafe.filter((entry) => isCandidateText(entry.latin1, needles, entry.file.kind)).map(({ file, reason }) => ({ file, reason })),
  };
}

/** `port` → `[pP][oO][rR][tT]`: the text in any case, while the pattern's own classes stay case-sensitive. */
function getAnyCasePattern(text: string): string {
  return [...text].map((char) => (char.toLowerCase() === char.toUpperCase() ? escapeRegExp(char) : `[${char.toLowerCase()}${char.toUpperCase()}]`)).join('');
}

function getUtf8(decoder: TextDecoder, buffer: Buffer): string | null {
  try {
    return decoder.decode(buffer);
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

function comparePaths(a: DiscoveredFile, b: DiscoveredFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
