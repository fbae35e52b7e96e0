/**
 * The bridge between a rename run and the migration writer (`codemods/migration/`): which files to
 * write into `--migration-dir`, with what text, and what to review.
 */
import type { SourceFile } from './prefilter.js';
import type { RenamePlan, ReviewItem } from './types.js';
import { UsageError } from './types.js';

export interface MigrationOutput {
  /** File names inside the migration folder, with their full text. */
  readonly files: ReadonlyArray<{ readonly name: string; readonly text: string }>;
  readonly review: readonly ReviewItem[];
  readonly warnings: readonly string[];
}

export interface MigrationInput {
  readonly cwd: string;
  readonly plan: RenamePlan;
  /** Absolute path of `--migration-dir`. */
  readonly migrationDir: string;
  /** Every file of the run, read; applied migrations are those with `isAppliedMigration`. */
  readonly files: readonly SourceFile[];
}

export async function getMigrationOutput(input: MigrationInput): Promise<MigrationOutput> {
  throw new UsageError(`--migration-dir ${input.migrationDir}: the migration writer is not available yet`);
}
