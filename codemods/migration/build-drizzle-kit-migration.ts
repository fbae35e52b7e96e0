/**
 * The migration of a rename as drizzle-kit writes one, so that drizzle-kit and drizzle-orm's migrator take it as
 * their own:
 * - drizzle-kit 0.x: `<out>/<tag>.sql` (`0007_rename_tables`, or per `migrations.prefix`), its journal entry in
 *   `meta/_journal.json` and its snapshot `meta/<prefix>_snapshot.json` (the previous one with the renames applied);
 * - drizzle-kit v1: `<out>/<timestamp>_rename_tables/migration.sql` + `snapshot.json`, and a hints file for
 *   `drizzle-kit generate --hints-file` (for a team that prefers drizzle-kit's own migration).
 * Statements are separated by `--> statement-breakpoint` (unless the config sets `breakpoints: false`) and there is
 * no BEGIN/COMMIT: drizzle-orm's migrator runs the pending migrations in one transaction. Index, constraint and
 * sequence names come from the snapshot (derived ones derived again, incoming foreign keys of other tables too),
 * renamed by exact statements. The rollback and cleanup scripts sit next to the migrations with names no drizzle
 * tool reads (`rollback_<tag>.sql`, `cleanup_<tag>.sql`): drizzle-kit and the migrator only follow the journal
 * (0.x) or `<folder>/migration.sql` (v1).
 * Needs `await ensureSqlReady()` first.
 */
import { createHash } from 'node:crypto';
import { quoteIdentifier } from '../../naming/identifiers.js';
import type { RenamePlan, ReviewItem } from '../types.js';
import { UsageError } from '../types.js';
import { getMigrationStatements } from './get-migration-statements.js';
import { getMigrationFileNames } from './migration-file-names.js';
import { getObjectRenameSql } from './get-object-rename-sql.js';
import { renameDrizzleKitSnapshot } from './rename-drizzle-kit-snapshot.js';
import { renameDrizzleKitV1Snapshot } from './rename-drizzle-kit-v1-snapshot.js';
import type { ObjectRename } from './snapshot-renames.js';

/** A file of the migration, relative to the migrations folder; `previous` is the text it replaces (the journal). */
export interface ToolMigrationFile {
  readonly path: string;
  readonly text: string;
  readonly previous: string | null;
}

export interface ToolMigration {
  /** New files first, the journal last (written last, so a failed write never leaves a journal entry without its files). */
  readonly files: readonly ToolMigrationFile[];
  readonly review: readonly ReviewItem[];
  readonly warnings: readonly string[];
}

export interface DrizzleKitMigrationInput {
  readonly format: 'drizzle-kit' | 'drizzle-kit-v1';
  /** The applied migrations, in order, to find function definitions. */
  readonly migrationSources: ReadonlyArray<{ path: string; source: string }>;
  /** 0.x: the journal's text and the last snapshot (file name in `meta/`, text). v1: the last migration folder and its snapshot. */
  readonly journal: string | null;
  readonly previousSnapshot: { readonly name: string; readonly text: string } | null;
  /**
   * Existing names, for the new name: v1, the migration folder names; 0.x, the journal's tags, the folder's files
   * and `meta/<name>` for the files in `meta/` (hand-numbered `.sql` files no journal entry names count too).
   */
  readonly existingNames: readonly string[];
  /** `migrations.prefix` of the config (`index` by default). */
  readonly prefix: string | null;
  readonly breakpoints: boolean;
  /** Where drizzle-orm's migrator records applied migrations (`migrations.schema` / `migrations.table`). */
  readonly migrationsSchema: string | null;
  readonly migrationsTable: string | null;
  readonly now?: Date;
  /** The new snapshot's id (tests); default a random uuid. */
  readonly snapshotId?: string;
}

const NAME = 'rename_tables';
const INDEX_PREFIXED = /^(\d{1,7})_(?:.*\.sql|snapshot\.json)$/i;
const BREAKPOINT = '--> statement-breakpoint\n';

export function buildDrizzleKitMigration(plan: RenamePlan, input: DrizzleKitMigrationInput): ToolMigration {
  const now = input.now ?? new Date();
  if (!input.previousSnapshot) throw new UsageError(`drizzle-kit has no snapshot to start from in this folder: run \`drizzle-kit generate\` once first, or pass --migration-format plain`);
  const previous = parseSnapshot(input.previousSnapshot.name, input.previousSnapshot.text);
  const parts = getMigrationStatements(plan, input);
  const isV1 = input.format === 'drizzle-kit-v1';
  if (isV1 && previous.version !== '8') throw new UsageError(`${input.previousSnapshot.name}: snapshot version ${String(previous.version)} is not drizzle-kit v1's 8; run \`drizzle-kit up\` first`);
  if (!isV1 && previous.version !== '7') throw new UsageError(`${input.previousSnapshot.name}: snapshot version ${String(previous.version)} is not 7, the version drizzle-kit 0.x writes (0.25 to 0.31 among them); run \`drizzle-kit up\` first`);
  const renamed = isV1 ? renameDrizzleKitV1Snapshot(previous, plan, input.snapshotId) : renameDrizzleKitSnapshot(previous, plan, input.snapshotId);

  const journal = isV1 ? null : parseJournal(input.journal);
  const lastEntry = journal?.entries.at(-1);
  const idx = getNextIndex(journal?.entries ?? [], input.existingNames);
  const when = Math.max(now.getTime(), (lastEntry?.when ?? 0) + 1);
  const tag = isV1 ? getMigrationFileNames(input.existingNames, now, NAME).forward : getTag(input.prefix, idx, new Date(when), input.existingNames);
  const forwardName = isV1 ? `${tag}/migration.sql` : `${tag}.sql`;
  const rollbackName = `rollback_${tag}.sql`;
  const cleanupName = `cleanup_${tag}.sql`;

  const forwardStatements = [
    ...parts.tableRenames,
    ...parts.views,
    ...parts.columnRenames,
    ...parts.functions,
    ...getObjectRenameSql(renamed.objectRenames, 'forward'),
  ];
  const header = [
    `-- Rename tables and columns. Written by \`drizzle-schema rename\`, with ${isV1 ? 'its snapshot.json' : 'its journal entry and snapshot'}, so drizzle-kit`,
    '-- takes it as its own. No BEGIN/COMMIT: drizzle-orm\'s migrator runs the pending migrations in one transaction.',
    `-- Undo with ${rollbackName}; once no code uses the old names, drop the compatibility views with ${cleanupName}.`,
    ...(parts.views.length > 0 ? ['-- The views under the old table names (security_invoker, Postgres 15+) keep code on the old names working;', '-- they are not in the Drizzle schema, so drizzle-kit generate ignores them (drizzle-kit push would drop them).'] : []),
    ...parts.viewNotes,
  ];
  const forward = `${header.join('\n')}\n${forwardStatements.map((statement) => `${statement};`).join(input.breakpoints ? BREAKPOINT : '\n')}\n`;

  const migrationsTable = `${quoteIdentifier(input.migrationsSchema ?? 'drizzle')}.${quoteIdentifier(input.migrationsTable ?? '__drizzle_migrations')}`;
  const rollback = [
    `-- Undo ${forwardName} in a database that applied it. Not a migration (no drizzle tool reads this file): run it by hand`,
    `-- (psql -f), then remove the migration from the repository (${isV1 ? `the folder ${tag}/` : `${tag}.sql, meta/${getSnapshotName(tag)} and its entry in meta/_journal.json`})`,
    '-- or revert the commit, so drizzle-kit and the code agree with the database again. The last statement forgets the',
    '-- migration in drizzle-orm\'s record of applied migrations (by the hash of its file).',
    'BEGIN;',
    ...[
      ...parts.dropViews,
      ...getObjectRenameSql([...renamed.objectRenames].reverse(), 'back'),
      ...parts.columnRestores,
      ...parts.tableRestores,
      ...parts.functionRestores,
      `DELETE FROM ${migrationsTable} WHERE hash = ${literal(createHash('sha256').update(forward).digest('hex'))}`,
    ].map((statement) => `${statement};`),
    'COMMIT;',
    '',
  ].join('\n');
  const cleanup = [
    `-- Drop the compatibility views of ${forwardName} once no code uses the old table names. Not a migration: to ship`,
    '-- it as one, run `drizzle-kit generate --custom --name drop_rename_views` and paste these statements into the new file.',
    ...parts.dropViews.map((statement) => `${statement};`),
    '',
  ].join('\n');

  const files: ToolMigrationFile[] = [{ path: forwardName, text: forward, previous: null }];
  if (isV1) {
    files.push({ path: `${tag}/snapshot.json`, text: JSON.stringify(renamed.snapshot, null, 2), previous: null });
  } else {
    files.push({ path: `meta/${getSnapshotName(tag)}`, text: JSON.stringify(renamed.snapshot, null, 2), previous: null });
  }
  files.push({ path: rollbackName, text: rollback, previous: null }, { path: cleanupName, text: cleanup, previous: null });
  if (isV1) files.push({ path: `rename_hints_${tag}.json`, text: `${JSON.stringify(getHints(plan), null, 2)}\n`, previous: null });
  if (journal && input.journal !== null) {
    const entry = { idx, version: String(previous.version), when, tag, breakpoints: input.breakpoints };
    const text = JSON.stringify({ ...journal, entries: [...journal.entries, entry] }, null, 2);
    // The journal's own ending kept (drizzle-kit writes none; a formatter may have added a newline).
    files.push({ path: 'meta/_journal.json', text: input.journal.endsWith('\n') ? `${text}\n` : text, previous: input.journal });
  }
  return { files, review: parts.review, warnings: [...parts.warnings, ...getLongNameWarnings(renamed.objectRenames)] };
}

interface Journal {
  readonly entries: ReadonlyArray<{ readonly idx: number; readonly when: number; readonly tag: string }>;
  readonly [key: string]: unknown;
}

function parseJournal(text: string | null): Journal {
  if (text === null) return { version: '7', dialect: 'postgresql', entries: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`meta/_journal.json is not valid JSON (${error instanceof Error ? error.message : String(error)}): nothing written`);
  }
  const entries = typeof value === 'object' && value !== null && Array.isArray((value as { entries?: unknown }).entries) ? (value as Journal).entries : null;
  if (!entries) throw new UsageError('meta/_journal.json has no "entries" list: nothing written');
  return value as Journal;
}

function parseSnapshot(name: string, text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new UsageError(`${name}: not a drizzle-kit snapshot (invalid JSON): nothing written`);
}

/**
 * The new journal entry's `idx`: after every entry of the journal and after every index-numbered file of the folder
 * (`0012_add_x.sql` written by hand beside the journal, `meta/0012_snapshot.json`), so that the new `<idx>_…` files
 * sort after all of them (drizzle-kit takes the last snapshot in name order as the previous one) and drizzle-kit
 * numbers its next migration after ours (it takes the last entry's `idx` + 1). A jump in `idx` is harmless:
 * drizzle-orm's migrator reads the entries in journal order, by `tag`, and applies those whose `when` is newer than
 * the last applied one; `idx` only names files. Prefixes of 8 digits or more are dates or timestamps, not indexes.
 */
function getNextIndex(entries: Journal['entries'], existingNames: readonly string[]): number {
  const numbers = [
    ...entries.map((entry) => entry.idx),
    ...existingNames.flatMap((name) => {
      const match = INDEX_PREFIXED.exec(name.split('/').pop() ?? name);
      return match ? [Number(match[1])] : [];
    }),
  ].filter((value) => Number.isSafeInteger(value));
  return numbers.length === 0 ? 0 : Math.max(...numbers) + 1;
}

/** drizzle-kit's tag: `<prefix>_rename_tables` where the prefix follows `migrations.prefix` (`index` by default). */
function getTag(prefix: string | null, idx: number, when: Date, existingNames: readonly string[]): string {
  switch (prefix ?? 'index') {
    case 'timestamp':
    case 'supabase':
      return getMigrationFileNames(existingNames.filter((name) => /^\d{14}_/.test(name)), when, NAME).forward;
    case 'unix':
      return `${Math.floor(when.getTime() / 1000)}_${NAME}`;
    case 'none':
      return `_${NAME}`;
    default:
      return `${String(idx).padStart(4, '0')}_${NAME}`;
  }
}

/** drizzle-kit names a snapshot after the tag's prefix: `0007_snapshot.json`. */
function getSnapshotName(tag: string): string {
  return `${tag.split('_')[0] ?? ''}_snapshot.json`;
}

/** drizzle-kit v1's `--hints-file` entries for the renames. */
function getHints(plan: RenamePlan): unknown[] {
  const tableAfter = (schema: string, table: string) => plan.tables.find((rename) => rename.schema === schema && rename.from === table)?.to ?? table;
  return [
    ...plan.tables.map((rename) => ({ type: 'rename', kind: 'table', from: [rename.schema, rename.from], to: [rename.schema, rename.to] })),
    ...plan.columns.map((rename) => {
      const table = tableAfter(rename.schema, rename.table);
      return { type: 'rename', kind: 'column', from: [rename.schema, table, rename.from], to: [rename.schema, table, rename.to] };
    }),
  ];
}

function getLongNameWarnings(renames: readonly ObjectRename[]): string[] {
  return renames
    .filter((rename) => Buffer.byteLength(rename.to) > 63)
    .map((rename) => `${rename.schema}.${rename.table}: the new name "${rename.to}" is longer than 63 bytes; Postgres truncates it (as it does for drizzle-kit's own derived names)`);
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
