/**
 * Shared data of the rename codemod: the validated plan, what a transform returns, and the report.
 * Every part (planner, transforms, SQL rewriter, migration writer, CLI) speaks these types.
 */

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

/** A per-file transform: pure, source in, edits out. Throws `ParseError` when the file does not parse. */
export type SourceTransform = (input: { source: string; path: string; plan: RenamePlan }) => TransformResult;

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
