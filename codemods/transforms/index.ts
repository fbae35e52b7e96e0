/**
 * The transform registry: which transforms run on a file, by its kind. Hand-written, one entry per
 * transform module in this folder (a test checks it matches the folder).
 */
import { getFileKind } from '../discover.js';
import type { FindDrizzleTableNames } from '../known-tables.js';
import type { SourceTransform } from '../types.js';
import { sqlFileTransform } from './sql-file.js';

/** Transforms for `.ts .tsx .mts .cts .js .jsx .mjs .cjs` files, in the order they run. */
export const codeTransforms: readonly SourceTransform[] = [];

/** Transforms for `.sql` files that are not applied migrations. */
export const sqlTransforms: readonly SourceTransform[] = [sqlFileTransform];

export function getTransformsFor(path: string): SourceTransform[] {
  const kind = getFileKind(path);
  if (kind === 'code') return [...codeTransforms];
  if (kind === 'sql') return [...sqlTransforms];
  return [];
}

/** The Drizzle tables a code file declares, for the planner's known tables; null until available. */
export const findDrizzleTableNames: FindDrizzleTableNames | null = null;
