/**
 * Shared data of the rename codemod: the validated plan, what a transform returns, and the report.
 * Every part (planner, transforms, SQL rewriter, migration writer, CLI) speaks these types.
 */
import type { Casing } from '../naming/casing.js';

/** One table rename, after validation. Names are database names (no schema prefix). */
export interface TableRename {
  readonly from: string;
  readonly to: string;
  /** Postgres schema of the table; `public` unless the manifest says otherwise. */
  readonly schema: string;
}

/** One column rename, after validation. `table` is the table's name BEFORE this run. */
export interface ColumnRename {
  readonly table: string;
  readonly from: string;
  readonly to: string;
  readonly schema: string;
}

/** One database-level step of the migration, in execution order (temporary names included). */
export type RenameStep =
  | { readonly kind: 'table'; readonly schema: string; readonly from: string; readonly to: string }
  | { readonly kind: 'column'; readonly schema: string; readonly table: string; readonly from: string; readonly to: string };

/**
 * A validated rename plan. `tables` and `columns` are the net effect (old name → final name),
 * applied to code simultaneously; `steps` is the ordered, collision-free sequence for the database,
 * with swaps and chains resolved through temporary names.
 */
export interface RenamePlan {
  readonly tables: readonly TableRename[];
  readonly columns: readonly ColumnRename[];
  readonly steps: readonly RenameStep[];
  /**
   * Renames the project's migrations already perform (a re-run after a completed run): code is still
   * rewritten for them (a no-op when it already was), but `steps` leaves them out and no migration repeats them.
   */
  readonly migrated?: { readonly tables: readonly TableRename[]; readonly columns: readonly ColumnRename[] };
  /**
   * Every rename is already done in the code, as far as its sources tell (the Drizzle schema, the generated types
   * and the code's references have the new names and not the old): a re-run on the committed result. The database
   * side is the run's to check: a run of such a plan that changes no file and writes no migration is a no-op (exit 0).
   */
  readonly isAppliedInCode?: boolean;
  /** What the planner wants the report to say (a table only the code references, a view, a chain already done). */
  readonly warnings?: readonly string[];
  /** The tables the run knows (`schema.table`, old names), when it knows any: for code that lists table names. */
  readonly knownTables?: readonly string[];
}

/** Something a transform saw but did not change, for a person to look at. */
export interface ReviewItem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The old name that was seen. */
  readonly name: string;
  /** Why it was left alone (e.g. "UI text", "comment", "applied migration", "column of unknown table"). */
  readonly reason: string;
  /** The source line, trimmed, for the report. */
  readonly excerpt: string;
}

/**
 * A mention of an old name that is not listed for review: information, never a reason for exit 1. `why`:
 * - `table-not-in-reach`: a column's old name in a file that names none of its table's names or Drizzle exports
 *   (a common word such as `name` in CLI help text);
 * - `already-listed`: a re-run that finds every rename applied and changes nothing; the run that applied the
 *   renames listed it (the old name in an applied migration, UI text, a comment).
 */
export interface UnlistedMention extends ReviewItem {
  readonly why: 'table-not-in-reach' | 'already-listed';
}

/** A text replacement in the original source: [start, end) offsets into it. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What a transform returns for one file. */
export interface TransformResult {
  readonly edits: readonly TextEdit[];
  readonly review: readonly ReviewItem[];
}

/**
 * How the project's Drizzle schema is read, as the ESLint plugin's `settings['drizzle-schema']`: the DB name of a
 * name-less column follows `casing` (drizzle's `casing` option; default `preserve`), and columns built by the
 * helpers of `helperModules` are understood through the helper's definition (its name parameter).
 */
export interface TransformSettings {
  readonly casing?: Casing;
  /** Modules that export the project's column helpers: absolute, or relative to `cwd`. */
  readonly helperModules?: readonly string[];
  /** The folder relative file paths and helper modules resolve against; default: the process's directory. */
  readonly cwd?: string;
}

/** What a transform gets for one file. */
export interface TransformInput {
  readonly source: string;
  readonly path: string;
  readonly plan: RenamePlan;
  /** Absent: the defaults (`preserve` casing, no helper modules). */
  readonly settings?: TransformSettings;
}

/** A per-file transform: pure, source in, edits out. Throws `ParseError` when the file does not parse. */
export type SourceTransform = (input: TransformInput) => TransformResult;

export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** Bad input (manifest, flags, dirty tree): exit code 2, nothing written. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
