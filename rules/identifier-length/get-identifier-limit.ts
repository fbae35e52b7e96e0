import type { Dialect } from '../../drizzle-model/index.js';

/** How long a name may be, and what the database does with a longer one. */
export interface IdentifierLimit {
  readonly dialect: string;
  readonly limit: number;
  readonly unit: 'bytes' | 'characters';
  /** The length of `name` in the limit's unit. */
  measure(name: string): number;
  /** The longest prefix of `name` within the limit (Postgres cuts on a character boundary, as `pg_mbcliplen` does). */
  truncate(name: string, limit?: number): string;
}

function truncateBytes(name: string, limit: number): string {
  let bytes = 0;
  let result = '';
  for (const char of name) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > limit) break;
    result += char;
  }
  return result;
}

const LIMITS: Readonly<Record<Exclude<Dialect, 'sqlite'>, IdentifierLimit>> = {
  // NAMEDATALEN - 1: identifiers are cut to 63 bytes (UTF-8), with a NOTICE at most.
  pg: { dialect: 'Postgres', limit: 63, unit: 'bytes', measure: (name) => Buffer.byteLength(name, 'utf8'), truncate: (name, limit = 63) => truncateBytes(name, limit) },
  // MySQL counts characters and refuses longer identifiers (ER_TOO_LONG_IDENT).
  mysql: { dialect: 'MySQL', limit: 64, unit: 'characters', measure: (name) => [...name].length, truncate: (name, limit = 64) => [...name].slice(0, limit).join('') },
};

/** The identifier limit of a dialect; null for SQLite, which has none. */
export function getIdentifierLimit(dialect: Dialect): IdentifierLimit | null {
  return dialect === 'sqlite' ? null : LIMITS[dialect];
}
