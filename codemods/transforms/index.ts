/**
 * The transform registry: which transforms run on a file, by its kind. Hand-written; every module of
 * this folder is either listed here or in `CODE_TRANSFORMS` (`code.ts`), which a test checks.
 *
 * Code files are parsed ONCE: `codeTransform` (code.ts) runs every code transform over one parse
 * (Drizzle schema, supabase-js, Supabase types, table strings, SQL in code) and merges their edits.
 */
import { getFileKind } from '../discover.js';
import type { FindDrizzleTableNames } from '../known-tables.js';
import type { RenamePlan } from '../types.js';
import type { SourceTransform } from '../types.js';
import { CODE_TRANSFORMS, codeTransform } from './code.js';
import { findDrizzleTableNames as findDrizzleTableNamesInCode } from './drizzle-schema.js';
import { sqlFileTransform } from './sql-file.js';

/** The code transforms, by module name, in the order `codeTransform` runs them. */
export const codeTransforms = CODE_TRANSFORMS;

/** Transforms for `.ts .tsx .mts .cts .js .jsx .mjs .cjs` files. */
export const codeFileTransforms: readonly SourceTransform[] = [codeTransform];

/** Transforms for `.sql` files that are not applied migrations. */
export const sqlTransforms: readonly SourceTransform[] = [sqlFileTransform];

export function getTransformsFor(path: string): SourceTransform[] {
  const kind = getFileKind(path);
  if (kind === 'code') return [...codeFileTransforms];
  if (kind === 'sql') return [...sqlTransforms];
  return [];
}

/** The Drizzle tables a code file declares, for the planner's known tables (`scan`: see `findDrizzleTableNamesInCode`). */
export const findDrizzleTableNames: (...args: [...Parameters<FindDrizzleTableNames>, scan?: RenamePlan]) => ReturnType<FindDrizzleTableNames> = findDrizzleTableNamesInCode;
