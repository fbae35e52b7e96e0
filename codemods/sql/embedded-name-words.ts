import type { PlanLookup } from './plan-lookup.js';

/**
 * The old → new words that the index, constraint and sequence names of one table are renamed by: its renamed
 * columns, then the table itself, in the order the migration uses (`getEmbeddedNameTargets`), for
 * `renameEmbeddedName`. Empty when the plan touches neither the table nor its columns.
 */
export function getEmbeddedNameWords(lookup: PlanLookup, schema: string, table: string): Map<string, string> {
  const words = new Map(lookup.getColumns(schema, table));
  const rename = lookup.getTable(schema, table);
  if (rename) words.set(table, rename.to);
  return words;
}
