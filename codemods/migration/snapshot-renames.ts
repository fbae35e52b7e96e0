/**
 * The renames of one plan as lookups over a drizzle-kit snapshot's names (tables keyed `schema.name` by their name
 * before the run), and the database objects whose names a snapshot update renames.
 */
import { renameEmbeddedName } from '../../naming/rename-embedded-name.js';
import type { RenamePlan } from '../types.js';

/** An index, constraint or sequence to rename in the database, on the table's FINAL name. */
export interface ObjectRename {
  readonly kind: 'index' | 'constraint' | 'sequence';
  readonly schema: string;
  readonly table: string;
  readonly from: string;
  readonly to: string;
  /**
   * Postgres named it (`<table>_pkey`, `<table>_<column>_seq`), no snapshot records it: renamed only if it exists
   * under that name.
   */
  readonly isGuarded: boolean;
}

export interface SnapshotRenames {
  /** The table's name after the run. */
  readonly table: (schema: string, table: string) => string;
  /** A column's name after the run; `table` is the table's name before it. */
  readonly column: (schema: string, table: string, column: string) => string;
  /** Whether the run renames the table or any of its columns. */
  readonly touches: (schema: string, table: string) => boolean;
  /** An explicit object name of the table after the run, by the word rule the code transforms use. */
  readonly embedded: (schema: string, table: string, name: string) => string;
}

export function getSnapshotRenames(plan: RenamePlan): SnapshotRenames {
  const tables = new Map(plan.tables.map((rename) => [`${rename.schema}.${rename.from}`, rename.to]));
  const columns = new Map<string, Map<string, string>>();
  for (const rename of plan.columns) {
    const key = `${rename.schema}.${rename.table}`;
    const map = columns.get(key) ?? new Map<string, string>();
    map.set(rename.from, rename.to);
    columns.set(key, map);
  }
  const table = (schema: string, name: string) => tables.get(`${schema}.${name}`) ?? name;
  return {
    table,
    column: (schema, name, column) => columns.get(`${schema}.${name}`)?.get(column) ?? column,
    touches: (schema, name) => tables.has(`${schema}.${name}`) || columns.has(`${schema}.${name}`),
    embedded: (schema, name, objectName) => {
      const words = new Map(columns.get(`${schema}.${name}`) ?? []);
      const renamed = table(schema, name);
      if (renamed !== name) words.set(name, renamed);
      return renameEmbeddedName(objectName, words);
    },
  };
}
