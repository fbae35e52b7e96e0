/**
 * A drizzle-kit 0.31 folder whose journal lists only its first migration while hand-numbered `.sql` files
 * (`0001_…` to `0012_…`, one number twice, applied by some other means) sit beside it: the rename's migration is
 * numbered after every file of the folder, its journal entry's `idx` and `tag` agree with the file, and the real tools
 * take the jump: drizzle-kit generate finds no change and numbers its next migration after ours, drizzle-orm's
 * migrator (which reads the journal's entries in order, by tag) applies it.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import { parseColumnFlag, parseTableFlag } from '../../../codemods/manifest.js';
import { buildPlan } from '../../../codemods/plan.js';
import { runRename } from '../../../codemods/run.js';
import { createProject } from '../run/temp-project.js';
import { linkDrizzleKit, runDrizzleKit } from './run-drizzle-kit.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/migration');
const BY_HAND = ['0001_add_audit_log.sql', '0004_add_flags.sql', '0012_add_flags_index.sql', '0012_backfill_flags.sql'];

describe('the migration of a drizzle-kit folder with hand-numbered files beside its journal', () => {
  it('is numbered after every file, and drizzle-kit and the migrator take it', async () => {
    const project = createProject({ '.gitignore': 'node_modules\n' });
    cpSync(path.join(FIXTURES, 'drizzle-kit-0.31'), project.root, { recursive: true });
    project.write('src/db/schema.ts', readFileSync(path.join(FIXTURES, 'schema.ts'), 'utf8'));
    for (const name of BY_HAND) project.write(`drizzle/${name}`, `-- applied by hand, not in the journal\ncreate table if not exists audit_log (id serial primary key, note text);\n`);
    linkDrizzleKit(project.root, '0.31');
    project.git('init', '-q');
    project.git('add', '-A');
    project.git('commit', '-qm', 'initial');

    const knownTables = new Set(['users', 'ssh-key', 'servers', 'members'].map((name) => `public.${name}`));
    const plan = buildPlan({ tables: [parseTableFlag('servers=hosts')], columns: [parseColumnFlag('servers.name=host_name')] }, { knownTables });
    const report = await runRename({ cwd: project.root, plan, dryRun: false, force: false, migration: { mode: 'auto' } });
    expect(report.migrations.map((entry) => entry.file)).toEqual([
      'drizzle/0013_rename_tables.sql',
      'drizzle/meta/0013_snapshot.json',
      'drizzle/rollback_0013_rename_tables.sql',
      'drizzle/cleanup_0013_rename_tables.sql',
      'drizzle/meta/_journal.json',
    ]);
    const numbered = readdirSync(path.join(project.root, 'drizzle')).filter((name) => /^\d/.test(name)).sort();
    expect(numbered.at(-1)).toBe('0013_rename_tables.sql');
    const journal = JSON.parse(project.read('drizzle/meta/_journal.json')) as { entries: Array<{ idx: number; tag: string }> };
    expect(journal.entries.map((entry) => [entry.idx, entry.tag])).toEqual([[0, '0000_init'], [13, '0013_rename_tables']]);

    const check = await runDrizzleKit(project.root, ['generate', '--config', 'drizzle.config.ts']);
    expect(check.output).toContain('No schema changes, nothing to migrate');

    const client = new PGlite();
    await migrate(drizzle(client), { migrationsFolder: path.join(project.root, 'drizzle') });
    expect((await client.query<{ count: number }>('select count(*)::int as count from drizzle.__drizzle_migrations')).rows).toEqual([{ count: 2 }]);
    expect((await client.query("select to_regclass('public.hosts') is not null as hosts, to_regclass('public.audit_log') is null as by_hand")).rows).toEqual([{ hosts: true, by_hand: true }]);
    await client.close();

    // drizzle-kit numbers its own next migration after ours.
    project.write('src/db/schema.ts', project.read('src/db/schema.ts').replace('displayName: text(),', 'displayName: text(),\n  bio: text(),'));
    const next = await runDrizzleKit(project.root, ['generate', '--config', 'drizzle.config.ts', '--name', 'add_bio']);
    expect(next.code, next.output).toBe(0);
    expect(readdirSync(path.join(project.root, 'drizzle/meta')).sort()).toEqual(['0000_snapshot.json', '0013_snapshot.json', '0014_snapshot.json', '_journal.json']);
    expect(project.read('drizzle/0014_add_bio.sql')).toContain('ADD COLUMN "bio" text');
  });
});
