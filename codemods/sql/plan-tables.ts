import type { PlanLookup } from './plan-lookup.js';

/** Old names of the tables of `schema` that the plan renames or renames columns of. */
export function getPlanTables(lookup: PlanLookup, schema: string): string[] {
  const names = new Set([...lookup.tableNames, ...[...lookup.columnNames].flatMap((column) => lookup.getTablesWithColumn(column))]);
  return [...names].filter((table) => lookup.getTable(schema, table) !== undefined || lookup.getColumns(schema, table).size > 0);
}
