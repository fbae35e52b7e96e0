import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMigration } from '../../../codemods/migration/build-migration.js';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import type { RenamePlan } from '../../../codemods/types.js';
import { UsageError } from '../../../codemods/types.js';
import { getCatalogSnapshot, getRows } from './catalog-snapshot.js';

const initMigration = `
create table users (id int primary key, "isAdmin" boolean not null default false, full_name text not null);
create table messages (
  id serial primary key,
  user_id int not null references users (id),
  body text not null,
  "createdAt" timestamptz not null default '2025-01-01T00:00:00Z'
);
create index messages_user_id_idx on messages (user_id);
alter table messages enable row level security;
create policy messages_owner on messages using (user_id = 1);

create function count_admin_messages() returns bigint language plpgsql as $$
declare n bigint;
begin
  select count(*) into n from messages m join users u on u.id = m.user_id where u."isAdmin";
  return n;
end $$;

create function message_bodies(p int) returns setof text language sql as $$
  select body from messages where user_id = p order by id
$$;

create function guard_admin() returns trigger language plpgsql as $$
begin
  if new."isAdmin" then raise notice 'new admin'; end if;
  return new;
end $$;

create function unrelated() returns int language sql as $$ select 1 $$;
create function dropped_later() returns bigint language sql as $$ select count(*) from messages $$;
`;

const laterMigration = `drop function dropped_later();`;

const data = `
insert into users values (1, true, 'Ada'), (2, false, 'Grace');
insert into messages (id, user_id, body) values (10, 1, 'hello'), (11, 2, 'messages here'), (12, 1, 'again');
`;

const plan: RenamePlan = {
  tables: [{ from: 'messages', to: 'comms_messages', schema: 'public' }],
  columns: [
    { table: 'users', from: 'isAdmin', to: 'is_admin', schema: 'public' },
    { table: 'messages', from: 'user_id', to: 'sender_id', schema: 'public' },
    { table: 'messages', from: 'createdAt', to: 'created_at', schema: 'public' },
  ],
  steps: [
    { kind: 'table', schema: 'public', from: 'messages', to: 'comms_messages' },
    { kind: 'column', schema: 'public', table: 'users', from: 'isAdmin', to: 'is_admin' },
    { kind: 'column', schema: 'public', table: 'comms_messages', from: 'user_id', to: 'sender_id' },
    { kind: 'column', schema: 'public', table: 'comms_messages', from: 'createdAt', to: 'created_at' },
  ],
};

const options = {
  migrationSources: [
    { path: 'supabase/migrations/20250101000000_init.sql', source: initMigration },
    { path: 'supabase/migrations/20250102000000_drop.sql', source: laterMigration },
  ],
  existingFileNames: ['20250101000000_init.sql', '20250102000000_drop.sql'],
  now: new Date('2025-06-01T12:34:56Z'),
};

/** Names of the NOT NULL constraints among catalog constraint rows. */
function notNull(rows: readonly unknown[] | undefined): string[] {
  return (rows ?? []).flatMap((row) => {
    const { conname, def } = row as { conname: string; def: string };
    return def.startsWith('NOT NULL') ? [conname] : [];
  });
}

async function createDatabase(): Promise<PGlite> {
  const db = new PGlite();
  await db.exec(initMigration);
  await db.exec(laterMigration);
  await db.exec(data);
  return db;
}

beforeAll(async () => {
  await ensureSqlReady();
});

describe('buildMigration', () => {
  it('writes the forward file with renames, views before column renames, and rewritten functions', () => {
    const migration = buildMigration(plan, options);
    expect(migration.forward.fileName).toBe('20250601123456_rename_tables.sql');
    expect(migration.rollback.fileName).toBe('rollback_20250601123456_rename_tables.sql');
    expect(migration.cleanup.fileName).toBe('cleanup_20250601123456_rename_tables.sql');
    const statements = migration.forward.sql.split('\n').filter((line) => line !== '' && !line.startsWith('--'));
    // The renames of embedded index / constraint / sequence names come last (embedded-names.test.ts).
    const namesStart = statements.indexOf('CREATE SCHEMA IF NOT EXISTS drizzle_schema_rename;');
    expect(statements.at(-1)).toBe('COMMIT;');
    expect([...statements.slice(0, namesStart), 'COMMIT;']).toEqual([
      'BEGIN;',
      'ALTER TABLE "public"."messages" RENAME TO "comms_messages";',
      'CREATE VIEW "public"."messages" WITH (security_invoker = true) AS SELECT * FROM "public"."comms_messages";',
      'ALTER TABLE "public"."users" RENAME COLUMN "isAdmin" TO "is_admin";',
      'ALTER TABLE "public"."comms_messages" RENAME COLUMN "user_id" TO "sender_id";',
      'ALTER TABLE "public"."comms_messages" RENAME COLUMN "createdAt" TO "created_at";',
      'create OR REPLACE function count_admin_messages() returns bigint language plpgsql as $$',
      'declare n bigint;',
      'begin',
      '  select count(*) into n from comms_messages m join users u on u.id = m.sender_id where u."is_admin";',
      '  return n;',
      'end $$;',
      'create OR REPLACE function message_bodies(p int) returns setof text language sql as $$',
      '  select body from comms_messages where sender_id = p order by id',
      '$$;',
      'COMMIT;',
    ]);
    expect(migration.forward.sql).toContain('-- "public"."users" keeps its name, so it gets no compatibility view');
    expect(migration.forward.sql).toContain('policies, triggers and views follow the renames on their own');
  });

  it('lists a function it cannot rewrite safely instead of re-creating it', () => {
    const migration = buildMigration(plan, options);
    expect(migration.review).toEqual([
      {
        file: 'supabase/migrations/20250101000000_init.sql',
        line: 24,
        column: 1,
        name: 'guard_admin',
        reason: `function guard_admin mentions "isAdmin" where it cannot be rewritten safely ("new" is not a table of this statement, so the column's table is unknown); re-create it by hand`,
        excerpt: 'create function guard_admin() returns trigger language plpgsql as $$',
      },
    ]);
    expect(migration.forward.sql).not.toContain('guard_admin');
    expect(migration.forward.sql).not.toContain('dropped_later');
    expect(migration.forward.sql).not.toContain('unrelated');
  });

  it('keeps every row, serves the old names through the view, and rolls back to the same catalog', async () => {
    const db = await createDatabase();
    const catalogBefore = await getCatalogSnapshot(db);
    const usersBefore = await getRows(db, 'users');
    const messagesBefore = await getRows(db, 'messages');
    const migration = buildMigration(plan, options);

    await db.exec(migration.forward.sql);
    expect(await getRows(db, 'users')).toEqual(usersBefore);
    expect(await getRows(db, 'comms_messages')).toEqual(messagesBefore);
    // Old table and OLD column names through the compatibility view.
    expect(await getRows(db, 'messages')).toEqual(messagesBefore);
    const viewColumns = await db.query(`select column_name from information_schema.columns where table_name = 'messages' order by ordinal_position`);
    expect(viewColumns.rows).toEqual([{ column_name: 'id' }, { column_name: 'user_id' }, { column_name: 'body' }, { column_name: 'createdAt' }]);
    await db.exec(`insert into messages (id, user_id, body) values (20, 2, 'through the view')`);
    await db.exec(`update messages set body = 'edited' where user_id = 1 and id = 12`);
    expect((await db.query('select id, sender_id, body, created_at from comms_messages where id in (12, 20) order by id')).rows).toEqual([
      { id: 12, sender_id: 1, body: 'edited', created_at: new Date('2025-01-01T00:00:00Z') },
      { id: 20, sender_id: 2, body: 'through the view', created_at: new Date('2025-01-01T00:00:00Z') },
    ]);
    // The re-created functions run on the new names.
    expect((await db.query('select count_admin_messages() as n')).rows).toEqual([{ n: 2 }]);
    expect((await db.query('select message_bodies(1) as body')).rows).toEqual([{ body: 'hello' }, { body: 'edited' }]);
    // Index, foreign key and policy followed the renames; names embedding an old name were renamed.
    const catalogAfter = await getCatalogSnapshot(db);
    expect(catalogAfter.policies).toEqual([{ tablename: 'comms_messages', policyname: 'messages_owner', qual: '(sender_id = 1)' }]);
    expect(catalogAfter.indexes).toEqual([
      { tablename: 'comms_messages', indexname: 'comms_messages_pkey', indexdef: 'CREATE UNIQUE INDEX comms_messages_pkey ON public.comms_messages USING btree (id)' },
      {
        tablename: 'comms_messages',
        indexname: 'comms_messages_sender_id_idx',
        indexdef: 'CREATE INDEX comms_messages_sender_id_idx ON public.comms_messages USING btree (sender_id)',
      },
      { tablename: 'users', indexname: 'users_pkey', indexdef: 'CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)' },
    ]);
    expect(catalogAfter.constraints?.filter((row) => notNull([row]).length === 0)).toEqual([
      { rel: 'comms_messages', conname: 'comms_messages_pkey', def: 'PRIMARY KEY (id)' },
      { rel: 'comms_messages', conname: 'comms_messages_sender_id_fkey', def: 'FOREIGN KEY (sender_id) REFERENCES users(id)' },
      { rel: 'users', conname: 'users_pkey', def: 'PRIMARY KEY (id)' },
    ]);
    // Not-null constraints (pg_constraint rows since Postgres 18) follow the same rule.
    expect(notNull(catalogAfter.constraints)).toEqual([
      'comms_messages_body_not_null',
      'comms_messages_created_at_not_null',
      'comms_messages_id_not_null',
      'comms_messages_sender_id_not_null',
      'users_full_name_not_null',
      'users_id_not_null',
      'users_is_admin_not_null',
    ]);
    expect(catalogAfter.sequences).toEqual([{ sequence: 'comms_messages_id_seq', owner: 'comms_messages', column: 'id' }]);
    // The serial default still reads its (renamed) sequence.
    await db.exec(`insert into comms_messages (sender_id, body) values (1, 'numbered')`);
    expect((await db.query(`select id from comms_messages where body = 'numbered'`)).rows).toEqual([{ id: 1 }]);
    await db.exec(`delete from comms_messages where body = 'numbered'`);
    await db.exec(`select setval('comms_messages_id_seq', 1, false)`);

    await db.exec(migration.rollback.sql);
    expect(await getCatalogSnapshot(db)).toEqual(catalogBefore);
    expect((await db.query('select count_admin_messages() as n')).rows).toEqual([{ n: 2 }]);

    await db.exec(migration.forward.sql);
    await db.exec(migration.cleanup.sql);
    const relations = await db.query(`select relname, relkind from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'v') order by relname`);
    expect(relations.rows).toEqual([
      { relname: 'comms_messages', relkind: 'r' },
      { relname: 'users', relkind: 'r' },
    ]);
    await db.close();
  });

  it('refuses a hostile name before it reaches SQL', () => {
    const hostile: RenamePlan = {
      tables: [{ from: 'messages', to: 'x"; drop table users; --', schema: 'public' }],
      columns: [],
      steps: [{ kind: 'table', schema: 'public', from: 'messages', to: 'x"; drop table users; --' }],
    };
    expect(() => buildMigration(hostile, options)).toThrow(UsageError);
    const hostileColumn: RenamePlan = {
      tables: [],
      columns: [{ table: 'users', from: 'isAdmin', to: 'a) ; select 1', schema: 'public' }],
      steps: [{ kind: 'column', schema: 'public', table: 'users', from: 'isAdmin', to: 'a) ; select 1' }],
    };
    expect(() => buildMigration(hostileColumn, options)).toThrow(/not a valid SQL identifier/);
  });

  it('quotes every identifier, keeping names with upper case and $ exact', () => {
    const migration = buildMigration(
      {
        tables: [{ from: 'Legacy$Table', to: 'legacy_table', schema: 'career' }],
        columns: [],
        steps: [{ kind: 'table', schema: 'career', from: 'Legacy$Table', to: 'legacy_table' }],
      },
      { ...options, migrationSources: [] },
    );
    expect(migration.forward.sql).toContain('ALTER TABLE "career"."Legacy$Table" RENAME TO "legacy_table";');
    expect(migration.forward.sql).toContain('CREATE VIEW "career"."Legacy$Table" WITH (security_invoker = true) AS SELECT * FROM "career"."legacy_table";');
    expect(migration.rollback.sql).toContain('ALTER TABLE "career"."legacy_table" RENAME TO "Legacy$Table";');
  });
});
