import type { DrizzleTable } from '../../drizzle-model/index.js';

/**
 * How messages name a table: its DB name, schema-qualified for `pgSchema('x').table` tables
 * (`career.jobs`), the form `drizzle-schema rename --column` accepts. Falls back to the variable name
 * when the table name is not a string literal.
 */
export function getTableLabel(table: Pick<DrizzleTable, 'name' | 'schema' | 'variableName'>): string {
  const name = table.name ?? table.variableName ?? '(unnamed table)';
  return table.schema === null ? name : `${table.schema}.${name}`;
}
