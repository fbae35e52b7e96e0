import type { DrizzleForeignKey, DrizzleIndex } from '../../drizzle-model/index.js';

/**
 * DESIGN.md's FK coverage: some index, unique index, unique constraint or primary key of the same table starts
 * with exactly the foreign key's columns, in order. Expression entries never match; a partial index counts only
 * when `countPartialIndexes` is set.
 */
export function isForeignKeyCovered(
  foreignKey: DrizzleForeignKey,
  indexes: readonly DrizzleIndex[],
  countPartialIndexes: boolean,
): boolean {
  const { columns } = foreignKey;
  return indexes.some(
    (index) =>
      (countPartialIndexes || !index.partial) &&
      index.columns.length >= columns.length &&
      columns.every((column, i) => index.columns[i] === column),
  );
}
