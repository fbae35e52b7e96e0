/** The index name from the `indexName` template: `{table}` → the table's DB name, `{columns}` → DB column names joined by `_`. */
export function formatIndexName(template: string, table: string, columns: readonly string[]): string {
  return template.replaceAll('{table}', table).replaceAll('{columns}', columns.join('_'));
}
