import type { DrizzleForeignKey, DrizzleIndex } from '../../drizzle-model/index.js';

/**
 * DESIGN.md's FK coverage: some index, unique index, unique constraint or primary key of the same table has the
 * foreign key's columns as its first n columns, in any order (the lookup behind a join or a cascading delete is an
 * equality on all of them, which a B-tree serves from any order of its leading columns). Expression entries never
 * match; a partial index counts only when `countPartialIndexes` is set.
 */
export function isForeignKeyCovered(
  foreignKey: DrizzleForeignKey,
  indexes: readonly DrizzleIndex[],
  countPartialIndexes: boolean,
): boolean {
  const columns = new Set(foreignKey.columns);
  return indexes.some((index) => {
    if ((!countPartialIndexes && index.partial) || index.columns.length < columns.size) return false;
    const leading = index.columns.slice(0, columns.size);
    return new Set(leading).size === columns.size && leading.every((column) => column !== null && columns.has(column));
  });
}
