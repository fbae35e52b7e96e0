import type { ChainLink, DrizzleColumn, DrizzleTable } from './types.js';

/** Why a column is NOT NULL. */
export type NotNullSource =
  /** `.notNull()` in the chain (the link's node is null when a helper's body has it). */
  | { readonly kind: 'notNull'; readonly link: ChainLink }
  /** `.primaryKey()` in the chain: a primary key column is NOT NULL. */
  | { readonly kind: 'primaryKey'; readonly link: ChainLink }
  /** The table's `primaryKey({ columns })` includes the column. */
  | { readonly kind: 'compositePrimaryKey' }
  /** `serial`, `bigserial`, `smallserial`: NOT NULL with a sequence default. */
  | { readonly kind: 'serial' }
  /** `.generatedAlwaysAsIdentity()` / `.generatedByDefaultAsIdentity()`: an identity column is NOT NULL. */
  | { readonly kind: 'identity'; readonly link: ChainLink };

export interface ColumnConstraints {
  /** Why the column is NOT NULL, or null when it is nullable. */
  readonly notNull: NotNullSource | null;
  /**
   * Whether the database has a default for the column: `.default(...)`, `.defaultNow()`, `.defaultRandom()`, an identity,
   * a serial builder, MySQL's `.autoincrement()`. `$defaultFn`/`$default`/`$onUpdate` run in JavaScript and do not count.
   */
  readonly hasDatabaseDefault: boolean;
  /** The `.generatedAlwaysAsIdentity()` / `.generatedByDefaultAsIdentity()` link, if any. */
  readonly identity: ChainLink | null;
}

const SERIAL_BUILDERS = new Set(['serial', 'bigserial', 'smallserial']);
const DEFAULT_LINKS = new Set(['default', 'defaultNow', 'defaultRandom', 'autoincrement', 'generatedAlwaysAsIdentity', 'generatedByDefaultAsIdentity']);
const IDENTITY_LINKS = new Set(['generatedAlwaysAsIdentity', 'generatedByDefaultAsIdentity']);

/**
 * NOT NULL and default facts of a column, from its whole builder chain (a helper's body included) and the table's
 * composite primary key. A `.primaryKey()` wins over `.notNull()` as the reason (removing `.notNull()` would not
 * make such a column nullable).
 */
export function getColumnConstraints(table: DrizzleTable, column: DrizzleColumn): ColumnConstraints {
  const primaryKey = column.chain.find((link) => link.name === 'primaryKey');
  const notNull = column.chain.find((link) => link.name === 'notNull');
  const inCompositeKey = table.indexes.some((index) => index.kind === 'primaryKey' && index.source === 'extraConfig' && index.columns.includes(column.key));
  const isSerial = SERIAL_BUILDERS.has(column.builder);
  const identity = column.chain.find((link) => IDENTITY_LINKS.has(link.name)) ?? null;
  const source: NotNullSource | null = primaryKey
    ? { kind: 'primaryKey', link: primaryKey }
    : inCompositeKey
      ? { kind: 'compositePrimaryKey' }
      : isSerial
        ? { kind: 'serial' }
        : identity
          ? { kind: 'identity', link: identity }
          : notNull
          ? { kind: 'notNull', link: notNull }
          : null;
  return {
    notNull: source,
    hasDatabaseDefault: isSerial || column.chain.some((link) => DEFAULT_LINKS.has(link.name)),
    identity,
  };
}
