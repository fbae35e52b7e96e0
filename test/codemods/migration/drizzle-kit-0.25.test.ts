/**
 * A drizzle-kit 0.25 project (version-7 snapshots without 0.31's `policies`, `views`, `checkConstraints`,
 * `isRLSEnabled`): the real drizzle-kit 0.25.0 (drizzle-orm 0.34.1) writes the first migration from
 * `test/fixtures/migration/drizzle-kit-0.25/schema.ts`; the rename (schema code, journal entry, snapshot) leaves a
 * snapshot with exactly the previous one's keys, so 0.25's own `drizzle-kit generate` accepts it and finds no schema
 * change, and drizzle-orm's migrator on PGlite applies the migration with the rows kept.
 */
import { readFileSync } from 'node:fs';
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

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/migration/drizzle-kit-0.25');
const ADA = '00000000-0000-4000-8000-000000000001';
const THREAD = '00000000-0000-4000-8000-000000000002';

/** Every key path of a JSON value, object keys of renamed entries replaced by `*` (names change, shapes must not). */
function getKeyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => getKeyPaths(item, `${prefix}[]`));
  if (typeof value !== 'object' || value === null) return [prefix];
  if (Object.keys(value).length === 0) return [`${prefix}{}`];
  return Object.entries(value).flatMap(([key, item]) => {
    const isNamed = /\.(tables|columns|indexes|foreignKeys|compositePrimaryKeys|uniqueConstraints)$/.test(prefix) || /^\._meta\.\w+$/.test(prefix);
    return getKeyPaths(item, `${prefix}.${isNamed ? '*' : key}`);
  });
}

describe('drizzle-schema rename in a drizzle-kit 0.25 project', () => {
  it('writes a snapshot of the previous one\'s shape: drizzle-kit 0.25 generate finds no change, the migrator keeps the rows', async () => {
    const project = createProject({
      'src/db/schema.ts': readFileSync(path.join(FIXTURE, 'schema.ts'), 'utf8'),
      'drizzle.config.ts': readFileSync(path.join(FIXTURE, 'drizzle.config.ts'), 'utf8'),
      '.gitignore': 'node_modules\n',
    });
    linkDrizzleKit(project.root, '0.25');
    const init = await runDrizzleKit(project.root, ['generate', '--name', 'init'], '0.25');
    expect(init.code, init.output).toBe(0);
    const previous = JSON.parse(project.read('drizzle/meta/0000_snapshot.json')) as Record<string, unknown>;
    expect(Object.keys(previous)).not.toContain('policies');
    project.git('init', '-q');
    project.git('add', '-A');
    project.git('commit', '-qm', 'initial');

    const client = new PGlite();
    const migrationsFolder = path.join(project.root, 'drizzle');
    await migrate(drizzle(client), { migrationsFolder });
    await client.exec(`
      insert into "Account" (id, email) values ('${ADA}', 'ada@example.com');
      insert into "Thread" (id, "createdAt", "ownerId") values ('${THREAD}', now(), '${ADA}');
      insert into "Note_v2" ("threadId", body, position) values ('${THREAD}', 'hello', 1);
    `);

    const knownTables = new Set(['Account', 'Thread', 'Note_v2', 'Draft', 'Remark'].map((name) => `public.${name}`));
    const plan = buildPlan({
      tables: [parseTableFlag('Thread=conversation'), parseTableFlag('Draft=artifact')],
      columns: [parseColumnFlag('Thread.ownerId=owner_id'), parseColumnFlag('Note_v2.threadId=thread_id')],
    }, { knownTables });
    const report = await runRename({ cwd: project.root, plan, dryRun: false, force: false, migration: { mode: 'auto' } });
    expect(report.migrations.map((entry) => entry.file)).toContain('drizzle/meta/0001_snapshot.json');

    const snapshot = JSON.parse(project.read('drizzle/meta/0001_snapshot.json')) as Record<string, unknown>;
    expect(getKeyPaths(snapshot).sort()).toEqual(getKeyPaths({ ...previous, _meta: snapshot._meta }).sort());
    expect(Object.keys(snapshot.tables as object).sort()).toEqual(['public.Account', 'public.Note_v2', 'public.Remark', 'public.artifact', 'public.conversation']);

    const check = await runDrizzleKit(project.root, ['generate'], '0.25');
    expect(check.output).not.toContain('malformed');
    expect(check.output).toContain('No schema changes, nothing to migrate');

    await migrate(drizzle(client), { migrationsFolder });
    const rows = await client.query<{ email: string; body: string }>('select a.email, n.body from "Note_v2" n join conversation c on c.id = n.thread_id join "Account" a on a.id = c.owner_id');
    expect(rows.rows).toEqual([{ email: 'ada@example.com', body: 'hello' }]);
    await client.close();
  });
});
