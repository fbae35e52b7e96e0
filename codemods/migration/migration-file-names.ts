/**
 * File names of the three migration files (Supabase CLI and plain folders; drizzle-kit names come from its journal).
 *
 * The forward file must sort after every migration already in the folder, in the convention of the last one
 * (the Supabase CLI reads the digits before the first `_` as the version and applies files in name order):
 * - 14 digits (`20250101000000_x.sql`, UTC timestamp): max(now, last + 1 second);
 * - 12 or 8 digits (`202501011200_x.sql`, `20260122_x.sql`, a date): max(now, last + 1 minute / day) in that form;
 * - 10 digits (Unix seconds): max(now, last + 1);
 * - other widths (`0007_x.sql`, drizzle-kit's index): the next number, padded to the same width;
 * - no numbered file: a 14-digit timestamp.
 * The number is always strictly greater than every existing one of the same width.
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

const NUMBER_PREFIX = /^(\d+)_/;
const SUFFIX = 'rename_tables.sql';

export function getMigrationFileNames(existingFileNames: readonly string[], now: Date, suffix: string = SUFFIX): MigrationFileNames {
  const prefixes = existingFileNames.map((name) => name.split(/[\\/]/).pop() ?? name).flatMap((name) => NUMBER_PREFIX.exec(name)?.[1] ?? []);
  const byName = [...prefixes].sort((a, b) => (`${a}_` < `${b}_` ? -1 : 1));
  const lastByName = byName.at(-1);
  let prefix: string;
  if (lastByName === undefined) {
    prefix = formatTimestamp(now).slice(0, 14);
  } else {
    const width = lastByName.length;
    const last = prefixes.filter((value) => value.length === width).reduce((max, value) => (BigInt(value) > max ? BigInt(value) : max), 0n);
    prefix = getNextPrefix(width, last, now);
  }
  const forward = `${prefix}_${suffix}`;
  return { forward, rollback: `rollback_${forward}`, cleanup: `cleanup_${forward}` };
}

function getNextPrefix(width: number, last: bigint, now: Date): string {
  const stamp = formatTimestamp(now);
  switch (width) {
    case 14:
      return maxString(stamp, formatTimestamp(new Date(parseTimestamp(String(last)).getTime() + 1000)));
    case 12:
      return maxString(stamp.slice(0, 12), formatTimestamp(new Date(parseTimestamp(`${last}00`).getTime() + 60_000)).slice(0, 12));
    case 8:
      return maxString(stamp.slice(0, 8), formatTimestamp(new Date(parseTimestamp(`${last}000000`).getTime() + 86_400_000)).slice(0, 8));
    case 10: {
      const seconds = BigInt(Math.floor(now.getTime() / 1000));
      return String(seconds > last ? seconds : last + 1n).padStart(10, '0');
    }
    default:
      return String(last + 1n).padStart(width, '0');
  }
}

function maxString(a: string, b: string): string {
  return a > b ? a : b;
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
