/** The tables a Drizzle schema module exports, as drizzle-orm itself describes them (getTableConfig). */
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable, uniqueKeyName } from 'drizzle-orm/pg-core';

export interface DrizzleTableFacts {
  /** `public` when the table has no pgSchema. */
  readonly schema: string;
  readonly name: string;
  /** Database names of the columns, in declaration order. */
  readonly columns: readonly string[];
  /** Names of the indexes and unique indexes that carry an explicit name. */
  readonly indexes: readonly string[];
  /** Names of the unique constraints and foreign keys that carry an explicit name. */
  readonly constraints: readonly string[];
}

export function getDrizzleTables(schemaModule: Record<string, unknown>): DrizzleTableFacts[] {
  const tables: DrizzleTableFacts[] = [];
  for (const value of Object.values(schemaModule)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    tables.push({
      schema: config.schema ?? 'public',
      name: config.name,
      columns: config.columns.map((column) => column.name),
      indexes: config.indexes.flatMap((index) => (index.config.name === undefined ? [] : [index.config.name])),
      constraints: [
        // drizzle-orm fills in uniqueKeyName(...) when no name was given: those are not explicit.
        ...config.uniqueConstraints.flatMap((unique) => {
          const name = unique.getName();
          return name === undefined || name === uniqueKeyName(value, unique.columns.map((column) => column.name)) ? [] : [name];
        }),
        ...config.foreignKeys.flatMap((foreignKey) => (foreignKey.reference().name === undefined ? [] : [foreignKey.reference().name!])),
      ],
    });
  }
  return tables.sort((a, b) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`));
}
