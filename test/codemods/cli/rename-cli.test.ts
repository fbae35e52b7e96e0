import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenameReport } from '../../../codemods/report.js';
import { createProject } from '../run/temp-project.js';
import { assertBuilt, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const tree = {
  'supabase/migrations/20240101000000_init.sql': [
    'create table messages (id int primary key, body text);',
    'create table calls (id int primary key);',
    'create table users (id int primary key, "isAdmin" boolean not null default false);',
    '',
  ].join('\n'),
  'supabase/seed.sql': "insert into messages (id, body) values (1, 'hello');\ninsert into users (id, \"isAdmin\") values (1, true);\n",
  'supabase/functions.sql': 'select count(*) from messages;\n',
  'README.md': 'messages everywhere\n',
};

const statusClean = '';
const NO_FOLDER = 'no migrations folder found (drizzle.config.*, supabase/migrations, or a migrations folder with numbered .sql files): no migration written; pass --migration-dir dir to write one';

describe('drizzle-schema rename (built CLI)', () => {
  it('renames, writes the migration into the detected folder by default, and a second run changes nothing', async () => {
    const project = createProject(tree, { git: true });
    const first = await runCli(['rename', '--table', 'calls=comms_calls', '--column', 'users.isAdmin=is_admin'], project.root);
    expect(first.stderr).toBe('');
    const stamp = /supabase\/migrations\/(\d{14})_rename_tables\.sql/.exec(first.stdout)?.[1] ?? 'missing';
    expect(first.stdout).toBe(
      [
        'Changed 1 file:',
        '  supabase/seed.sql (1 edit)',
        'To review (2 places, left unchanged):',
        '  supabase/migrations/20240101000000_init.sql: 2 mentions of old names on lines 2, 3 — applied migration (never rewritten)',
        'Wrote 3 migration files:',
        `  supabase/migrations/${stamp}_rename_tables.sql`,
        `  supabase/migrations/rollback_${stamp}_rename_tables.sql`,
        `  supabase/migrations/cleanup_${stamp}_rename_tables.sql`,
        'Renamed 1 table and 1 column, 1 file changed of 2 candidates (3 scanned), 0 skipped, 2 to review, 3 migration files written.',
        '',
      ].join('\n'),
    );
    expect(first.code).toBe(1);
    expect(project.read('supabase/seed.sql')).toBe("insert into messages (id, body) values (1, 'hello');\ninsert into users (id, \"is_admin\") values (1, true);\n");
    project.git('add', '-A');
    project.git('commit', '-qm', 'rename');
    const second = await runCli(['rename', '--table', 'calls=comms_calls', '--column', 'users.isAdmin=is_admin', '--json'], project.root);
    const report = JSON.parse(second.stdout) as RenameReport;
    expect(report.changed).toEqual([]);
    expect(report.migrations).toEqual([]);
    expect(project.git('status', '--porcelain')).toBe(statusClean);
  });

  it('--no-migration writes no migration, and the report names the folder that would have had it', async () => {
    const project = createProject(tree, { git: true });
    const result = await runCli(['rename', '--table', 'calls=comms_calls', '--no-migration'], project.root);
    expect(result.stdout).toContain(
      'Warnings:\n  migrations folder supabase/migrations (Supabase CLI): no migration written (--no-migration); run without --no-migration to write it there\n',
    );
    expect(project.git('status', '--porcelain')).toBe(statusClean);
    const conflicting = await runCli(['rename', '--table', 'calls=comms_calls', '--no-migration', '--migration-dir', 'x'], project.root);
    expect(conflicting.stderr).toBe('drizzle-schema: --no-migration cannot be combined with --migration-dir or --migration-format\n');
    expect(conflicting.code).toBe(2);
    const format = await runCli(['rename', '--table', 'calls=comms_calls', '--migration-format', 'flyway'], project.root);
    expect(format.stderr).toBe('drizzle-schema: --migration-format must be one of drizzle-kit, drizzle-kit-v1, supabase, plain, got "flyway"\n');
    expect(format.code).toBe(2);
  });

  it('exits 0 when everything was rewritten and nothing is left to review', async () => {
    const project = createProject({ 'db/seed.sql': 'select * from messages;\n', 'db/schema.sql': 'create table messages (id int);\n' }, { git: true });
    const result = await runCli(['rename', '--table', 'messages=comms_messages'], project.root);
    expect(result.stdout).toBe(
      [
        'Changed 2 files:',
        '  db/schema.sql (1 edit)',
        '  db/seed.sql (1 edit)',
        'Warnings:',
        `  ${NO_FOLDER}`,
        'Renamed 1 table, 2 files changed of 2 candidates (2 scanned), 0 skipped, 0 to review.',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(0);
    expect(project.read('db/schema.sql')).toBe('create table comms_messages (id int);\n');
  });

  it('--dry-run prints a diff and the report, and writes nothing', async () => {
    const project = createProject(tree, { git: true });
    const result = await runCli(['rename', '--table', 'messages=comms_messages', '--dry-run', '--no-migration'], project.root);
    expect(result.stdout.startsWith(
      [
        '--- a/supabase/functions.sql',
        '+++ b/supabase/functions.sql',
        '@@ -1,1 +1,1 @@',
        '-select count(*) from messages;',
        '+select count(*) from comms_messages;',
        '--- a/supabase/seed.sql',
        '+++ b/supabase/seed.sql',
        '@@ -1,2 +1,2 @@',
        "-insert into messages (id, body) values (1, 'hello');",
        "+insert into comms_messages (id, body) values (1, 'hello');",
        ' insert into users (id, "isAdmin") values (1, true);',
        '',
        'Would change 2 files:',
      ].join('\n'),
    )).toBe(true);
    expect(result.stdout.endsWith('Dry run: would rename 1 table, 2 files to change of 3 candidates (3 scanned), 0 skipped, 1 to review.\n')).toBe(true);
    expect(result.code).toBe(1);
    expect(project.git('status', '--porcelain')).toBe(statusClean);
  });

  it('--json prints the documented report shape', async () => {
    const project = createProject(tree, { git: true });
    const result = await runCli(['rename', '--table', 'messages=comms_messages', '--json', '--dry-run'], project.root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as RenameReport;
    expect(Object.keys(report)).toEqual(['version', 'dryRun', 'interrupted', 'plan', 'filesScanned', 'candidates', 'changed', 'skipped', 'review', 'unlisted', 'alreadyApplied', 'migrations', 'warnings']);
    expect(report.plan).toEqual({
      tables: [{ schema: 'public', from: 'messages', to: 'comms_messages' }],
      columns: [],
      steps: [{ kind: 'table', schema: 'public', from: 'messages', to: 'comms_messages' }],
    });
    expect(report.changed.map((entry) => [entry.file, entry.edits, typeof entry.diff])).toEqual([
      ['supabase/functions.sql', 1, 'string'],
      ['supabase/seed.sql', 1, 'string'],
    ]);
    expect(report.review).toEqual([
      {
        file: 'supabase/migrations/20240101000000_init.sql', line: 1, column: 14, name: 'messages',
        reason: 'applied migration (never rewritten)', excerpt: 'create table messages (id int primary key, body text);',
      },
    ]);
    expect(result.stderr).toBe('');
  });

  it('skips and lists a binary file and a file that does not parse, and still rewrites the rest', async () => {
    const project = createProject({
      ...tree,
      'supabase/dump.sql': Buffer.from('messages\0\0'),
      'supabase/tests/broken.sql': "select * from messages where body = 'unterminated;\n",
    }, { git: true });
    const result = await runCli(['rename', '--table', 'messages=comms_messages', '--json'], project.root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as RenameReport;
    expect(report.skipped.map((entry) => [entry.file, entry.reason])).toEqual([
      ['supabase/dump.sql', 'binary'],
      ['supabase/tests/broken.sql', 'parse-error'],
    ]);
    expect(report.changed.map((entry) => entry.file)).toEqual(['supabase/functions.sql', 'supabase/seed.sql']);
    expect(project.read('supabase/tests/broken.sql')).toBe("select * from messages where body = 'unterminated;\n");
  });

  it('skips and lists a TypeScript file with a syntax error', async () => {
    const project = createProject({
      ...tree,
      'src/broken.ts': "export const q = supabase.from('messages').select(;\n",
      'src/inbox.ts': "export const q = supabase.from('messages').select('id');\n",
    }, { git: true });
    const result = await runCli(['rename', '--table', 'messages=comms_messages', '--json'], project.root);
    const report = JSON.parse(result.stdout) as RenameReport;
    expect(report.skipped).toEqual([{ file: 'src/broken.ts', reason: 'parse-error', message: expect.stringMatching(/^does not parse: line 1, column \d+: /) }]);
    expect(project.read('src/inbox.ts')).toBe("export const q = supabase.from('comms_messages').select('id');\n");
    expect(project.read('src/broken.ts')).toBe("export const q = supabase.from('messages').select(;\n");
    expect(result.code).toBe(1);
  });

  it('knows the Drizzle tables of the code: a new name that is a Drizzle table is refused', async () => {
    const project = createProject({
      'src/schema.ts': "import { pgTable, uuid } from 'drizzle-orm/pg-core';\nexport const messages = pgTable('messages', { id: uuid().primaryKey() });\nexport const calls = pgTable('calls', { id: uuid().primaryKey() });\n",
    }, { git: true });
    const result = await runCli(['rename', '--table', 'messages=calls'], project.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('drizzle-schema: Invalid renames:\n  - --table messages=calls: cannot rename "messages" to "calls": table "calls" already exists in the Drizzle schema (rename it too in the same plan, or choose another name)\n');
    const swap = await runCli(['rename', '--table', 'messages=calls', '--table', 'calls=messages'], project.root);
    expect(swap.code).toBe(0);
    expect(project.read('src/schema.ts')).toBe(
      "import { pgTable, uuid } from 'drizzle-orm/pg-core';\nexport const messages = pgTable('calls', { id: uuid().primaryKey() });\nexport const calls = pgTable('messages', { id: uuid().primaryKey() });\n",
    );
  });

  it('--migration-dir writes forward, rollback and cleanup files named after the existing migrations', async () => {
    const project = createProject({
      'supabase/migrations/29990101000000_init.sql': 'create table messages (id int primary key);\n',
      'supabase/seed.sql': 'insert into messages (id) values (1);\n',
    }, { git: true });
    const names = ['29990101000001_rename_tables.sql', 'rollback_29990101000001_rename_tables.sql', 'cleanup_29990101000001_rename_tables.sql'].map((name) => `supabase/migrations/${name}`);
    const dry = await runCli(['rename', '--table', 'messages=comms_messages', '--migration-dir', 'supabase/migrations', '--dry-run', '--json'], project.root);
    const dryReport = JSON.parse(dry.stdout) as RenameReport;
    expect(dryReport.migrations.map((entry) => [entry.file, entry.written, entry.diff?.split('\n').slice(0, 2)])).toEqual(
      names.map((name) => [name, false, ['--- /dev/null', `+++ b/${name}`]]),
    );
    expect(project.git('status', '--porcelain')).toBe(statusClean);
    const real = await runCli(['rename', '--table', 'messages=comms_messages', '--migration-dir', 'supabase/migrations'], project.root);
    expect(real.stdout).toContain(`Wrote 3 migration files:\n${names.map((name) => `  ${name}\n`).join('')}`);
    expect(project.read(names[0]!)).toContain('ALTER TABLE "public"."messages" RENAME TO "comms_messages";');
    expect(project.git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).sort()).toEqual([
      ' M supabase/seed.sql',
      ...names.map((name) => `?? ${name}`).sort(),
    ]);
  });

  it('does not hang on a symbolic link loop outside git', async () => {
    const project = createProject({ 'db/seed.sql': 'select * from messages;\n' });
    symlinkSync(path.join(project.root, 'db'), path.join(project.root, 'db/loop'));
    symlinkSync(project.root, path.join(project.root, 'db/root'));
    const result = await runCli(['rename', '--table', 'messages=comms_messages'], project.root, 20_000);
    expect(result.code).toBe(0);
    expect(project.read('db/seed.sql')).toBe('select * from comms_messages;\n');
  });
});

describe('drizzle-schema rename: bad input exits 2 and writes nothing', () => {
  const cases: Array<{ name: string; args: string[]; files?: Record<string, string>; stderr: string }> = [
    {
      name: 'a manifest with a JSON syntax error',
      args: ['--manifest', 'renames.json'],
      files: { 'renames.json': '{\n  "tables": { "messages": "comms_messages", }\n}\n' },
      stderr: 'drizzle-schema: renames.json: invalid JSON at line 2, column 45: Expected double-quoted property name\n',
    },
    {
      name: 'a manifest of the wrong shape',
      args: ['--manifest', 'renames.yaml'],
      files: { 'renames.yaml': 'tables:\n  messages: 42\n' },
      stderr: 'drizzle-schema: renames.yaml: invalid manifest:\n  - tables["messages"] must be a string (the new name), got number 42\n',
    },
    {
      name: 'a new name that is already a table (no cycle)',
      args: ['--table', 'messages=calls'],
      stderr: 'drizzle-schema: Invalid renames:\n  - --table messages=calls: cannot rename "messages" to "calls": table "calls" already exists in the migrations (rename it too in the same plan, or choose another name)\n',
    },
    {
      name: 'two old names to one new name',
      args: ['--table', 'messages=comms', '--table', 'calls=comms'],
      stderr: 'drizzle-schema: Invalid renames:\n  - tables "messages" (--table messages=comms) and "calls" (--table calls=comms) are both renamed to "comms"\n',
    },
    {
      name: 'an invalid identifier',
      args: ['--table', 'messages=comms-messages'],
      stderr: 'drizzle-schema: Invalid renames:\n  - --table messages=comms-messages: the new table name "comms-messages" is not a valid SQL identifier (letters, digits, _ and $, not starting with a digit)\n',
    },
    {
      name: 'a name longer than 63 bytes',
      args: ['--column', `users.isAdmin=${'a'.repeat(64)}`],
      stderr: `drizzle-schema: Invalid renames:\n  - --column users.isAdmin=${'a'.repeat(64)}: the new column name "${'a'.repeat(64)}" is 64 bytes long; Postgres allows at most 63\n`,
    },
    {
      name: 'an unknown table',
      args: ['--table', 'mesages=comms_messages'],
      stderr: 'drizzle-schema: Invalid renames:\n  - --table mesages=comms_messages: table "mesages" is not a known table (did you mean "messages"?)\n',
    },
    {
      name: 'an unknown flag',
      args: ['--tabel', 'messages=comms_messages'],
      stderr: "drizzle-schema: Unknown option '--tabel' (see drizzle-schema rename --help)\n",
    },
    {
      name: 'no renames at all',
      args: [],
      stderr: 'drizzle-schema: nothing to rename: give --table old=new, --column table.old=new or --manifest file\n',
    },
  ];

  for (const testCase of cases) {
    it(`refuses ${testCase.name}`, async () => {
      const project = createProject({ ...tree, ...testCase.files }, { git: true });
      const result = await runCli(['rename', ...testCase.args], project.root);
      expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({ code: 2, stdout: '', stderr: testCase.stderr });
      expect(project.git('status', '--porcelain')).toBe(statusClean);
    });
  }

  it('refuses a dirty work tree without --force, and runs with it', async () => {
    const project = createProject(tree, { git: true });
    project.write('supabase/functions.sql', 'select count(*) from messages where true;\n');
    const refused = await runCli(['rename', '--table', 'messages=comms_messages'], project.root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'drizzle-schema: The git work tree has uncommitted changes:\n   M supabase/functions.sql\nCommit or stash them first, so the rename is one diff you can review and revert; or pass --force.\n',
    );
    expect(project.read('supabase/seed.sql')).toBe(tree['supabase/seed.sql']);
    const forced = await runCli(['rename', '--table', 'messages=comms_messages', '--force'], project.root);
    expect(forced.code).toBe(1);
    expect(project.read('supabase/functions.sql')).toBe('select count(*) from comms_messages where true;\n');
  });

  it('with --json also prints the error as JSON', async () => {
    const project = createProject(tree, { git: true });
    const result = await runCli(['rename', '--table', 'messages=', '--json'], project.root);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ version: 1, error: { kind: 'usage', message: 'Invalid renames:\n  - --table messages=: the new table name is empty' } });
  });

  it('--casing and --helper-module: a name-less column by its DB name, a helper-built column through its name parameter', async () => {
    const project = createProject(
      {
        'src/db/helpers.ts': "import { uuid } from 'drizzle-orm/pg-core';\nexport const requiredUuidColumn = (name: string) => uuid(name).notNull();\n",
        'src/db/schema.ts': [
          "import { boolean, pgTable } from 'drizzle-orm/pg-core';",
          "import { requiredUuidColumn } from './helpers.js';",
          "export const users = pgTable('users', { isAdmin: boolean().notNull(), supabaseId: requiredUuidColumn('supabase_id') });",
          '',
        ].join('\n'),
      },
      { git: true },
    );
    const args = ['rename', '--column', 'users.is_admin=admin', '--column', 'users.supabase_id=auth_id', '--casing', 'snake_case', '--helper-module', 'src/db/helpers.ts'];
    const result = await runCli(args, project.root);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`Changed 1 file:\n  src/db/schema.ts (2 edits)\nWarnings:\n  ${NO_FOLDER}\nRenamed 2 columns, 1 file changed of 1 candidate (2 scanned), 0 skipped, 0 to review.\n`);
    expect(result.code).toBe(0);
    expect(project.read('src/db/schema.ts')).toBe(
      [
        "import { boolean, pgTable } from 'drizzle-orm/pg-core';",
        "import { requiredUuidColumn } from './helpers.js';",
        "export const users = pgTable('users', { isAdmin: boolean('admin').notNull(), supabaseId: requiredUuidColumn('auth_id') });",
        '',
      ].join('\n'),
    );
  });

  it('refuses a bad --casing and a missing --helper-module with exit code 2', async () => {
    const project = createProject({ 'db/seed.sql': 'select * from messages;\n' }, { git: true });
    const casing = await runCli(['rename', '--table', 'messages=comms_messages', '--casing', 'kebab-case'], project.root);
    expect(casing.stderr).toBe('drizzle-schema: --casing must be one of snake_case, camelCase, preserve, got "kebab-case"\n');
    expect(casing.code).toBe(2);
    const helper = await runCli(['rename', '--table', 'messages=comms_messages', '--helper-module', 'src/missing.ts'], project.root);
    expect(helper.stderr).toBe(`drizzle-schema: --helper-module src/missing.ts: no such file (paths are relative to ${project.root})\n`);
    expect(helper.code).toBe(2);
    expect(project.read('db/seed.sql')).toBe('select * from messages;\n');
  });
});

describe('drizzle-schema --help and --version', () => {
  it('prints help and the package version', async () => {
    const project = createProject({});
    const help = await runCli(['rename', '--help'], project.root);
    expect(help.code).toBe(0);
    expect(help.stdout.split('\n')[0]).toBe('Usage: drizzle-schema rename [paths...] [options]');
    const version = await runCli(['--version'], project.root);
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });
});
