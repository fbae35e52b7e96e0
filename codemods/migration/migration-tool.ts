/**
 * The migration tools the rename codemod writes for, and which `.sql` files each one applies.
 *
 * - `drizzle-kit`: drizzle-kit 0.x (`out` with `meta/_journal.json`): it applies the files named by the
 *   journal's entries (`<out>/<tag>.sql`); nothing else in the folder is a migration.
 * - `drizzle-kit-v1`: drizzle-kit 1.x (`<out>/<timestamp>_<name>/migration.sql` + `snapshot.json`, no journal).
 * - `supabase`: the Supabase CLI applies `<digits>_<name>.sql` directly in `supabase/migrations`; files in
 *   subfolders (`rollbacks/`) never.
 * - `plain`: a folder with no known tool: its numbered `.sql` files (directly in it) are taken as applied.
 */
import type { DrizzleConfig } from '../../drizzle-model/drizzle-config.js';

export type MigrationFormat = 'drizzle-kit' | 'drizzle-kit-v1' | 'supabase' | 'plain';

export const MIGRATION_FORMATS: readonly MigrationFormat[] = ['drizzle-kit', 'drizzle-kit-v1', 'supabase', 'plain'];

export interface MigrationTool {
  readonly format: MigrationFormat;
  /** Absolute path of the migrations folder (drizzle-kit's `out`). */
  readonly dir: string;
  /** The drizzle config that names the folder (drizzle-kit formats), null otherwise. */
  readonly config: DrizzleConfig | null;
  /** Where the detection came from, for the report: `drizzle.config.ts`, `supabase/config.toml`, `--migration-dir`. */
  readonly source: string;
  /** drizzle-kit 0.x: the journal's tags (`0003_x`), in journal order; empty for other formats. */
  readonly journalTags: readonly string[];
}

/** What each format is called in messages. */
export const MIGRATION_FORMAT_NAMES: Readonly<Record<MigrationFormat, string>> = {
  'drizzle-kit': 'drizzle-kit (journal and snapshots)',
  'drizzle-kit-v1': 'drizzle-kit v1 (one folder per migration)',
  supabase: 'Supabase CLI',
  plain: 'plain SQL folder',
};

/** A name this codemod gives its rollback and cleanup scripts: never a migration, never rewritten. */
export const RENAME_SCRIPT_NAME = /^(?:rollback|cleanup)_.*\.sql$/;

/**
 * Whether `relative` (a path inside `tool.dir`, with forward slashes) is a migration the tool applies.
 */
export function isAppliedByTool(tool: Pick<MigrationTool, 'format' | 'journalTags'>, relative: string): boolean {
  const parts = relative.split('/');
  switch (tool.format) {
    case 'drizzle-kit':
      return parts.length === 1 && (tool.journalTags.length === 0 ? /^\d/.test(relative) : tool.journalTags.includes(relative.replace(/\.sql$/i, '')));
    case 'drizzle-kit-v1':
      return parts.length === 2 && parts[1] === 'migration.sql' && /^\d/.test(parts[0] ?? '');
    case 'supabase':
      // The Supabase CLI applies `<digits>_<name>.sql`; platforms that manage Supabase projects (Lovable) apply
      // `<digits>-<uuid>.sql` too. Either is history: never rewritten (the safe side of a wrong guess).
      return parts.length === 1 && /^\d+[_-].*\.sql$/i.test(relative);
    case 'plain':
      return parts.length === 1 && /^\d/.test(relative);
  }
}
