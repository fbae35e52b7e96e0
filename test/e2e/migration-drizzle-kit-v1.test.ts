/**
 * End to end on a drizzle-kit v1 project (`test/fixtures/migration/drizzle-kit-v1`, written by the real drizzle-kit
 * 1.0.0-rc.5): the BUILT CLI detects the folder-per-migration layout from drizzle.config.ts and writes
 * `<timestamp>_rename_tables/migration.sql` + `snapshot.json` (the previous snapshot with the renames applied,
 * `prevIds` = its id), the rollback and cleanup scripts and the `--hints-file` hints next to them; the migrations
 * apply on PGlite in folder order with every row kept.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenameReport } from '../../codemods/report.js';
import { assertBuilt, runCli } from '../codemods/cli/run-cli.js';
import { createProject } from '../codemods/run/temp-project.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/migration/drizzle-kit-v1');
const ADA = '00000000-0000-4000-8000-000000000001';

interface Entity {
  readonly entityType: string;
  readonly schema: string;
  readonly table?: string;
  readonly name: string;
  readonly tableTo?: string;
  readonly columns?: unknown[];
}

describe('drizzle-schema rename in a drizzle-kit v1 project', () => {
  beforeAll(() => assertBuilt());

  it('writes the next migration folder with its snapshot, and it applies after the existing one', async () => {
    const project = createProject({ '.gitignore': 'node_modules\n' });
    cpSync(FIXTURE, project.root, { recursive: true });
    project.write('src/db/schema.ts', readFileSync(path.join(FIXTURE, '../schema.ts'), 'utf8'));
    project.git('init', '-q');
    project.git('add', '-A');
    project.git('commit', '-qm', 'initial');
    const [initial] = readdirSync(path.join(project.root, 'drizzle'));

    const result = await runCli(['rename', '--table', 'users=accounts', '--table', 'servers=hosts', '--column', 'servers.name=host_name', '--json'], project.root);
    expect(result.code, result.stderr).toBeLessThanOrEqual(1);
    const report = JSON.parse(result.stdout) as RenameReport;
    const tag = /^drizzle\/(\d{14}_rename_tables)\/migration\.sql$/.exec(report.migrations[0]?.file ?? '')?.[1] ?? 'missing';
    expect(tag > initial!).toBe(true);
    expect(report.migrations.map((entry) => entry.file)).toEqual([
      `drizzle/${tag}/migration.sql`,
      `drizzle/${tag}/snapshot.json`,
      `drizzle/rollback_${tag}.sql`,
      `drizzle/cleanup_${tag}.sql`,
      `drizzle/rename_hints_${tag}.json`,
    ]);

    const previous = JSON.parse(project.read(`drizzle/${initial}/snapshot.json`)) as { id: string };
    const snapshot = JSON.parse(project.read(`drizzle/${tag}/snapshot.json`)) as { version: string; id: string; prevIds: string[]; ddl: Entity[]; renames: string[] };
    expect(snapshot.version).toBe('8');
    expect(snapshot.prevIds).toEqual([previous.id]);
    expect(snapshot.renames).toEqual(['public.users->public.accounts', 'public.servers->public.hosts', 'public.hosts.name->public.hosts.host_name']);
    const names = (type: string) => snapshot.ddl.filter((entity) => entity.entityType === type).map((entity) => entity.name).sort();
    expect(names('tables')).toEqual(['accounts', 'hosts', 'members', 'ssh-key']);
    expect(names('fks')).toEqual(['hosts_sshKeyId_ssh-key_id_fkey', 'members_serverId_hosts_id_fkey', 'members_userId_accounts_id_fkey', 'ssh-key_userId_accounts_id_fkey']);
    expect(snapshot.ddl.filter((entity) => entity.entityType === 'fks').map((entity) => entity.tableTo).sort()).toEqual(['accounts', 'accounts', 'hosts', 'ssh-key']);
    expect(JSON.parse(project.read(`drizzle/rename_hints_${tag}.json`))).toEqual([
      { type: 'rename', kind: 'table', from: ['public', 'users'], to: ['public', 'accounts'] },
      { type: 'rename', kind: 'table', from: ['public', 'servers'], to: ['public', 'hosts'] },
      { type: 'rename', kind: 'column', from: ['public', 'hosts', 'name'], to: ['public', 'hosts', 'host_name'] },
    ]);
    const forward = project.read(`drizzle/${tag}/migration.sql`);
    expect(forward).not.toMatch(/^\s*(BEGIN|COMMIT)\s*;/im);

    const client = new PGlite();
    await client.exec(readFileSync(path.join(project.root, `drizzle/${initial}/migration.sql`), 'utf8'));
    await client.exec(`
      insert into users (id, email) values ('${ADA}', 'ada@example.com');
      insert into "ssh-key" ("userId", "publicKey") values ('${ADA}', 'ssh-ed25519 AAAA');
      insert into servers ("sshKeyId", name) values (1, 'web-1');
      insert into members ("userId", "serverId") values ('${ADA}', 1);
    `);
    for (const statement of forward.split('--> statement-breakpoint')) await client.exec(statement);
    const rows = await client.query('select a.email, h.host_name from members m join accounts a on a.id = m."userId" join hosts h on h.id = m."serverId"');
    expect(rows.rows).toEqual([{ email: 'ada@example.com', host_name: 'web-1' }]);
    const constraints = await client.query<{ name: string }>("select conname as name from pg_constraint where contype = 'f' order by 1");
    expect(constraints.rows.map((row) => row.name)).toEqual(names('fks'));
    await client.close();
  });
});
