import { loadModule } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { replaySqlRelations } from '../../../codemods/known-tables/replay-sql-relations.js';

beforeAll(async () => {
  await loadModule();
});

const replay = (...sources: string[]) => replaySqlRelations(sources.map((source, index) => ({ path: `migrations/000${index + 1}_x.sql`, source })));

describe('replaySqlRelations', () => {
  it('skips an invalid statement with a path:line warning and keeps the rest of the file', () => {
    const result = replay(
      [
        'create table calls (id uuid primary key);',
        'alter table calls add constraint if not exists calls_id_check check (id is not null);',
        'create table transcripts (id uuid primary key, call_id uuid references calls (id));',
        '',
      ].join('\n'),
    );
    expect([...result.tables]).toEqual(['public.calls', 'public.transcripts']);
    expect(result.warnings).toEqual(['migrations/0001_x.sql:2: statement skipped, it does not parse (syntax error at or near "exists")']);
  });

  it('takes the name of a CREATE TABLE that does not parse by pattern', () => {
    const result = replay('create table if not exists "ssh-key" (id int, key text storage plain compression lz9 nonsense);\n');
    expect([...result.tables]).toEqual(['public.ssh-key']);
    expect(result.warnings).toHaveLength(1);
  });

  it('knows the new name of a table no statement created (made in a dashboard)', () => {
    const result = replay('alter table messages rename to comms_messages;\ncreate view messages with (security_invoker = true) as select * from comms_messages;\n');
    expect([...result.tables]).toEqual(['public.comms_messages']);
    expect([...result.views]).toEqual(['public.messages']);
    expect([...result.renames]).toEqual([['public.messages', 'public.comms_messages']]);
  });

  it('knows a dashboard table from the statements that use it', () => {
    const result = replay(
      [
        'alter table calls enable row level security;',
        'create index transcripts_call_id_idx on transcripts (call_id);',
        'create policy "own rows" on profiles for select using (auth.uid() = id);',
        'create trigger audit after insert on audit_log for each row execute function audit();',
        'alter table if exists maybe_gone add column x int;',
        '',
      ].join('\n'),
    );
    expect([...result.tables]).toEqual(['public.calls', 'public.transcripts', 'public.profiles', 'public.audit_log']);
  });

  it('follows a swap through a temporary name to its net effect', () => {
    const result = replay('create table a (id int);\ncreate table b (id int);\n', 'alter table a rename to a__tmp_rename;\nalter table b rename to a;\nalter table a__tmp_rename rename to b;\n');
    expect([...result.tables].sort()).toEqual(['public.a', 'public.b']);
    expect(new Map(result.renames)).toEqual(new Map([['public.a', 'public.b'], ['public.b', 'public.a']]));
  });

  it('replays views, materialized views, schema moves, drops and column renames; ignores temporary tables', () => {
    const result = replay(
      [
        'create table "ssh-key" (id int, "key-data" text);',
        'create view key_stats as select count(*) from "ssh-key";',
        'create materialized view key_totals as select count(*) from "ssh-key";',
        'alter materialized view key_totals rename to key_sums;',
        'alter table key_stats rename to key_counts;',
        'create temp table scratch (id int);',
        'create table old_logs (id int);',
        'alter table old_logs set schema archive;',
        'drop view if exists nothing_here, key_counts;',
        'alter table "ssh-key" rename column "key-data" to key_data;',
        '',
      ].join('\n'),
    );
    expect([...result.tables].sort()).toEqual(['archive.old_logs', 'public.ssh-key']);
    expect([...result.views]).toEqual(['public.key_sums']);
    expect([...result.columnRenames]).toEqual(['public.ssh-key.key-data>key_data']);
    expect(new Map(result.renames)).toEqual(new Map([['public.key_totals', 'public.key_sums'], ['public.old_logs', 'archive.old_logs']]));
    expect(result.warnings).toEqual([]);
  });
});
