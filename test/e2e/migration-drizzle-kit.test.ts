/**
 * End to end on a drizzle-kit 0.31 project made from scratch by the REAL drizzle-kit (`drizzle-kit generate`, with
 * `casing: 'snake_case'`): the BUILT CLI renames two tables and a column with no migration flag; the migration lands
 * in drizzle-kit's journal with its snapshot, so the real `drizzle-kit generate` right after reports no schema
 * changes, and drizzle-orm's migrator on PGlite applies it after the existing one with every row kept. The schema has
 * a hyphenated table (`ssh-key`) with foreign keys both ways, derived index, unique, primary key and foreign key
 * names, and incoming foreign keys of other tables.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenameReport } from '../../codemods/report.js';
import { assertBuilt, runCli } from '../codemods/cli/run-cli.js';
import { linkDrizzleKit, runDrizzleKit } from '../codemods/migration/run-drizzle-kit.js';
import { createProject } from '../codemods/run/temp-project.js';

const REPO = path.resolve(import.meta.dirname, '../..');

/** The schema of the drizzle-kit fixtures: a hyphenated table, foreign keys both ways, derived and explicit names. */
const SCHEMA = readFileSync(path.join(REPO, 'test/fixtures/migration/schema.ts'), 'utf8');

const CONFIG = `import { defineConfig } from 'drizzle-kit';

export default defineConfig({ dialect: 'postgresql', schema: './src/db/schema.ts', out: './drizzle', casing: 'snake_case' });
`;

const ADA = '00000000-0000-4000-8000-000000000001';

async function getNames(client: PGlite, sql: string): Promise<string[]> {
  return (await client.query<{ name: string }>(sql)).rows.map((row) => row.name).sort();
}

describe('drizzle-schema rename in a drizzle-kit 0.31 project', () => {
  beforeAll(() => assertBuilt());

  it('writes a journal entry and snapshot: drizzle-kit generate finds no change, and the migrator keeps every row', async () => {
    const project = createProject({ 'src/db/schema.ts': SCHEMA, 'drizzle.config.ts': CONFIG, '.gitignore': 'node_modules\n' });
    linkDrizzleKit(project.root, '0.31');
    const generated = await runDrizzleKit(project.root, ['generate', '--config', 'drizzle.config.ts', '--name', 'init']);
    expect(generated.code, generated.output).toBe(0);
    project.git('init', '-q');
    project.git('add', '-A');
    project.git('commit', '-qm', 'initial');

    const client = new PGlite();
    const db = drizzle(client);
    const migrationsFolder = path.join(project.root, 'drizzle');
    await migrate(db, { migrationsFolder });
    await client.exec(`
      insert into users (id, email, display_name) values ('${ADA}', 'ada@example.com', 'Ada');
      insert into "ssh-key" (user_id, public_key) values ('${ADA}', 'ssh-ed25519 AAAA');
      insert into servers (ssh_key_id, name) values (1, 'web-1');
      insert into members (user_id, server_id) values ('${ADA}', 1);
    `);

    const result = await runCli(['rename', '--table', 'users=accounts', '--table', 'servers=hosts', '--column', 'servers.name=host_name', '--json'], project.root);
    expect(result.code, result.stderr).toBeLessThanOrEqual(1);
    const report = JSON.parse(result.stdout) as RenameReport;
    expect(report.migrations.map((entry) => entry.file)).toEqual([
      'drizzle/0001_rename_tables.sql',
      'drizzle/meta/0001_snapshot.json',
      'drizzle/rollback_0001_rename_tables.sql',
      'drizzle/cleanup_0001_rename_tables.sql',
      'drizzle/meta/_journal.json',
    ]);
    // The config's casing applies to the code transforms: the renamed name-less column gets its DB name.
    expect(project.read('src/db/schema.ts')).toContain("name: text('host_name').notNull()");

    const journal = JSON.parse(project.read('drizzle/meta/_journal.json')) as { entries: Array<{ idx: number; tag: string; when: number; version: string; breakpoints: boolean }> };
    expect(journal.entries.map((entry) => [entry.idx, entry.tag, entry.version, entry.breakpoints])).toEqual([
      [0, '0000_init', '7', true],
      [1, '0001_rename_tables', '7', true],
    ]);
    expect(journal.entries[1]!.when).toBeGreaterThan(journal.entries[0]!.when);
    const previous = JSON.parse(project.read('drizzle/meta/0000_snapshot.json')) as { id: string };
    const snapshot = JSON.parse(project.read('drizzle/meta/0001_snapshot.json')) as { id: string; prevId: string; tables: Record<string, unknown> };
    expect(snapshot.prevId).toBe(previous.id);
    expect(snapshot.id).not.toBe(previous.id);
    expect(Object.keys(snapshot.tables).sort()).toEqual(['public.accounts', 'public.hosts', 'public.members', 'public.ssh-key']);
    const forward = project.read('drizzle/0001_rename_tables.sql');
    expect(forward).not.toMatch(/^\s*(BEGIN|COMMIT)\s*;/im);
    expect(forward).toContain('--> statement-breakpoint');

    const check = await runDrizzleKit(project.root, ['generate', '--config', 'drizzle.config.ts']);
    expect(check.output).toContain('No schema changes, nothing to migrate');
    expect(existsSync(path.join(project.root, 'drizzle/0002_rename_tables.sql'))).toBe(false);

    await migrate(db, { migrationsFolder });
    const rows = await client.query<{ email: string; host_name: string; public_key: string }>(`
      select a.email, h.host_name, k.public_key
      from members m join accounts a on a.id = m.user_id join hosts h on h.id = m.server_id join "ssh-key" k on k.id = h.ssh_key_id`);
    expect(rows.rows).toEqual([{ email: 'ada@example.com', host_name: 'web-1', public_key: 'ssh-ed25519 AAAA' }]);
    // Code still on the old names reads through the compatibility views.
    expect((await client.query<{ email: string }>('select email from users')).rows).toEqual([{ email: 'ada@example.com' }]);
    // Derived names follow the rename, incoming foreign keys of other tables included, as drizzle-kit would name them now.
    expect(await getNames(client, "select conname as name from pg_constraint where connamespace = 'public'::regnamespace and contype <> 'n'")).toEqual([
      'accounts_email_unique',
      'accounts_pkey',
      'hosts_host_name_sshKeyId_unique',
      'hosts_pkey',
      'hosts_ssh_key_id_ssh-key_id_fk',
      'members_server_id_hosts_id_fk',
      'members_user_id_accounts_id_fk',
      'members_user_id_server_id_pk',
      'ssh-key_pkey',
      'ssh-key_user_id_accounts_id_fk',
      'ssh_key_length',
    ]);
    expect(await getNames(client, "select indexname as name from pg_indexes where schemaname = 'public' and indexname like '%index'")).toEqual(['hosts_ssh_key_id_index']);
    expect(await getNames(client, "select relname as name from pg_class where relkind = 'S' and relnamespace = 'public'::regnamespace")).toEqual(['hosts_id_seq', 'ssh-key_id_seq']);

    // The rollback (run by hand) restores the database, and forgets the migration in drizzle's record.
    await client.exec(project.read('drizzle/rollback_0001_rename_tables.sql'));
    expect(await getNames(client, "select tablename as name from pg_tables where schemaname = 'public'")).toEqual(['members', 'servers', 'ssh-key', 'users']);
    expect((await client.query<{ count: number }>('select count(*)::int as count from drizzle.__drizzle_migrations')).rows).toEqual([{ count: 1 }]);
    expect(readFileSync(path.join(project.root, 'drizzle/cleanup_0001_rename_tables.sql'), 'utf8')).toContain('DROP VIEW IF EXISTS "public"."users";');
    await client.close();
  });
});
