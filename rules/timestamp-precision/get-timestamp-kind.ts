import type { Dialect } from '../../drizzle-model/index.js';

/** How a dialect's timestamp builder spells its fractional-seconds precision. */
export interface TimestampKind {
  /** The config key: Postgres `precision`, MySQL `fsp`. */
  readonly precisionKey: 'precision' | 'fsp';
  /** The database's precision when the key is absent: Postgres 6 (microseconds), MySQL 0 (seconds). */
  readonly defaultPrecision: number;
  /** Postgres `timestamp` has `withTimezone`; MySQL's builders do not. */
  readonly hasTimezone: boolean;
}

const POSTGRES: TimestampKind = { precisionKey: 'precision', defaultPrecision: 6, hasTimezone: true };
const MYSQL: TimestampKind = { precisionKey: 'fsp', defaultPrecision: 0, hasTimezone: false };

/** The timestamp kind of a column builder, or null when it is not a timestamp with precision (SQLite has none). */
export function getTimestampKind(dialect: Dialect, builder: string): TimestampKind | null {
  if (dialect === 'pg') return builder === 'timestamp' ? POSTGRES : null;
  if (dialect === 'mysql') return builder === 'timestamp' || builder === 'datetime' ? MYSQL : null;
  return null;
}
