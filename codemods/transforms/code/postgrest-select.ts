/**
 * Rename tables and columns inside a PostgREST select string (`id, body, author:users!fk(id, name), calls(*)`):
 * embedded resources by table name (aliases and `!hint`s kept, a hint naming a renamed column or embedding a
 * renamed name follows), and columns of each level's own table (`alias:isAdmin`, `data->x`, `id::text`, `id.count()`).
 */
import { MAX_IDENTIFIER_BYTES } from '../../../naming/identifiers.js';
import { renameEmbeddedName } from '../../../naming/rename-embedded-name.js';

export interface SelectNames {
  /** The new name of table `table` (old name), or undefined when it is not renamed. */
  readonly getTableRename: (table: string) => string | undefined;
  /** Renamed columns (old → new) of table `table` (old name). */
  readonly getColumns: (table: string) => ReadonlyMap<string, string>;
}

/** A replacement in the select string: [start, end) → text. */
export interface StringReplacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const JOIN_HINTS = new Set(['inner', 'left']);

/** The replacements for `select` read from `table`; null when the string is not a select list this parser knows. */
export function getSelectReplacements(select: string, table: string | null, names: SelectNames): StringReplacement[] | null {
  const out: StringReplacement[] = [];
  let index = 0;

  const skipSpace = () => {
    while (index < select.length && /\s/.test(select[index] ?? '')) index++;
  };
  const readName = (): { name: string; start: number; end: number } | null => {
    if (select[index] === '"') {
      const close = select.indexOf('"', index + 1);
      if (close === -1) return null;
      const result = { name: select.slice(index + 1, close), start: index + 1, end: close };
      index = close + 1;
      return result;
    }
    const start = index;
    while (index < select.length) {
      const char = select[index] ?? '';
      if (/[\s,()!:."]/.test(char) || (char === '-' && select[index + 1] === '>')) break;
      index++;
    }
    return index > start ? { name: select.slice(start, index), start, end: index } : null;
  };
  const rename = (part: { name: string; start: number; end: number }, to: string | undefined) => {
    if (to !== undefined && to !== part.name) out.push({ start: part.start, end: part.end, text: to });
  };
  /** Skips a column's tail (`->a->>b`, `::text`, `.count()`) up to the next `,` or `)` of this level. */
  const skipRest = (): boolean => {
    let depth = 0;
    while (index < select.length) {
      const char = select[index];
      if (char === '"') {
        const close = select.indexOf('"', index + 1);
        if (close === -1) return false;
        index = close + 1;
        continue;
      }
      if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) return true;
        depth--;
      } else if (char === ',' && depth === 0) return true;
      index++;
    }
    return depth === 0;
  };

  const parseList = (current: string | null): boolean => {
    for (;;) {
      skipSpace();
      if (index >= select.length || select[index] === ')') return true;
      if (!parseItem(current)) return false;
      skipSpace();
      if (select[index] === ',') {
        index++;
        continue;
      }
      return index >= select.length || select[index] === ')';
    }
  };

  const parseItem = (current: string | null): boolean => {
    if (select.startsWith('...', index)) index += 3;
    let name = readName();
    if (!name) return false;
    skipSpace();
    if (select[index] === ':' && select[index + 1] !== ':') {
      index++;
      skipSpace();
      name = readName();
      if (!name) return false;
      skipSpace();
    }
    const hints: Array<{ name: string; start: number; end: number }> = [];
    while (select[index] === '!') {
      index++;
      const hint = readName();
      if (!hint) return false;
      hints.push(hint);
      skipSpace();
    }
    const columns = current === null ? new Map<string, string>() : names.getColumns(current);
    if (select[index] === '(') {
      const tableRename = names.getTableRename(name.name);
      const isColumnEmbedding = tableRename === undefined && columns.has(name.name);
      rename(name, tableRename ?? columns.get(name.name));
      const nested = isColumnEmbedding ? null : name.name;
      for (const hint of hints) {
        if (JOIN_HINTS.has(hint.name)) continue;
        rename(hint, getHintRename(hint.name, current, nested, names));
      }
      index++;
      if (!parseList(nested)) return false;
      if (select[index] !== ')') return false;
      index++;
      return true;
    }
    if (hints.length > 0) return false;
    rename(name, columns.get(name.name));
    return skipRest();
  };

  return parseList(table) && index >= select.length ? out : null;
}

/** A `!hint` is a column (renamed as a column of either side) or a foreign key name embedding table/column names. */
function getHintRename(hint: string, current: string | null, nested: string | null, names: SelectNames): string | undefined {
  const tables = [current, nested].filter((table) => table !== null);
  for (const table of tables) {
    const column = names.getColumns(table).get(hint);
    if (column !== undefined) return column;
  }
  const words = new Map<string, string>();
  for (const table of tables) {
    for (const [from, to] of names.getColumns(table)) words.set(from, to);
    const renamed = names.getTableRename(table);
    if (renamed !== undefined) words.set(table, renamed);
  }
  const result = renameEmbeddedName(hint, words);
  // Over 63 bytes the migration keeps the old constraint name (and the Drizzle transform lists it): so does this.
  return result === hint || Buffer.byteLength(result, 'utf8') > MAX_IDENTIFIER_BYTES ? undefined : result;
}
