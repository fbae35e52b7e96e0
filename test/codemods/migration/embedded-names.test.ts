/**
 * Index, constraint and sequence names in the database after the forward migration are the names the code
 * transforms write in the Drizzle schema for the same tables; the rollback restores the catalog exactly.
 */
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../../codemods/edits.js';
import { buildMigration } from '../../../codemods/migration/build-migration.js';
import { buildPlan } from '../../../codemods/plan.js';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import { drizzleSchemaTransform } from '../../../codemods/transforms/drizzle-schema.js';
import { getCatalogSnapshot } from './catalog-snapshot.js';

/** A Drizzle schema and the SQL drizzle-kit would create for it (explicit names as written, defaults by Postgres). */
const schemaSource = `import { boolean, foreignKey, index, integer, pgTable, serial, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  isAdmin: boolean('isAdmin').notNull(),
}, (t) => [index('users_isAdmin_idx').on(t.isAdmin), index('users_is_admin_partial_idx').on(t.isAdmin)]);

export const messages = pgTable('messages', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  userId: integer('userId').notNull(),
  body: text('body').unique('messages_body_key'),
  recipientId: integer('recipient_id'),
}, (t) => [
  index('messages_userId_idx').on(t.userId),
  uniqueIndex('messages_user_id_body_idx').on(t.userId, t.body),
  index('messages_userId_created_recipient_id_lookup_idx').on(t.userId, t.recipientId),
  foreignKey({ name: 'messages_userId_fkey', columns: [t.userId], foreignColumns: [users.id] }),
  unique('scheduled_messages_key').on(t.recipientId),
]);
`;

const schemaSql = `
create table users (id serial primary key, "isAdmin" boolean not null);
create index "users_isAdmin_idx" on users ("isAdmin");
create index users_is_admin_partial_idx on users ("isAdmin");
create table messages (
  id integer primary key generated always as identity,
  "userId" integer not null,
  body text constraint messages_body_key unique,
  recipient_id integer
);
create index "messages_userId_idx" on messages ("userId");
create unique index messages_user_id_body_idx on messages ("userId", body);
create index "messages_userId_created_recipient_id_lookup_idx" on messages ("userId", recipient_id);
alter table messages add constraint "messages_userId_fkey" foreign key ("userId") references users (id);
alter table messages add constraint scheduled_messages_key unique (recipient_id);
-- Taken: the rename of messages_userId_idx would collide with this one, so it is skipped.
create table other (id int);
create index comms_messages_user_id_idx on other (id);
insert into users ("isAdmin") values (true), (false);
insert into messages ("userId", body) values (1, 'hello');
`;

const plan = buildPlan(
  {
    tables: [{ schema: null, from: 'messages', to: 'comms_messages', source: 'test' }],
    columns: [
      { schema: null, table: 'users', from: 'isAdmin', to: 'is_admin', source: 'test' },
      { schema: null, table: 'messages', from: 'userId', to: 'user_id', source: 'test' },
    ],
  },
  { knownTables: new Set() },
);

async function getNames(db: PGlite): Promise<Array<{ table: string; name: string; kind: string }>> {
  const { rows } = await db.query<{ table: string; name: string; kind: string }>(`
    select conrelid::regclass::text as table, conname as name, 'constraint ' || contype::text as kind from pg_constraint
      where connamespace = 'public'::regnamespace and contype <> 'n'
    union all
    select tablename, indexname, 'index' from pg_indexes where schemaname = 'public'
    union all
    select coalesce(t.relname, '-'), s.relname, 'sequence' from pg_class s
      left join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
      left join pg_class t on t.oid = d.refobjid
      where s.relkind = 'S' and s.relnamespace = 'public'::regnamespace
    order by 1, 2, 3`);
  return rows;
}

/** The name strings the transformed Drizzle schema writes in index / unique / foreignKey calls. */
function getNamesInCode(source: string): string[] {
  return [...source.matchAll(/(?:index|uniqueIndex|unique)\('([^']+)'\)|name: '([^']+)'/g)].map((match) => match[1] ?? match[2] ?? '').sort();
}

beforeAll(async () => {
  await ensureSqlReady();
});

describe('embedded index, constraint and sequence names', () => {
  it('renames them in the database as the Drizzle transform renames them in code, and back exactly', async () => {
    const transformed = drizzleSchemaTransform({ source: schemaSource, path: 'schema.ts', plan });
    const renamedSource = applyEdits(schemaSource, transformed.edits);
    expect(getNamesInCode(renamedSource)).toEqual([
      'comms_messages_body_key',
      'comms_messages_user_id_body_idx',
      'comms_messages_user_id_created_recipient_id_lookup_idx',
      'comms_messages_user_id_fkey',
      'comms_messages_user_id_idx',
      'scheduled_comms_messages_key',
      'users_is_admin_idx',
      'users_is_admin_partial_idx',
    ]);
    expect(transformed.review.map((item) => [item.name, item.reason])).toEqual([]);

    const db = new PGlite();
    await db.exec(schemaSql);
    const before = await getCatalogSnapshot(db);
    const migration = buildMigration(plan, { migrationSources: [], existingFileNames: [], now: new Date('2025-06-01T00:00:00Z') });
    const notices: string[] = [];
    await db.exec(migration.forward.sql, { onNotice: (notice) => notices.push(notice.message ?? '') });

    const after = await getNames(db);
    const inDatabase = after.filter((entry) => entry.table !== 'other').map((entry) => entry.name);
    // Every name the code now writes exists in the database, except the one whose new name was taken.
    expect(getNamesInCode(renamedSource).filter((name) => !inDatabase.includes(name))).toEqual(['comms_messages_user_id_idx']);
    expect(after).toEqual([
      { table: 'comms_messages', name: 'comms_messages_body_key', kind: 'constraint u' },
      { table: 'comms_messages', name: 'comms_messages_body_key', kind: 'index' },
      { table: 'comms_messages', name: 'comms_messages_id_seq', kind: 'sequence' },
      { table: 'comms_messages', name: 'comms_messages_pkey', kind: 'constraint p' },
      { table: 'comms_messages', name: 'comms_messages_pkey', kind: 'index' },
      { table: 'comms_messages', name: 'comms_messages_user_id_body_idx', kind: 'index' },
      { table: 'comms_messages', name: 'comms_messages_user_id_created_recipient_id_lookup_idx', kind: 'index' },
      { table: 'comms_messages', name: 'comms_messages_user_id_fkey', kind: 'constraint f' },
      { table: 'comms_messages', name: 'messages_userId_idx', kind: 'index' },
      { table: 'comms_messages', name: 'scheduled_comms_messages_key', kind: 'constraint u' },
      { table: 'comms_messages', name: 'scheduled_comms_messages_key', kind: 'index' },
      { table: 'other', name: 'comms_messages_user_id_idx', kind: 'index' },
      { table: 'users', name: 'users_id_seq', kind: 'sequence' },
      { table: 'users', name: 'users_is_admin_idx', kind: 'index' },
      { table: 'users', name: 'users_is_admin_partial_idx', kind: 'index' },
      { table: 'users', name: 'users_pkey', kind: 'constraint p' },
      { table: 'users', name: 'users_pkey', kind: 'index' },
    ]);
    expect(notices.filter((message) => message.startsWith('drizzle-schema rename:'))).toEqual([
      'drizzle-schema rename: index "messages_userId_idx" of public.comms_messages not renamed: "comms_messages_user_id_idx" is already taken; rename it by hand',
    ]);
    // The identity column still numbers rows through its renamed sequence.
    await db.exec(`insert into comms_messages (user_id, body) values (2, 'next')`);
    expect((await db.query(`select id from comms_messages order by id`)).rows).toEqual([{ id: 1 }, { id: 2 }]);
    await db.exec(`delete from comms_messages where id = 2; alter table comms_messages alter column id restart with 2`);

    // users_is_admin_partial_idx already had the new spelling: the rollback leaves it, as it found it.
    await db.exec(migration.rollback.sql);
    expect(await getCatalogSnapshot(db)).toEqual(before);

    await db.exec(migration.forward.sql);
    await db.exec(migration.cleanup.sql);
    expect((await db.query(`select nspname from pg_namespace where nspname = 'drizzle_schema_rename'`)).rows).toEqual([]);
    const notices2: string[] = [];
    await db.exec(migration.rollback.sql, { onNotice: (notice) => notices2.push(notice.message ?? '') });
    expect(notices2.filter((message) => message.startsWith('drizzle-schema rename:'))).toEqual([
      'drizzle-schema rename: no record of the index, constraint and sequence names renamed by 20250601000000_rename_tables.sql (the cleanup drops it): they keep their new names',
    ]);
    await db.close();
  });

  it('skips a name that would pass 63 bytes, in the database (NOTICE) and in code (review)', async () => {
    const longPlan = buildPlan({ tables: [{ schema: null, from: 'messages', to: 'communication_channel_messages_archive', source: 'test' }], columns: [] }, { knownTables: new Set() });
    const source = `import { index, integer, pgTable } from 'drizzle-orm/pg-core';
export const messages = pgTable('messages', { id: integer('id').primaryKey(), userId: integer('user_id') }, (t) => [
  index('messages_user_id_created_at_recipient_id_idx').on(t.userId),
]);
`;
    const transformed = drizzleSchemaTransform({ source, path: 'schema.ts', plan: longPlan });
    expect(applyEdits(source, transformed.edits)).toContain(`index('messages_user_id_created_at_recipient_id_idx')`);
    expect(transformed.review.map((item) => ({ line: item.line, name: item.name, reason: item.reason }))).toEqual([
      {
        line: 3,
        name: 'messages_user_id_created_at_recipient_id_idx',
        reason:
          `renamed, "communication_channel_messages_archive_user_id_created_at_recipient_id_idx" would be 74 bytes, over Postgres's 63; left as is here and in the database: choose a shorter name by hand`,
      },
    ]);

    const db = new PGlite();
    await db.exec(`create table messages (id integer primary key, user_id integer);
      create index messages_user_id_created_at_recipient_id_idx on messages (user_id);`);
    const before = await getCatalogSnapshot(db);
    const migration = buildMigration(longPlan, { migrationSources: [], existingFileNames: [], now: new Date('2025-06-01T00:00:00Z') });
    const notices: string[] = [];
    await db.exec(migration.forward.sql, { onNotice: (notice) => notices.push(notice.message ?? '') });
    expect((await getNames(db)).map((entry) => entry.name)).toEqual([
      'communication_channel_messages_archive_pkey',
      'communication_channel_messages_archive_pkey',
      'messages_user_id_created_at_recipient_id_idx',
    ]);
    expect(notices.filter((message) => message.startsWith('drizzle-schema rename:'))).toEqual([
      'drizzle-schema rename: index "messages_user_id_created_at_recipient_id_idx" of public.communication_channel_messages_archive not renamed: "communication_channel_messages_archive_user_id_created_at_recipient_id_idx" is 74 bytes, over the 63-byte limit (Postgres would truncate it); rename it by hand',
    ]);
    await db.exec(migration.rollback.sql);
    expect(await getCatalogSnapshot(db)).toEqual(before);
    await db.close();
  });
});
