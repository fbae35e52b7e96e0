/**
 * End to end, the front door of `drizzle-schema rename` (the BUILT CLI in a subprocess) on the project shapes that
 * refused real repositories at the first documented run: a Supabase app whose tables exist only in its generated
 * types (made in the dashboard), with an applied migration that is not valid SQL; a drizzle-kit project whose table is
 * named `ssh-key`; the same command twice on the committed result; a typo; a table only the code names; and
 * `--rename-exports` on a plural export.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenameReport } from '../../codemods/report.js';
import { assertBuilt, runCli } from '../codemods/cli/run-cli.js';
import type { TempProject } from '../codemods/run/temp-project.js';
import { createProject } from '../codemods/run/temp-project.js';

beforeAll(assertBuilt);

/** `supabase gen types typescript` output (trimmed to three tables): the only place `calls` and `transcripts` exist. */
const GENERATED_TYPES = `export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  __InternalSupabase: {
    PostgrestVersion: "12.2.3 (519615d)"
  }
  public: {
    Tables: {
      calls: {
        Row: {
          duration_seconds: number
          id: string
          profile_id: string
        }
        Insert: {
          duration_seconds: number
          id?: string
          profile_id: string
        }
        Update: {
          duration_seconds?: number
          id?: string
          profile_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "calls_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          display_name: string | null
          id: string
        }
        Insert: {
          display_name?: string | null
          id: string
        }
        Update: {
          display_name?: string | null
          id?: string
        }
        Relationships: []
      }
      transcripts: {
        Row: {
          body: string
          call_id: string
          id: string
        }
        Insert: {
          body: string
          call_id: string
          id?: string
        }
        Update: {
          body?: string
          call_id?: string
          id?: string
        }
        Relationships: [
          {
            foreignKeyName: "transcripts_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "calls"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      [_ in never]: never
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DefaultSchema = Database[Extract<keyof Database, "public">]

export type Tables<T extends keyof DefaultSchema["Tables"]> = DefaultSchema["Tables"][T]["Row"]
`;

const SUPABASE_APP = {
  'supabase/config.toml': 'project_id = "dashboard-app"\n',
  // Only `profiles` is created by a migration; the statement on line 3 is not valid SQL (fixed by the next file).
  'supabase/migrations/20240101000000_profiles.sql': [
    'create table profiles (id uuid primary key, display_name text);',
    'alter table profiles enable row level security;',
    'alter table calls add constraint if not exists calls_duration_check check (duration_seconds >= 0);',
    '',
  ].join('\n'),
  'supabase/migrations/20240102000000_fix_calls_check.sql': 'alter table calls add constraint calls_duration_check check (duration_seconds >= 0);\n',
  'src/types/database.types.ts': GENERATED_TYPES,
  'src/services/calls.ts': [
    "import type { SupabaseClient } from '@supabase/supabase-js';",
    "import type { Database, Tables } from '../types/database.types';",
    '',
    "export type Call = Tables<'calls'>;",
    '',
    'export async function listCalls(supabase: SupabaseClient<Database>, profileId: string) {',
    "  const { data, error } = await supabase.from('calls').select('id, duration_seconds, transcripts(body)').eq('profile_id', profileId);",
    '  if (error) throw error;',
    '  return data;',
    '}',
    '',
    "export const CALLS_TITLE = 'Your calls';",
    '',
  ].join('\n'),
  'src/services/legacy.ts': "export const listEvents = (supabase: { from(table: string): unknown }) => supabase.from('legacy_events');\n",
};

const SUPABASE_RENAMES = ['rename', '--table', 'calls=call_logs', '--table', 'transcripts=call_transcripts'];

function getReport(stdout: string): RenameReport {
  return JSON.parse(stdout) as RenameReport;
}

function commitAll(project: TempProject, message: string): void {
  project.git('add', '-A');
  project.git('commit', '-qm', message);
}

describe('a Supabase app whose tables exist only in the generated types', () => {
  it('renames them although the migrations create none of them and one migration is not valid SQL; the second run is a no-op', async () => {
    // A file no transform can read (a NUL byte) that names `calls`: skipped by both runs, never a reason for exit 1 on the second.
    const project = createProject({ ...SUPABASE_APP, 'src/assets/calls-icon.ts': Buffer.from('export const calls = "\0";\n') }, { git: true });
    const first = await runCli([...SUPABASE_RENAMES, '--json'], project.root);
    expect(first.stderr).toBe('');
    const report = getReport(first.stdout);
    expect(report.changed.map((file) => file.file)).toEqual(['src/services/calls.ts', 'src/types/database.types.ts']);
    expect(report.warnings).toEqual(['supabase/migrations/20240101000000_profiles.sql:3: statement skipped, it does not parse (syntax error at or near "exists")']);
    expect(first.code).toBe(1);
    expect(report.skipped.map((file) => file.file)).toEqual(['src/assets/calls-icon.ts']);
    // The migration is written by default into the detected supabase/migrations folder.
    expect(report.migrations.map((migration) => path.posix.dirname(migration.file))).toContain('supabase/migrations');
    const service = project.read('src/services/calls.ts');
    expect(service).toContain("export type Call = Tables<'call_logs'>;");
    expect(service).toContain(".from('call_logs').select('id, duration_seconds, call_transcripts(body)')");
    expect(service).toContain("export const CALLS_TITLE = 'Your calls';");
    const types = project.read('src/types/database.types.ts');
    expect(types).toContain('      call_logs: {\n        Row: {');
    expect(types).toContain('      call_transcripts: {\n        Row: {');
    expect(types).toContain('referencedRelation: "call_logs"');
    expect(types).not.toMatch(/\b(?:calls|transcripts): \{/);

    commitAll(project, 'rename calls and transcripts');
    const second = await runCli([...SUPABASE_RENAMES, '--json'], project.root);
    const again = getReport(second.stdout);
    expect(again.changed).toEqual([]);
    expect(again.review).toEqual([]);
    // The first run's migration performs the renames now: nothing is left to do, and no second migration is written.
    expect(again.migrations).toEqual([]);
    expect(again.warnings.at(-1)).toMatch(/^every rename is already applied and nothing changed: the \d+ remaining mentions of the old names and the binary file it skipped were listed by the run that applied them/);
    // What the first run listed is information now: in `unlisted`, not in `review`; the binary file is still named.
    expect(again.alreadyApplied).toBe(true);
    expect(again.unlisted.length).toBeGreaterThan(0);
    expect(new Set(again.unlisted.map((item) => item.why))).toEqual(new Set(['already-listed']));
    expect(again.unlisted.map((item) => `${item.file}:${item.line}`)).toContain('src/services/calls.ts:12');
    expect(again.skipped.map((file) => file.file)).toEqual(['src/assets/calls-icon.ts']);
    expect(second.code).toBe(0);
    expect(project.git('status', '--porcelain')).toBe('');
  });

  it('refuses a typo with exit 2 and a did-you-mean, writing nothing', async () => {
    const project = createProject(SUPABASE_APP, { git: true });
    const result = await runCli(['rename', '--table', 'cals=call_logs', '--table', 'transcript=call_transcripts'], project.root);
    expect(result.stderr).toBe(
      [
        'drizzle-schema: Invalid renames:',
        '  - --table cals=call_logs: table "cals" is not a known table (did you mean "calls"?)',
        '  - --table transcript=call_transcripts: table "transcript" is not a known table (did you mean "transcripts"?)',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(2);
    expect(project.git('status', '--porcelain')).toBe('');
  });

  it('renames a table only the code names, with a warning saying where', async () => {
    const project = createProject(SUPABASE_APP, { git: true });
    const result = await runCli(['rename', '--table', 'legacy_events=events', '--json'], project.root);
    const report = getReport(result.stdout);
    expect(report.warnings).toContain(
      'table "legacy_events" is in no Drizzle schema, migration or generated types; renamed where the code names it (first at src/services/legacy.ts:1): check that the database has it',
    );
    expect(project.read('src/services/legacy.ts')).toBe("export const listEvents = (supabase: { from(table: string): unknown }) => supabase.from('events');\n");
    expect(result.code).toBe(0);
  });
});

const DRIZZLE_KIT_APP = {
  'src/db/schema.ts': [
    "import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';",
    '',
    'export const sshKeys = pgTable(',
    "  'ssh-key',",
    '  {',
    "    id: uuid('id').primaryKey().defaultRandom(),",
    "    userId: uuid('user_id').notNull(),",
    "    publicKey: text('public_key').notNull(),",
    '  },',
    "  (t) => [index('ssh-key_user_id_idx').on(t.userId)],",
    ');',
    '',
  ].join('\n'),
  'src/db/keys.ts': [
    "import { sql } from 'drizzle-orm';",
    "import type { PgDatabase } from 'drizzle-orm/pg-core';",
    '',
    'export async function countKeys(db: PgDatabase<never>, userId: string) {',
    '  return db.execute(sql`select count(*)::int as count from "ssh-key" where user_id = ${userId}`);',
    '}',
    '',
  ].join('\n'),
  'drizzle/0000_init.sql': [
    'CREATE TABLE "ssh-key" (',
    '\t"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,',
    '\t"user_id" uuid NOT NULL,',
    '\t"public_key" text NOT NULL',
    ');',
    '--> statement-breakpoint',
    'CREATE INDEX "ssh-key_user_id_idx" ON "ssh-key" USING btree ("user_id");',
    '',
  ].join('\n'),
};

// The column names its table by the old name, as the Dokploy re-run did (`table "destination" is not a known table`).
const SSH_KEY_RENAME = ['rename', '--table', 'ssh-key=ssh_keys', '--column', 'ssh-key.public_key=key_text', '--migration-dir', 'drizzle'];

describe('a drizzle-kit project with a hyphenated table name', () => {
  it('renames "ssh-key" and its column in code and SQL, the migration applies on PGlite with the rows kept, and the second run is a no-op', async () => {
    const project = createProject(DRIZZLE_KIT_APP, { git: true });
    const first = await runCli([...SSH_KEY_RENAME, '--json'], project.root);
    expect(first.stderr).toBe('');
    const report = getReport(first.stdout);
    expect(report.changed).toEqual([
      { file: 'src/db/keys.ts', edits: 1 },
      { file: 'src/db/schema.ts', edits: 3 },
    ]);
    expect(first.code).toBe(1);
    expect(project.read('src/db/schema.ts')).toContain("  'ssh_keys',\n");
    expect(project.read('src/db/schema.ts')).toContain("index('ssh_keys_user_id_idx')");
    expect(project.read('src/db/schema.ts')).toContain("publicKey: text('key_text').notNull(),");
    expect(project.read('src/db/keys.ts')).toContain('from "ssh_keys" where user_id');
    const forward = report.migrations.map((file) => file.file).find((file) => /^drizzle\/\d+_/.test(file));
    expect(forward).toBe('drizzle/0001_rename_tables.sql');

    const db = new PGlite();
    try {
      await db.exec(project.read('drizzle/0000_init.sql').replaceAll('--> statement-breakpoint', ''));
      await db.exec(`insert into "ssh-key" (user_id, public_key) values ('00000000-0000-4000-8000-000000000001', 'ssh-ed25519 AAAA')`);
      await db.exec(project.read('drizzle/0001_rename_tables.sql'));
      expect((await db.query('select key_text from ssh_keys')).rows).toEqual([{ key_text: 'ssh-ed25519 AAAA' }]);
      expect((await db.query('select public_key from "ssh-key"')).rows).toEqual([{ public_key: 'ssh-ed25519 AAAA' }]);
      expect((await db.query("select indexname from pg_indexes where tablename = 'ssh_keys' order by 1")).rows).toEqual([{ indexname: 'ssh_keys_pkey' }, { indexname: 'ssh_keys_user_id_idx' }]);
    } finally {
      await db.close();
    }

    commitAll(project, 'rename ssh-key');
    const before = readdirSync(path.join(project.root, 'drizzle')).sort();
    const second = await runCli([...SSH_KEY_RENAME, '--json'], project.root);
    const again = getReport(second.stdout);
    expect(again.changed).toEqual([]);
    expect(again.migrations).toEqual([]);
    expect(again.review).toEqual([]);
    expect(second.code).toBe(0);
    expect(readdirSync(path.join(project.root, 'drizzle')).sort()).toEqual(before);
    expect(project.git('status', '--porcelain')).toBe('');
  });

  it('suggests the hyphenated name for a typo', async () => {
    const project = createProject(DRIZZLE_KIT_APP, { git: true });
    const result = await runCli(['rename', '--table', 'ssh_key=ssh_keys'], project.root);
    expect(result.stderr).toBe('drizzle-schema: Invalid renames:\n  - --table ssh_key=ssh_keys: table "ssh_key" is not a known table (did you mean "ssh-key"?)\n');
    expect(result.code).toBe(2);
  });
});

describe('--rename-exports keeps the export naming style', () => {
  it('keeps a plural export plural and a suffix in place', async () => {
    const project = createProject(
      {
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, noEmit: true }, include: ['src'] }),
        'src/schema.ts': [
          "import { pgTable, text, uuid } from 'drizzle-orm/pg-core';",
          '',
          "export const destinations = pgTable('destination', { id: uuid('id').primaryKey(), name: text('name') });",
          "export const usersTable = pgTable('users', { id: uuid('id').primaryKey() });",
          '',
        ].join('\n'),
        'src/backups.ts': [
          "import { destinations, usersTable } from './schema.js';",
          '',
          'export type Destination = typeof destinations.$inferSelect;',
          'export const tables = { destinations, usersTable };',
          '',
        ].join('\n'),
      },
      { git: true },
    );
    const result = await runCli(['rename', '--table', 'destination=backup_destination', '--table', 'users=accounts', '--rename-exports'], project.root);
    expect(result.stderr).toBe('');
    expect(project.read('src/schema.ts')).toBe(
      [
        "import { pgTable, text, uuid } from 'drizzle-orm/pg-core';",
        '',
        "export const backupDestinations = pgTable('backup_destination', { id: uuid('id').primaryKey(), name: text('name') });",
        "export const accountsTable = pgTable('accounts', { id: uuid('id').primaryKey() });",
        '',
      ].join('\n'),
    );
    expect(project.read('src/backups.ts')).toBe(
      [
        "import { backupDestinations, accountsTable } from './schema.js';",
        '',
        'export type Destination = typeof backupDestinations.$inferSelect;',
        'export const tables = { destinations: backupDestinations, usersTable: accountsTable };',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(0);
  });
});
