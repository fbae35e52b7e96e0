/**
 * The bridge between a rename run and the migration writer (`codemods/migration/`): build the forward,
 * rollback and cleanup files from the plan and the project's migrations (function bodies that read a
 * renamed table are re-created), before any file is written; write them only at the end of the run.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadModule } from 'libpg-query';
import type { BuiltMigration } from './migration/index.js';
import { buildMigration, writeMigration } from './migration/index.js';
import { isReplayedSqlFile } from './known-tables.js';
import { getPendingPlan } from './plan.js';
import type { SourceFile } from './prefilter.js';
import type { RenamePlan, ReviewItem } from './types.js';
import { ParseError, UsageError } from './types.js';

export interface MigrationOutput {
  /** File names inside the migration folder, with their full text, in the order forward, rollback, cleanup. */
  readonly files: ReadonlyArray<{ readonly name: string; readonly text: string }>;
  readonly review: readonly ReviewItem[];
  readonly built: BuiltMigration;
}

export interface MigrationInput {
  readonly plan: RenamePlan;
  /** Absolute path of `--migration-dir`. */
  readonly migrationDir: string;
  /** Every file of the run, read: applied migrations, and `.sql` files inside `migrationDir`, are the sources. */
  readonly files: readonly SourceFile[];
}

/**
 * Build the migration for what the project's migrations do not already perform (`getPendingPlan`); null when
 * that is nothing (a re-run). Throws UsageError when a migration file does not parse (it would not apply either).
 */
export async function getMigrationOutput(input: MigrationInput): Promise<MigrationOutput | null> {
  const plan = getPendingPlan(input.plan);
  if (plan.tables.length === 0 && plan.columns.length === 0) return null;
  await loadModule();
  const inDir = (file: SourceFile) => file.absolutePath.startsWith(`${input.migrationDir}${path.sep}`);
  const migrationSources = input.files
    .filter((file) => file.kind === 'sql' && (file.isAppliedMigration || inDir(file)) && isReplayedSqlFile(file))
    .map((file) => ({ path: file.path, source: file.source }));
  const existingFileNames = await readdir(input.migrationDir).catch((error: unknown) => {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  });
  let built: BuiltMigration;
  try {
    built = buildMigration(plan, { migrationSources, existingFileNames });
  } catch (error) {
    if (error instanceof ParseError) throw new UsageError(`cannot write the migration: ${error.message}`);
    throw error;
  }
  return {
    files: [built.forward, built.rollback, built.cleanup].map((file) => ({ name: file.fileName, text: file.sql })),
    review: built.review,
    built,
  };
}

/** Write the three files (never overwriting one), creating the folder when needed. Returns absolute paths. */
export async function writeMigrationOutput(migrationDir: string, output: MigrationOutput): Promise<string[]> {
  await mkdir(migrationDir, { recursive: true });
  return writeMigration(migrationDir, output.built);
}
