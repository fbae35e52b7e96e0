/**
 * The drizzle-kit 0.31 snapshot after a rename, from a snapshot the real drizzle-kit wrote
 * (`test/fixtures/migration/drizzle-kit-0.31`): keys, names, incoming foreign keys, derived and explicit names, SQL
 * text, `_meta`, ids; the journal entry; the object renames on PGlite (the database ends with the snapshot's names,
 * a swap included); and the real `drizzle-kit generate` on the renamed schema (a hyphenated table renamed) finds no
 * change.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import { buildDrizzleKitMigration } from '../../../codemods/migration/build-drizzle-kit-migration.js';
import { getObjectRenameSql } from '../../../codemods/migration/get-object-rename-sql.js';
import { renameDrizzleKitSnapshot } from '../../../codemods/migration/rename-drizzle-kit-snapshot.js';
import type { RenamePlan } from '../../../codemods/types.js';
import { createProject } from '../run/temp-project.js';
import { linkDrizzleKit, runDrizzleKit } from './run-drizzle-kit.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const FIXTURE = path.join(REPO, 'test/fixtures/migration/drizzle-kit-0.31');
const SNAPSHOT = JSON.parse(readFileSync(path.join(FIXTURE, 'drizzle/meta/0000_snapshot.json'), 'utf8')) as Record<string, unknown>;
const JOURNAL = readFileSync(path.join(FIXTURE, 'drizzle/meta/_journal.json'), 'utf8');
const INIT_SQL = readFileSync(path.join(FIXTURE, 'drizzle/0000_init.sql'), 'utf8');

const SSH_KEY_PLAN: RenamePlan = {
  tables: [{ schema: 'public', from: 'ssh-key', to: 'ssh_keys' }],
  columns: [{ schema: 'public', table: 'ssh-key', from: 'public_key', to: 'key_text' }],
  steps: [
    { kind: 'table', schema: 'public', from: 'ssh-key', to: 'ssh_keys' },
    { kind: 'column', schema: 'public', table: 'ssh_keys', from: 'public_key', to: 'key_text' },
  ],
};

interface Table {
  name: string;
  columns: Record<string, { name: string }>;
  indexes: Record<string, { name: string; columns: Array<{ expression: string }> }>;
  foreignKeys: Record<string, { name: string; tableFrom: string; tableTo: string; columnsFrom: string[] }>;
  checkConstraints: Record<string, { name: string; value: string }>;
}

beforeAll(ensureSqlReady);

describe('renameDrizzleKitSnapshot', () => {
  it('renames a hyphenated table and its column everywhere drizzle-kit records them, and derives names again', () => {
    const { snapshot, objectRenames } = renameDrizzleKitSnapshot(SNAPSHOT, SSH_KEY_PLAN, 'new-id');
    const tables = snapshot.tables as Record<string, Table>;
    expect(Object.keys(tables).sort()).toEqual(['public.members', 'public.servers', 'public.ssh_keys', 'public.users']);
    const keys = tables['public.ssh_keys']!;
    expect(keys.name).toBe('ssh_keys');
    expect(Object.keys(keys.columns)).toEqual(['id', 'user_id', 'key_text']);
    expect(keys.columns.key_text!.name).toBe('key_text');
    // Explicit index name: the word rule (as the code transform renames it in the schema).
    expect(Object.keys(keys.indexes)).toEqual(['ssh_keys_user_id_idx']);
    // Derived foreign key name, and the check's SQL text follows the table and column.
    expect(Object.keys(keys.foreignKeys)).toEqual(['ssh_keys_user_id_users_id_fk']);
    expect(keys.checkConstraints.ssh_key_length!.value).toBe('length("ssh_keys"."key_text") > 10');
    // The incoming foreign key of another table: its target and its derived name.
    const servers = tables['public.servers']!;
    expect(Object.values(servers.foreignKeys).map((fk) => [fk.name, fk.tableTo])).toEqual([['servers_ssh_key_id_ssh_keys_id_fk', 'ssh_keys']]);
    expect(snapshot.id).toBe('new-id');
    expect(snapshot.prevId).toBe(SNAPSHOT.id);
    expect(snapshot._meta).toEqual({
      columns: { '"public"."ssh_keys"."public_key"': '"public"."ssh_keys"."key_text"' },
      schemas: {},
      tables: { '"public"."ssh-key"': '"public"."ssh_keys"' },
    });
    expect(objectRenames.map((rename) => `${rename.kind} ${rename.table}: ${rename.from} -> ${rename.to}${rename.isGuarded ? ' (if it exists)' : ''}`)).toEqual([
      'constraint servers: servers_ssh_key_id_ssh-key_id_fk -> servers_ssh_key_id_ssh_keys_id_fk',
      'sequence ssh_keys: ssh-key_id_seq -> ssh_keys_id_seq (if it exists)',
      'constraint ssh_keys: ssh-key_pkey -> ssh_keys_pkey (if it exists)',
      'index ssh_keys: ssh-key_user_id_idx -> ssh_keys_user_id_idx',
      'constraint ssh_keys: ssh-key_user_id_users_id_fk -> ssh_keys_user_id_users_id_fk',
    ]);
  });

  it('keeps exactly the keys of the previous snapshot: an older drizzle-kit\'s shape gets none of 0.31\'s keys', () => {
    const older = structuredClone(SNAPSHOT);
    delete older.views;
    delete older.policies;
    delete older.roles;
    for (const table of Object.values(older.tables as Record<string, Record<string, unknown>>)) {
      for (const key of ['policies', 'checkConstraints', 'isRLSEnabled']) delete table[key];
    }
    const { snapshot } = renameDrizzleKitSnapshot(older, SSH_KEY_PLAN, 'new-id');
    expect(Object.keys(snapshot)).toEqual(Object.keys(older));
    const tables = Object.values(snapshot.tables as Record<string, Record<string, unknown>>);
    expect(tables.map((table) => Object.keys(table))).toEqual(Object.values(older.tables as Record<string, object>).map((table) => Object.keys(table)));
  });

  it('leaves a snapshot without renamed tables as it was, but for ids and _meta', () => {
    const { snapshot, objectRenames } = renameDrizzleKitSnapshot(SNAPSHOT, { tables: [{ schema: 'public', from: 'nope', to: 'other' }], columns: [], steps: [] }, 'x');
    expect(snapshot.tables).toEqual(SNAPSHOT.tables);
    expect(objectRenames).toEqual([]);
  });
});

describe('buildDrizzleKitMigration', () => {
  it('adds the journal entry after the last one, with the snapshot next to it', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const built = buildDrizzleKitMigration(SSH_KEY_PLAN, {
      format: 'drizzle-kit', migrationSources: [], journal: JOURNAL, previousSnapshot: { name: 'meta/0000_snapshot.json', text: JSON.stringify(SNAPSHOT) },
      existingNames: ['0000_init'], prefix: null, breakpoints: true, migrationsSchema: null, migrationsTable: null, now, snapshotId: 'id-1',
    });
    expect(built.files.map((file) => [file.path, file.previous === null])).toEqual([
      ['0001_rename_tables.sql', true],
      ['meta/0001_snapshot.json', true],
      ['rollback_0001_rename_tables.sql', true],
      ['cleanup_0001_rename_tables.sql', true],
      ['meta/_journal.json', false],
    ]);
    const journal = JSON.parse(built.files.at(-1)!.text) as { entries: unknown[] };
    expect(journal.entries.at(-1)).toEqual({ idx: 1, version: '7', when: now.getTime(), tag: '0001_rename_tables', breakpoints: true });
    const timestamped = buildDrizzleKitMigration(SSH_KEY_PLAN, {
      format: 'drizzle-kit', migrationSources: [], journal: JOURNAL, previousSnapshot: { name: 'meta/0000_snapshot.json', text: JSON.stringify(SNAPSHOT) },
      existingNames: ['20300101000000_init'], prefix: 'timestamp', breakpoints: false, migrationsSchema: 'ops', migrationsTable: 'applied', now,
    });
    expect(timestamped.files.map((file) => file.path).slice(0, 2)).toEqual(['20300101000001_rename_tables.sql', 'meta/20300101000001_snapshot.json']);
    expect(timestamped.files[0]!.text).not.toContain('--> statement-breakpoint');
    expect(timestamped.files[2]!.text).toContain('DELETE FROM "ops"."applied" WHERE hash = ');
  });

  it('numbers the migration after every index-numbered file of the folder, not only after the journal', () => {
    const build = (existingNames: string[], journal = JOURNAL) => buildDrizzleKitMigration(SSH_KEY_PLAN, {
      format: 'drizzle-kit', migrationSources: [], journal, previousSnapshot: { name: 'meta/0000_snapshot.json', text: JSON.stringify(SNAPSHOT) },
      existingNames, prefix: null, breakpoints: true, migrationsSchema: null, migrationsTable: null,
    });
    const entry = (existingNames: string[]) => (JSON.parse(build(existingNames).files.at(-1)!.text) as { entries: Array<{ idx: number; tag: string }> }).entries.at(-1);
    // The journal's tag whose file is absent, hand-numbered files beside it, a snapshot numbered past them all.
    expect(entry(['0000_init', '0001_add_x.sql', '0038_add_y.sql', 'meta', 'meta/0000_snapshot.json', 'meta/_journal.json'])).toEqual(expect.objectContaining({ idx: 39, tag: '0039_rename_tables' }));
    expect(entry(['0000_init', '0002_add_x.sql', 'meta/0041_snapshot.json'])).toEqual(expect.objectContaining({ idx: 42, tag: '0042_rename_tables' }));
    // Dates and timestamps are not indexes; nor are files that are neither SQL nor snapshots, nor our own scripts.
    expect(entry(['0000_init', '20240101000000_x.sql', '20240101_y.sql', '0009_notes.md', 'rollback_0007_rename_tables.sql'])).toEqual(expect.objectContaining({ idx: 1, tag: '0001_rename_tables' }));
    // The journal keeps its ending: none as drizzle-kit writes it, a newline a formatter added.
    expect(build(['0000_init']).files.at(-1)!.text.endsWith('}')).toBe(true);
    expect(build(['0000_init'], `${JOURNAL.trimEnd()}\n`).files.at(-1)!.text.endsWith('}\n')).toBe(true);
  });

  it('renames the database objects to the names the new snapshot records (a hyphenated table)', async () => {
    const built = buildDrizzleKitMigration(SSH_KEY_PLAN, {
      format: 'drizzle-kit', migrationSources: [], journal: JOURNAL, previousSnapshot: { name: 'meta/0000_snapshot.json', text: JSON.stringify(SNAPSHOT) },
      existingNames: ['0000_init'], prefix: null, breakpoints: true, migrationsSchema: null, migrationsTable: null,
    });
    const client = new PGlite();
    for (const statement of INIT_SQL.split('--> statement-breakpoint')) await client.exec(statement);
    for (const statement of built.files[0]!.text.split('--> statement-breakpoint')) await client.exec(statement);
    const snapshot = JSON.parse(built.files[1]!.text) as { tables: Record<string, Table & { uniqueConstraints: Record<string, unknown>; compositePrimaryKeys: Record<string, unknown> }> };
    const recorded = Object.values(snapshot.tables).flatMap((table) => [
      ...Object.keys(table.foreignKeys), ...Object.keys(table.uniqueConstraints), ...Object.keys(table.compositePrimaryKeys), ...Object.keys(table.checkConstraints),
    ]);
    const constraints = await client.query<{ name: string }>("select conname as name from pg_constraint where connamespace = 'public'::regnamespace and contype in ('f', 'u', 'c') or (contype = 'p' and conname like '%\\_pk')");
    expect(constraints.rows.map((row) => row.name).sort()).toEqual(recorded.sort());
    const indexes = await client.query<{ name: string }>("select indexname as name from pg_indexes where schemaname = 'public' and indexname not like '%\\_pkey' and indexname not like '%\\_pk' and indexname not like '%\\_unique'");
    expect(indexes.rows.map((row) => row.name).sort()).toEqual(Object.values(snapshot.tables).flatMap((table) => Object.keys(table.indexes)).sort());
    expect((await client.query("select to_regclass('public.ssh_keys_pkey') is not null as ok, to_regclass('public.ssh_keys_id_seq') is not null as seq")).rows).toEqual([{ ok: true, seq: true }]);
    await client.close();
  });

  it('drizzle-kit generate finds no change after the rename of a hyphenated table', async () => {
    const project = createProject({ '.gitignore': 'node_modules\n' });
    cpSync(FIXTURE, project.root, { recursive: true });
    project.write('src/db/schema.ts', readFileSync(path.join(FIXTURE, '../schema.ts'), 'utf8'));
    linkDrizzleKit(project.root, '0.31');
    const built = buildDrizzleKitMigration(SSH_KEY_PLAN, {
      format: 'drizzle-kit', migrationSources: [], journal: JOURNAL, previousSnapshot: { name: 'meta/0000_snapshot.json', text: JSON.stringify(SNAPSHOT) },
      existingNames: ['0000_init'], prefix: null, breakpoints: true, migrationsSchema: null, migrationsTable: null,
    });
    for (const file of built.files) writeFileSync(path.join(project.root, 'drizzle', file.path), file.text);
    // The schema as the code transforms leave it: the table name, its explicit index name, the column's DB name.
    const schema = project.read('src/db/schema.ts').replace("'ssh-key',", "'ssh_keys',").replace("index('ssh-key_user_id_idx')", "index('ssh_keys_user_id_idx')").replace('publicKey: text()', "publicKey: text('key_text')");
    project.write('src/db/schema.ts', schema);
    const { output } = await runDrizzleKit(project.root, ['generate', '--config', 'drizzle.config.ts']);
    expect(output).toContain('No schema changes, nothing to migrate');
  });
});

describe('getObjectRenameSql', () => {
  it('swaps names through temporary ones, and back', async () => {
    const client = new PGlite();
    await client.exec('create table a (x int); create table b (x int); create index a_x_index on a (x); create index b_x_index on b (x);');
    const renames = [
      { kind: 'index' as const, schema: 'public', table: 'b', from: 'a_x_index', to: 'b_x_index', isGuarded: false },
      { kind: 'index' as const, schema: 'public', table: 'a', from: 'b_x_index', to: 'a_x_index', isGuarded: false },
    ];
    await client.exec(getObjectRenameSql(renames, 'forward').map((statement) => `${statement};`).join('\n'));
    const owners = async () => (await client.query<{ indexname: string; tablename: string }>("select indexname, tablename from pg_indexes where schemaname = 'public' order by 1")).rows;
    expect(await owners()).toEqual([{ indexname: 'a_x_index', tablename: 'b' }, { indexname: 'b_x_index', tablename: 'a' }]);
    await client.exec(getObjectRenameSql([...renames].reverse(), 'back').map((statement) => `${statement};`).join('\n'));
    expect(await owners()).toEqual([{ indexname: 'a_x_index', tablename: 'a' }, { indexname: 'b_x_index', tablename: 'b' }]);
    await client.close();
  });
});
