import type { RenamePlan, ReviewItem } from '../types.js';
import { getEmbeddedNameCleanupSql, getEmbeddedNameRenameSql, getEmbeddedNameRestoreSql } from './embedded-names-sql.js';
import { getMigrationStatements } from './get-migration-statements.js';
import type { MigrationFileNames } from './migration-file-names.js';
import { getMigrationFileNames } from './migration-file-names.js';

export interface MigrationFile {
  readonly fileName: string;
  readonly sql: string;
}

export interface BuiltMigration {
  readonly forward: MigrationFile;
  readonly rollback: MigrationFile;
  readonly cleanup: MigrationFile;
  /** Functions whose bodies mention a renamed table or column but could not be rewritten safely. */
  readonly review: ReviewItem[];
  /** Statements of the migrations that do not parse, skipped (`path:line: …`). */
  readonly warnings: string[];
}

export interface MigrationOptions {
  /** The project's migration files (.sql), in file-name order, to find function definitions. */
  readonly migrationSources: ReadonlyArray<{ path: string; source: string }>;
  /** Names of the files already in the migrations folder, for the forward file's name. */
  readonly existingFileNames: readonly string[];
  readonly now?: Date;
}

/**
 * The three SQL files of a rename for the Supabase CLI or a plain folder: forward (renames, compatibility views,
 * re-created functions, embedded names by the catalog, in one transaction), rollback (the exact inverse) and
 * cleanup (drops the compatibility views). Needs `await ensureSqlReady()` first. Throws `UsageError` for a new
 * name that is not a valid identifier.
 */
export function buildMigration(plan: RenamePlan, options: MigrationOptions): BuiltMigration {
  const names = getMigrationFileNames(options.existingFileNames, options.now ?? new Date());
  const parts = getMigrationStatements(plan, options);
  const statements = (list: readonly string[]) => list.map((statement) => `${statement};`);

  const forward = [
    ...getHeader(names, 'forward'),
    'BEGIN;',
    '',
    ...(parts.tableRenames.length > 0 ? ['-- Table renames, in dependency order (temporary names resolve swaps and chains).'] : []),
    ...statements(parts.tableRenames),
    ...(parts.views.length > 0
      ? [
          '',
          '-- Compatibility views under the old table names, created BEFORE the column renames: a view binds its',
          '-- columns by attribute number, so it keeps exposing the OLD column names after they are renamed, and',
          '-- code still on the old names reads and writes through it (a one-table SELECT * view is auto-updatable).',
          '-- security_invoker (Postgres 15+) makes the row level security policies of the table apply through the view.',
        ]
      : []),
    ...statements(parts.views),
    ...(parts.columnRenames.length > 0 || parts.viewNotes.length > 0 ? ['', '-- Column renames.'] : []),
    ...parts.viewNotes,
    ...statements(parts.columnRenames),
    ...(parts.functions.length > 0 ? ['', '-- Functions whose bodies read a renamed table or column, re-created with the body rewritten.'] : []),
    ...statements(parts.functions),
    '',
    ...getEmbeddedNameRenameSql(plan, names.forward),
    '',
    'COMMIT;',
    '',
  ];

  const rollback = [
    ...getHeader(names, 'rollback'),
    'BEGIN;',
    '',
    ...statements(parts.dropViews),
    '',
    ...getEmbeddedNameRestoreSql(names.forward),
    '',
    ...statements(parts.columnRestores),
    ...statements(parts.tableRestores),
    ...(parts.functionRestores.length > 0 ? ['', '-- Original function definitions, restored after the names are back (SQL function bodies are checked on creation).'] : []),
    ...statements(parts.functionRestores),
    '',
    'COMMIT;',
    '',
  ];

  const cleanup = [
    ...getHeader(names, 'cleanup'),
    'BEGIN;',
    '',
    ...statements(parts.dropViews),
    '',
    ...getEmbeddedNameCleanupSql(names.forward),
    '',
    'COMMIT;',
    '',
  ];

  return {
    forward: { fileName: names.forward, sql: forward.join('\n') },
    rollback: { fileName: names.rollback, sql: rollback.join('\n') },
    cleanup: { fileName: names.cleanup, sql: cleanup.join('\n') },
    review: [...parts.review],
    warnings: [...parts.warnings],
  };
}

function getHeader(names: MigrationFileNames, kind: 'forward' | 'rollback' | 'cleanup'): string[] {
  const lines = {
    forward: [
      '-- Rename tables and columns. Written by `drizzle-schema rename`.',
      `-- Undo with ${names.rollback}; once no code uses the old names, drop the views with ${names.cleanup}.`,
      '-- Indexes, constraints (foreign keys included), policies, triggers and views follow the renames on their own:',
      '-- Postgres stores them by OID. Function bodies are text, so functions of the migrations folder that read a',
      '-- renamed table or column are re-created below with the body rewritten. Index, constraint and sequence NAMES',
      '-- that embed an old name are renamed at the end, as the codemod renamed them in the Drizzle schema and types.',
    ],
    rollback: [`-- Undo ${names.forward}: drop the compatibility views, restore the index, constraint and sequence names, rename everything back, restore the functions.`, '-- Not a migration: run it by hand (psql -f) if the rename has to be reverted.'],
    cleanup: [`-- Drop the compatibility views of ${names.forward} once no code uses the old table names, and its record of renamed index names.`, '-- Not a migration: run it by hand, or copy it into a new migration.'],
  }[kind];
  return [...lines, ''];
}
