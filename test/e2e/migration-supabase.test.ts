/**
 * End to end on a Supabase CLI project: migrations named with 14-digit and 8-digit prefixes, an applied migration
 * with a statement that is not valid SQL (`ADD CONSTRAINT IF NOT EXISTS`, fixed by a later migration), and a
 * `migrations/rollbacks/` folder of manual scripts. The BUILT CLI, with no migration flag, writes the forward
 * migration into supabase/migrations (named after the last migration's convention, sorting after all of them);
 * the invalid statement is a warning with file:line, not a refusal; the rollbacks folder is ordinary SQL (rewritten,
 * never replayed, so a function only it drops is still re-created); the migration applies on PGlite after the
 * originals with every row kept.
 */
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModule } from 'libpg-query';
import type { RenameReport } from '../../codemods/report.js';
import { parseSqlStatements } from '../../codemods/sql/parse-statements.js';
import { assertBuilt, runCli } from '../codemods/cli/run-cli.js';
import { createProject } from '../codemods/run/temp-project.js';

const MIGRATIONS = 'supabase/migrations';
const ADA = '00000000-0000-4000-8000-000000000001';

const tree = {
  'supabase/config.toml': 'project_id = "calls-app"\n',
  [`${MIGRATIONS}/20250101000000_init.sql`]: [
    'create table users (id uuid primary key, email text not null);',
    'create table calls (id bigint generated always as identity primary key, user_id uuid not null, started_at timestamptz not null default now());',
    'create function count_calls(uid uuid) returns integer language sql stable as $$ select count(*)::int from calls where calls.user_id = uid $$;',
    '',
  ].join('\n'),
  [`${MIGRATIONS}/20250102_call_owner.sql`]: [
    'create index calls_user_id_idx on calls (user_id);',
    'alter table calls add constraint if not exists calls_user_id_fkey foreign key (user_id) references users (id);',
    '',
  ].join('\n'),
  [`${MIGRATIONS}/20250103_fix_call_owner.sql`]: 'alter table calls add constraint calls_user_id_fkey foreign key (user_id) references users (id);\n',
  [`${MIGRATIONS}/rollbacks/20250101000000_init_ROLLBACK.sql`]: [
    'drop function if exists count_calls(uuid);',
    'create or replace function last_call_at(uid uuid) returns timestamptz language sql stable as $$ select max(started_at) from calls where user_id = uid $$;',
    'drop table calls;',
    '',
  ].join('\n'),
};

describe('drizzle-schema rename in a Supabase CLI project', () => {
  beforeAll(async () => {
    assertBuilt();
    await loadModule();
  });

  it('writes the migration by default, sorting after 8- and 14-digit migrations, despite an invalid old statement', async () => {
    const project = createProject(tree, { git: true });
    const result = await runCli(['rename', '--table', 'calls=call_logs', '--json'], project.root);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as RenameReport;
    expect(report.warnings).toContain(`${MIGRATIONS}/20250102_call_owner.sql:2: statement skipped, it does not parse (syntax error at or near "exists")`);
    const forwardName = readdirSync(path.join(project.root, MIGRATIONS)).filter((name) => /^\d+_.*rename_tables\.sql$/.test(name));
    expect(forwardName).toHaveLength(1);
    const [forward] = forwardName as [string];
    // The last migration has an 8-digit date: the new one too, strictly after it, and after every file by name.
    expect(forward).toMatch(/^\d{8}_rename_tables\.sql$/);
    expect(Number(forward.slice(0, 8))).toBeGreaterThan(20250103);
    const applied = readdirSync(path.join(project.root, MIGRATIONS)).filter((name) => /^\d+_.*\.sql$/.test(name)).sort();
    expect(applied.at(-1)).toBe(forward);
    expect(report.migrations.map((entry) => entry.file)).toEqual([`${MIGRATIONS}/${forward}`, `${MIGRATIONS}/rollback_${forward}`, `${MIGRATIONS}/cleanup_${forward}`]);

    // The manual rollback script is ordinary SQL: rewritten (its function body too), never replayed.
    expect(project.read(`${MIGRATIONS}/rollbacks/20250101000000_init_ROLLBACK.sql`)).toBe(
      [
        'drop function if exists count_calls(uuid);',
        'create or replace function last_call_at(uid uuid) returns timestamptz language sql stable as $$ select max(started_at) from call_logs where user_id = uid $$;',
        'drop table call_logs;',
        '',
      ].join('\n'),
    );
    const forwardSql = project.read(`${MIGRATIONS}/${forward}`);
    expect(forwardSql).toContain('create OR REPLACE function count_calls(uid uuid) returns integer language sql stable as $$ select count(*)::int from call_logs where call_logs.user_id = uid $$;');

    // The database as the applied migrations left it (the invalid statement never ran), then the forward migration.
    const client = new PGlite();
    for (const name of applied.filter((file) => file !== forward)) {
      for (const statement of parseSqlStatements(project.read(`${MIGRATIONS}/${name}`), name).statements) if (statement.stmt) await client.exec(statement.text);
    }
    await client.exec(`insert into users values ('${ADA}', 'ada@example.com'); insert into calls (user_id) values ('${ADA}'), ('${ADA}');`);
    await client.exec(forwardSql);
    expect((await client.query('select count_calls($1) as n', [ADA])).rows).toEqual([{ n: 2 }]);
    expect((await client.query('select count(*)::int as n from calls')).rows).toEqual([{ n: 2 }]);
    const names = await client.query<{ name: string }>("select conname as name from pg_constraint where contype in ('p', 'f') and connamespace = 'public'::regnamespace order by 1");
    expect(names.rows.map((row) => row.name)).toEqual(['call_logs_pkey', 'call_logs_user_id_fkey', 'users_pkey']);
    await client.close();

    // The same command on the committed result: nothing to do.
    project.git('add', '-A');
    project.git('commit', '-qm', 'rename');
    const again = await runCli(['rename', '--table', 'calls=call_logs', '--json'], project.root);
    expect(again.code, again.stderr).toBeLessThanOrEqual(1);
    expect((JSON.parse(again.stdout) as RenameReport).migrations).toEqual([]);
    expect(project.git('status', '--porcelain')).toBe('');
  });
});
