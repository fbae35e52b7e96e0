/**
 * File names of the three migration files.
 *
 * The forward file must sort after every migration already in the folder, in the folder's own convention:
 * - 14-digit UTC timestamp prefix (`20250101000000_x.sql`, Supabase CLI): max(now, last + 1 second);
 * - 4-digit index prefix (`0007_x.sql`, drizzle-kit): the next index;
 * - anything else or an empty folder: a timestamp.
 *
 * Rollback and cleanup files must NOT be picked up as migrations: Supabase applies files matching
 * `<digits>_name.sql` and drizzle-kit names its files `<index>_name.sql`, so ours start with a word
 * (`rollback_<prefix>_rename_tables.sql`, `cleanup_<prefix>_rename_tables.sql`) and still sort next to
 * each other in a listing.
 */
export interface MigrationFileNames {
  readonly forward: string;
  readonly rollback: string;
  readonly cleanup: string;
}

const TIMESTAMP_PREFIX = /^(\d{14})_/;
const INDEX_PREFIX = /^(\d{4})_/;
const SUFFIX = 'rename_tables.sql';

export function getMigrationFileNames(existingFileNames: readonly string[], now: Date): MigrationFileNames {
  const baseNames = existingFileNames.map((name) => name.split(/[\\/]/).pop() ?? name);
  const timestamps = baseNames.flatMap((name) => TIMESTAMP_PREFIX.exec(name)?.[1] ?? []);
  const indexes = baseNames.flatMap((name) => INDEX_PREFIX.exec(name)?.[1] ?? []);
  let prefix: string;
  if (timestamps.length === 0 && indexes.length > 0) {
    const next = Math.max(...indexes.map(Number)) + 1;
    prefix = String(next).padStart(4, '0');
  } else {
    const last = timestamps.sort().at(-1);
    const nowStamp = formatTimestamp(now);
    prefix = last === undefined || nowStamp > last ? nowStamp : formatTimestamp(new Date(parseTimestamp(last).getTime() + 1000));
  }
  return { forward: `${prefix}_${SUFFIX}`, rollback: `rollback_${prefix}_${SUFFIX}`, cleanup: `cleanup_${prefix}_${SUFFIX}` };
}

function formatTimestamp(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

/** A 14-digit prefix as a UTC date; digits that are not a valid time still order correctly via Date.UTC overflow. */
function parseTimestamp(stamp: string): Date {
  const part = (start: number, end: number) => Number(stamp.slice(start, end));
  return new Date(Date.UTC(part(0, 4), part(4, 6) - 1, part(6, 8), part(8, 10), part(10, 12), part(12, 14)));
}
