/**
 * End to end: the BUILT CLI (`dist/bin/drizzle-schema.js`, `npm test` builds first) renames, in a committed
 * copy of `examples/`, the seed-001 phase-1 tables that the example defines plus the camelCase →
 * snake_case columns of `examples/renames.json`; then the app typechecks, the migrations, the seed and
 * the app's own queries run on PGlite, the traps are listed for review and left byte-identical, a
 * second run changes nothing, and `--dry-run` prints exactly what the real run does.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenameReport } from '../../codemods/report.js';
import { isSnakeCase, toSnakeCase } from '../../naming/casing.js';
import { assertBuilt, CLI_PATH } from '../codemods/cli/run-cli.js';
import { getCatalogSnapshot } from '../codemods/migration/catalog-snapshot.js';
import { getDrizzleTables } from './drizzle-tables.js';
import type { ExampleCopy, ProcessResult } from './example-copy.js';
import { createExampleCopy, runNode } from './example-copy.js';
import { parseTableRenames, readSeedPhaseOne } from './seed-renames.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = path.join(REPO, 'examples');
const MIGRATIONS = 'supabase/migrations';
const RENAME_ARGS = ['rename', '--manifest', 'renames.json', '--migration-dir', MIGRATIONS];
const ADA = '00000000-0000-4000-8000-000000000001';
const GRACE = '00000000-0000-4000-8000-000000000002';

interface Manifest {
  tables: Record<string, string>;
  columns: Record<string, string>;
}

/** A place the codemod must leave alone and list for review: the line holding `needle`, at `name` inside it. */
interface Trap {
  readonly file: string;
  readonly needle: string;
  readonly name: string;
  readonly reason: RegExp;
  readonly what: string;
}

const STRING = /string/;
const TRAPS: readonly Trap[] = [
  { file: 'src/api/inbox.route.ts', needle: "title: 'messages'", name: 'messages', reason: STRING, what: 'UI label' },
  { file: 'src/api/inbox.route.ts', needle: '// GET /messages', name: 'messages', reason: /comment/, what: 'comment with a route' },
  { file: 'src/api/navigation.ts', needle: "path: '/messages'", name: 'messages', reason: STRING, what: 'route' },
  { file: 'src/api/navigation.ts', needle: "path: '/calls'", name: 'calls', reason: STRING, what: 'route' },
  { file: 'src/api/calls.route.ts', needle: "CALLS_ROUTE = '/calls'", name: 'calls', reason: STRING, what: 'route constant' },
  { file: 'src/api/calls.route.ts', needle: "'processing calls'", name: 'calls', reason: STRING, what: 'log text' },
  { file: 'src/api/assistant.route.ts', needle: '`messages`, oldest first', name: 'messages', reason: /comment/, what: 'doc comment' },
  { file: 'src/api/assistant.route.ts', needle: 'phone calls and messages', name: 'messages', reason: STRING, what: 'prompt text' },
  { file: 'src/testing/logger.check.ts', needle: "['processing calls'", name: 'calls', reason: STRING, what: 'log text next to mock.calls' },
  { file: `${MIGRATIONS}/20250101000000_init.sql`, needle: '"isAdmin" boolean', name: 'isAdmin', reason: /applied migration/, what: 'applied migration' },
  { file: `${MIGRATIONS}/20250115000000_comms_calls_assistant.sql`, needle: 'create table messages (', name: 'messages', reason: /applied migration/, what: 'applied migration' },
  { file: `${MIGRATIONS}/20250201000000_functions_and_policies.sql`, needle: 'from messages m', name: 'messages', reason: /applied migration/, what: 'applied migration (function body)' },
  { file: 'supabase/seed.sql', needle: "'Summarize calls with the assistant'", name: 'calls', reason: /string literal/, what: 'SQL string literal' },
];

/** Files that hold only traps: byte-identical after the run. */
const UNTOUCHED_FILES = [
  'src/api/inbox.route.ts',
  'src/api/navigation.ts',
  'src/api/calls.route.ts',
  'src/api/assistant.route.ts',
  'src/testing/fake-fn.ts',
  'src/testing/logger.check.ts',
  'src/db/schema/chats.schema.ts',
  `${MIGRATIONS}/20250101000000_init.sql`,
  `${MIGRATIONS}/20250115000000_comms_calls_assistant.sql`,
  `${MIGRATIONS}/20250201000000_functions_and_policies.sql`,
];

/** Look-alikes inside files that do change: still there, verbatim, after the run. */
const KEPT_IN_CHANGED_FILES: readonly [file: string, text: string][] = [
  ['src/services/messages.service.ts', "supabase.rpc('count_unread_messages'"],
  ['src/services/messages.service.ts', '.channel(`inbox:${userId}`)'],
  ['src/services/calls.service.ts', "logger.info('processing calls'"],
  ['src/services/bookmarks.service.ts', ".from('chats').select('id, title').eq('userId', userId)"],
  ['src/services/users.service.ts', '.set({ isAdmin: true })'],
  ['src/types/database.types.ts', 'count_unread_messages'],
];

function readExample(file: string): string {
  return readFileSync(path.join(EXAMPLES, file), 'utf8');
}

function getTrapPosition(trap: Trap): { line: number; column: number } {
  const lines = readExample(trap.file).split('\n');
  const index = lines.findIndex((line) => line.includes(trap.needle));
  if (index === -1) throw new Error(`trap "${trap.needle}" is no longer in examples/${trap.file}: update TRAPS`);
  return { line: index + 1, column: lines[index]!.indexOf(trap.needle) + trap.needle.indexOf(trap.name) + 1 };
}

function parseReport(result: ProcessResult): RenameReport {
  try {
    return JSON.parse(result.stdout) as RenameReport;
  } catch {
    throw new Error(`the CLI printed no JSON report (exit ${result.code}):\n${result.stderr}\n${result.stdout.slice(0, 2000)}`);
  }
}

/** The `-`/`+` lines of each file's part of a unified diff, keyed by the file (new side). */
function getChangedLines(diff: string): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of diff.split('\n')) {
    const header = /^\+\+\+ b\/(.+)$/.exec(line);
    if (header) {
      current = [];
      byFile.set(header[1]!, current);
    } else if (line.startsWith('--- ') || line.startsWith('diff ') || line.startsWith('index ') || line.startsWith('new file')) {
      continue;
    } else if (current && (line.startsWith('-') || line.startsWith('+'))) {
      current.push(line);
    }
  }
  return byFile;
}

async function importFromCopy<T>(copy: ExampleCopy, file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(copy.root, file)).href)) as T;
}

async function execFile(db: PGlite, copy: ExampleCopy | null, file: string): Promise<void> {
  const text = copy ? copy.read(file) : readExample(file);
  try {
    await db.exec(text);
  } catch (error) {
    throw new Error(`${file} failed on PGlite: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Every schema outside the system ones with its relations: a rollback leaves no helper schema or table behind. */
async function getUserRelations(db: PGlite): Promise<unknown[]> {
  const { rows } = await db.query(
    `select n.nspname, c.relname, c.relkind from pg_namespace n left join pg_class c on c.relnamespace = n.oid
     where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema' order by 1, 2`,
  );
  return rows;
}

describe('drizzle-schema rename on a copy of examples/ (built CLI)', () => {
  const manifest = JSON.parse(readExample('renames.json')) as Manifest;
  const originalMigrations = readdirSync(path.join(EXAMPLES, MIGRATIONS)).filter((name) => name.endsWith('.sql')).sort();
  let copy: ExampleCopy;
  let dryRun: ProcessResult;
  let statusAfterDryRun: string;
  let run: ProcessResult;
  let report: RenameReport;

  beforeAll(async () => {
    assertBuilt();
    copy = createExampleCopy(REPO);
    dryRun = await runNode([CLI_PATH, ...RENAME_ARGS, '--dry-run'], copy.root);
    statusAfterDryRun = copy.git('status', '--porcelain', '--untracked-files=all');
    run = await runNode([CLI_PATH, ...RENAME_ARGS, '--json'], copy.root);
    report = parseReport(run);
  });

  afterAll(() => {
    copy?.remove();
  });

  it('uses as manifest exactly the seed-001 phase-1 tables the example defines, and camelCase → snake_case columns', async () => {
    const seedRenames = parseTableRenames(readSeedPhaseOne().section);
    expect(seedRenames.size).toBe(19);
    const schema = (await import(pathToFileURL(path.join(EXAMPLES, 'src/db/schema/index.ts')).href)) as Record<string, unknown>;
    const tables = getDrizzleTables(schema).filter((table) => table.schema === 'public');
    const defined = new Set(tables.map((table) => table.name));
    const expected = Object.fromEntries([...seedRenames].filter(([from]) => defined.has(from)));
    expect(manifest.tables).toEqual(expected);

    expect(Object.keys(manifest.columns).length).toBeGreaterThan(0);
    for (const [key, to] of Object.entries(manifest.columns)) {
      const [table, from] = key.split('.') as [string, string];
      expect(tables.find((facts) => facts.name === table)?.columns, key).toContain(from);
      expect({ key, snakeCase: isSnakeCase(from), to }).toEqual({ key, snakeCase: false, to: toSnakeCase(from) });
    }
  });

  it('--dry-run writes nothing and prints the diff the real run applies', () => {
    expect(dryRun.stderr).toBe('');
    expect(dryRun.code).toBe(1);
    expect(statusAfterDryRun).toBe('');
    const printed = getChangedLines(dryRun.stdout);
    const applied = getChangedLines(copy.git('diff', '--no-color', '--no-ext-diff', 'HEAD'));
    const printedCode = new Map([...printed].filter(([file]) => !file.startsWith(`${MIGRATIONS}/`)));
    expect(printedCode).toEqual(applied);
    const printedMigrations = [...printed.keys()].filter((file) => file.startsWith(`${MIGRATIONS}/`));
    expect(printedMigrations).toHaveLength(report.migrations.length);
    const tables = Object.keys(manifest.tables).length;
    const columns = Object.keys(manifest.columns).length;
    expect(dryRun.stdout).toContain(`Dry run: would rename ${tables} tables and ${columns} columns, ${report.changed.length} files to change`);
  });

  it('rewrites the files the report lists, writes the migrations, skips nothing', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(report).toMatchObject({ version: 1, dryRun: false, interrupted: false, skipped: [], warnings: [] });
    const status = copy.git('status', '--porcelain', '--untracked-files=all').trimEnd().split('\n');
    const modified = status.filter((line) => line.startsWith(' M ')).map((line) => line.slice(3));
    const added = status.filter((line) => line.startsWith('?? ')).map((line) => line.slice(3));
    expect(status).toHaveLength(modified.length + added.length);
    expect(modified).toEqual(report.changed.map((entry) => entry.file).sort());
    expect(added.sort()).toEqual(report.migrations.map((entry) => entry.file).sort());
    expect(report.migrations.map((entry) => entry.written)).toEqual([true, true, true]);
    for (const entry of report.migrations) expect(path.dirname(entry.file)).toBe(MIGRATIONS);
  });

  it('lists every trap for review with file and line, and leaves the trap files byte-identical', () => {
    for (const trap of TRAPS) {
      const position = getTrapPosition(trap);
      const item = report.review.find((entry) => entry.file === trap.file && entry.line === position.line && entry.column === position.column);
      expect(item, `${trap.what}: ${trap.file}:${position.line}:${position.column} ${trap.needle}`).toMatchObject({ name: trap.name });
      expect(item!.reason, `${trap.what}: ${trap.file}:${position.line}`).toMatch(trap.reason);
    }
    for (const file of UNTOUCHED_FILES) {
      expect(copy.readBytes(file).equals(readFileSync(path.join(EXAMPLES, file))), file).toBe(true);
    }
    for (const [file, text] of KEPT_IN_CHANGED_FILES) expect(copy.read(file), file).toContain(text);
  });

  it('leaves an application that typechecks with tsc', async () => {
    const tsc = await runNode([path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', path.join(copy.root, 'tsconfig.json')], REPO);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  });

  describe('on PGlite: original migrations + the rename migration + the rewritten seed', () => {
    let db: PGlite;
    let catalogBefore: Record<string, unknown[]>;
    let relationsBefore: unknown[];
    let forward: string;
    let rollback: string;

    beforeAll(async () => {
      const written = report.migrations.map((entry) => entry.file);
      rollback = written.find((file) => /rollback/i.test(path.basename(file)))!;
      forward = written.find((file) => !/rollback|cleanup/i.test(path.basename(file)))!;
      expect({ forward, rollback }).toEqual({ forward: expect.any(String), rollback: expect.any(String) });
      expect([...originalMigrations, path.basename(forward)].sort().at(-1)).toBe(path.basename(forward));

      db = new PGlite();
      for (const file of originalMigrations) await execFile(db, null, `${MIGRATIONS}/${file}`);
      catalogBefore = await getCatalogSnapshot(db);
      relationsBefore = await getUserRelations(db);
      await execFile(db, copy, forward);
      await execFile(db, copy, 'supabase/seed.sql');
    });

    afterAll(async () => {
      await db?.close();
    });

    it('the database matches the rewritten Drizzle schema (tables, columns, index and constraint names)', async () => {
      const schema = await importFromCopy<Record<string, unknown>>(copy, 'src/db/schema/index.ts');
      const renamed = new Set([...Object.values(manifest.tables), ...Object.keys(manifest.columns).map((key) => key.split('.')[0]!)]);
      const tables = getDrizzleTables(schema).filter((table) => table.schema === 'public' && renamed.has(table.name));
      expect(tables.map((table) => table.name).sort()).toEqual([...renamed].sort());
      const missing: string[] = [];
      for (const table of tables) {
        const columns = await db.query<{ column_name: string }>(
          `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
          [table.name],
        );
        expect(columns.rows.map((row) => row.column_name), table.name).toEqual(table.columns);
        const indexes = await db.query<{ indexname: string }>(`select indexname from pg_indexes where schemaname = 'public' and tablename = $1`, [table.name]);
        const indexNames = new Set(indexes.rows.map((row) => row.indexname));
        missing.push(...table.indexes.filter((name) => !indexNames.has(name)).map((name) => `index ${name} on ${table.name}`));
        const constraints = await db.query<{ conname: string }>(`select conname from pg_constraint where conrelid = $1::regclass`, [`public.${table.name}`]);
        const constraintNames = new Set(constraints.rows.map((row) => row.conname));
        missing.push(...table.constraints.filter((name) => !constraintNames.has(name)).map((name) => `constraint ${name} on ${table.name}`));
      }
      expect(missing, 'names in the rewritten Drizzle schema that the database does not have').toEqual([]);
    });

    it('the select hint of calls.service.ts names a foreign key that exists', async () => {
      const hint = /(\w+)!(\w+)\(\*\)/.exec(copy.read('src/services/calls.service.ts'));
      expect(hint?.[1]).toBe(manifest.tables['transcripts']);
      const found = await db.query(`select conname from pg_constraint where conrelid = $1::regclass and conname = $2`, [`public.${hint![1]}`, hint![2]]);
      expect(found.rows, `constraint ${hint![2]} on ${hint![1]}`).toHaveLength(1);
    });

    it("the app's rewritten raw SQL and Drizzle queries run", async () => {
      type Db = unknown;
      const { createDb } = await importFromCopy<{ createDb(client: PGlite): Db }>(copy, 'src/db/client.ts');
      const messages = await importFromCopy<{
        countUnread(db: Db, userId: string): Promise<number>;
        listInbox(db: Db, userId: string): Promise<{ body: string }[]>;
        listUnreadWithCalls(db: Db, userId: string): Promise<{ body: string; call: { phoneNumber: string } | null }[]>;
      }>(copy, 'src/services/messages.service.ts');
      const users = await importFromCopy<{
        isAdmin(pool: PGlite, userId: string): Promise<boolean>;
        listUnverified(pool: PGlite): Promise<{ id: string; email: string }[]>;
        listAdminEmails(db: Db): Promise<string[]>;
      }>(copy, 'src/services/users.service.ts');
      const flags = await importFromCopy<{
        isEnabled(db: Db, key: string): Promise<boolean>;
        disableEverywhere(db: Db, key: string): Promise<void>;
        usageThisMonth(db: Db, userId: string): Promise<number>;
      }>(copy, 'src/services/feature-flags.service.ts');
      const onboarding = await importFromCopy<{
        recordReminderShown(db: Db, userId: string, key: string): Promise<void>;
        purgeExpiredResetTokens(pool: PGlite): Promise<number>;
      }>(copy, 'src/services/onboarding.service.ts');
      const appDb = createDb(db);

      expect(await messages.countUnread(appDb, ADA)).toBe(1);
      expect((await messages.listInbox(appDb, ADA)).map((row) => row.body)).toEqual(['Missed call follow-up: meeting moved to Friday']);
      expect((await messages.listUnreadWithCalls(appDb, ADA)).map((row) => [row.body, row.call?.phoneNumber])).toEqual([
        ['Missed call follow-up: meeting moved to Friday', '+15550100'],
      ]);
      // The re-created function reads the renamed table; the trigger's function wrote one usage row per seeded message.
      expect((await db.query('select count_unread_messages($1) as unread', [ADA])).rows).toEqual([{ unread: 1 }]);
      expect(await flags.usageThisMonth(appDb, ADA)).toBe(1);

      expect([await users.isAdmin(db, ADA), await users.isAdmin(db, GRACE)]).toEqual([true, false]);
      expect(await users.listAdminEmails(appDb)).toEqual(['ada@example.com']);

      expect(await flags.isEnabled(appDb, 'call_summaries')).toBe(true);
      await flags.disableEverywhere(appDb, 'call_summaries');
      expect(await flags.isEnabled(appDb, 'call_summaries')).toBe(false);

      await onboarding.recordReminderShown(appDb, GRACE, 'verify_email');
      expect((await db.query(`select times_shown from ${manifest.tables['reminder_states']} where user_id = $1`, [GRACE])).rows).toEqual([{ times_shown: 1 }]);
      await db.query(`insert into ${manifest.tables['reset_tokens']} (user_id, token_hash, expires_at) values ($1, 'expired', now() - interval '1 day')`, [ADA]);
      expect(await onboarding.purgeExpiredResetTokens(db)).toBe(1);

      // UNVERIFIED_USERS_SQL is SQL kept in a constant before it reaches pool.query.
      expect(await users.listUnverified(db)).toEqual([{ id: GRACE, email: 'grace@example.com' }]);
    });

    it('the compatibility views answer reads and inserts under the old table names', async () => {
      for (const [from, to] of Object.entries(manifest.tables)) {
        const [oldCount, newCount] = await Promise.all([
          db.query<{ n: number }>(`select count(*)::int as n from "${from}"`),
          db.query<{ n: number }>(`select count(*)::int as n from "${to}"`),
        ]);
        expect({ from, rows: oldCount.rows }).toEqual({ from, rows: newCount.rows });
      }
      const inserted = await db.query<{ id: string }>(`insert into messages (user_id, channel, body) values ($1, 'sms', 'sent under the old name') returning id`, [GRACE]);
      const id = inserted.rows[0]!.id;
      expect((await db.query(`select body from ${manifest.tables['messages']} where id = $1`, [id])).rows).toEqual([{ body: 'sent under the old name' }]);
      // The table's insert trigger fired through the view and wrote to the renamed usage table.
      expect((await db.query(`select feature from ${manifest.tables['usage_logs']} where user_id = $1`, [GRACE])).rows).toEqual([{ feature: 'messages.send' }, { feature: 'messages.send' }]);
      await db.query(`insert into workspace (owner_id, name, slug) values ($1, 'Grace''s workspace', 'grace')`, [GRACE]);
      expect((await db.query(`select slug from ${manifest.tables['workspace']} order by slug`)).rows).toEqual([{ slug: 'ada' }, { slug: 'grace' }]);
    });

    it('the rollback restores the catalog', async () => {
      await execFile(db, copy, rollback);
      expect(await getCatalogSnapshot(db)).toEqual(catalogBefore);
      expect(await getUserRelations(db)).toEqual(relationsBefore);
    });
  });

  it('a second run of the same command changes nothing', async () => {
    copy.git('add', '-A');
    copy.git('commit', '-qm', 'renamed');
    const second = await runNode([CLI_PATH, ...RENAME_ARGS, '--json'], copy.root);
    const secondReport = parseReport(second);
    expect(second.stderr).toBe('');
    // A no-op: the mentions left (applied migrations, UI text) were listed by the first run, not again.
    expect(secondReport).toMatchObject({ changed: [], skipped: [], migrations: [], review: [] });
    expect(second.code).toBe(0);
    expect(copy.git('status', '--porcelain', '--untracked-files=all')).toBe('');
  });
});
