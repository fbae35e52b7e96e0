/**
 * The bridge between a rename run and the migration writer (`codemods/migration/`): build a migration in the format
 * of the project's migration tool (drizzle-kit journal and snapshot, drizzle-kit v1 folder, Supabase CLI, plain
 * folder) from the plan and the project's applied migrations (function bodies that read a renamed table are
 * re-created), before any file is written; write it only at the end of the run.
 * An applied migration with a statement that does not parse is not bad input: that statement is skipped with a
 * `path:line` warning (it cannot have created anything).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadModule } from 'libpg-query';
import { buildDrizzleKitMigration, type ToolMigrationFile } from './migration/build-drizzle-kit-migration.js';
import { buildMigration } from './migration/build-migration.js';
import type { MigrationTool } from './migration/migration-tool.js';
import { isAppliedByTool } from './migration/migration-tool.js';
import { writeMigration } from './migration/write-migration.js';
import { getPendingPlan } from './plan.js';
import type { SourceFile } from './prefilter.js';
import type { RenamePlan, ReviewItem } from './types.js';

export interface MigrationOutput {
  readonly tool: MigrationTool;
  /** Paths relative to `tool.dir`: new files, and the journal with the text it replaces. */
  readonly files: readonly ToolMigrationFile[];
  readonly review: readonly ReviewItem[];
  readonly warnings: readonly string[];
}

export interface MigrationInput {
  readonly plan: RenamePlan;
  readonly tool: MigrationTool;
  /** Every file of the run, read: the applied migrations among them are the sources. */
  readonly files: readonly SourceFile[];
  readonly now?: Date;
}

/** Build the migration for what the project's migrations do not already perform (`getPendingPlan`); null when that is nothing (a re-run). */
export async function getMigrationOutput(input: MigrationInput): Promise<MigrationOutput | null> {
  const plan = getPendingPlan(input.plan);
  if (plan.tables.length === 0 && plan.columns.length === 0) return null;
  await loadModule();
  const { tool } = input;
  const migrationSources = input.files
    .filter((file) => file.kind === 'sql' && isSourceOf(tool, file))
    .map((file) => ({ path: file.path, source: file.source }));
  const now = input.now ?? new Date();
  if (tool.format === 'supabase' || tool.format === 'plain') {
    const existingFileNames = await readFolder(tool.dir);
    const built = buildMigration(plan, { migrationSources, existingFileNames, now });
    const files = [built.forward, built.rollback, built.cleanup].map((file) => ({ path: file.fileName, text: file.sql, previous: null }));
    return { tool, files, review: built.review, warnings: built.warnings };
  }
  const config = tool.config;
  const isV1 = tool.format === 'drizzle-kit-v1';
  const existing = await readFolder(tool.dir);
  const previousSnapshot = isV1 ? await getLastV1Snapshot(tool.dir, existing) : await getLastSnapshot(tool.dir);
  const journalPath = path.join(tool.dir, 'meta/_journal.json');
  const built = buildDrizzleKitMigration(plan, {
    format: tool.format,
    migrationSources,
    journal: isV1 ? null : await readFile(journalPath, 'utf8'),
    previousSnapshot,
    existingNames: isV1 ? existing : [...tool.journalTags, ...existing, ...(await readFolder(path.join(tool.dir, 'meta'))).map((name) => `meta/${name}`)],
    prefix: config?.migrationsPrefix ?? null,
    breakpoints: config?.breakpoints ?? true,
    migrationsSchema: config?.migrationsSchema ?? null,
    migrationsTable: config?.migrationsTable ?? null,
    now,
  });
  return { tool, files: built.files, review: built.review, warnings: built.warnings };
}

/** Write the migration (never overwriting a file; the journal replaced atomically, last). Returns absolute paths. */
export async function writeMigrationOutput(output: MigrationOutput): Promise<string[]> {
  return writeMigration(output.tool.dir, output.files);
}

/** An applied migration of the tool's folder (by the tool's own rule, so a `--migration-dir` no detection saw works too), or any other applied migration. */
function isSourceOf(tool: MigrationTool, file: SourceFile): boolean {
  if (file.absolutePath.startsWith(`${tool.dir}${path.sep}`)) return isAppliedByTool(tool, path.relative(tool.dir, file.absolutePath).split(path.sep).join('/'));
  return file.isAppliedMigration && file.isReplayed;
}

async function readFolder(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: unknown) => {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  });
}

/** drizzle-kit 0.x reads the last `meta/*.json` (in name order) that does not start with `_` as the previous snapshot. */
async function getLastSnapshot(dir: string): Promise<{ name: string; text: string } | null> {
  const meta = path.join(dir, 'meta');
  const last = (await readFolder(meta)).filter((name) => !name.startsWith('_') && name.endsWith('.json')).sort().at(-1);
  return last === undefined ? null : { name: `meta/${last}`, text: await readFile(path.join(meta, last), 'utf8') };
}

async function getLastV1Snapshot(dir: string, entries: readonly string[]): Promise<{ name: string; text: string } | null> {
  for (const name of [...entries].sort().reverse()) {
    const text = await readFile(path.join(dir, name, 'snapshot.json'), 'utf8').catch(() => null);
    if (text !== null) return { name: `${name}/snapshot.json`, text };
  }
  return null;
}
