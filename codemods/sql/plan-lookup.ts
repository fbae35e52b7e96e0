import type { RenamePlan, TableRename } from '../types.js';

/** The plan, indexed for the SQL rewriter. All names are the OLD names (what the SQL being rewritten says). */
export interface PlanLookup {
  /** The rename of table `name` in `schema`, if it is renamed. */
  readonly getTable: (schema: string, name: string) => TableRename | undefined;
  /** Renamed columns (old → new) of table `name` in `schema`; empty when none. */
  readonly getColumns: (schema: string, name: string) => ReadonlyMap<string, string>;
  /** Old table names of any schema. */
  readonly tableNames: ReadonlySet<string>;
  /** Old column names of any table. */
  readonly columnNames: ReadonlySet<string>;
  /** Old table names that have a renamed column called `column`. */
  readonly getTablesWithColumn: (column: string) => readonly string[];
  /** Schemas the plan touches. */
  readonly schemas: ReadonlySet<string>;
}

const EMPTY: ReadonlyMap<string, string> = new Map();

export function getPlanLookup(plan: RenamePlan): PlanLookup {
  const tables = new Map<string, TableRename>();
  const columns = new Map<string, Map<string, string>>();
  const tablesWithColumn = new Map<string, string[]>();
  for (const table of plan.tables) tables.set(`${table.schema}.${table.from}`, table);
  for (const column of plan.columns) {
    const key = `${column.schema}.${column.table}`;
    const map = columns.get(key) ?? new Map<string, string>();
    map.set(column.from, column.to);
    columns.set(key, map);
    tablesWithColumn.set(column.from, [...(tablesWithColumn.get(column.from) ?? []), column.table]);
  }
  return {
    getTable: (schema, name) => tables.get(`${schema}.${name}`),
    getColumns: (schema, name) => columns.get(`${schema}.${name}`) ?? EMPTY,
    tableNames: new Set(plan.tables.map((table) => table.from)),
    columnNames: new Set(plan.columns.map((column) => column.from)),
    getTablesWithColumn: (column) => tablesWithColumn.get(column) ?? [],
    schemas: new Set([...plan.tables.map((table) => table.schema), ...plan.columns.map((column) => column.schema)]),
  };
}
