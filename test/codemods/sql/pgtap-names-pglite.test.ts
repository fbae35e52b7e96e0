/**
 * pgTAP assertions keep passing after the migration: the real migration writer renames tables, columns and the
 * index, constraint and sequence names that embed them (in the database, by its word rule), and the SQL rewriter
 * renames the same names in a pgTAP test file (in text, by the same rule), both from one plan. pgTAP is not
 * available in PGlite, so each assertion used here is a small catalog query with the signature of the pgTAP
 * overload the call resolves to (`true` when the assertion would pass): every assertion holds before the
 * migration, every rewritten one holds after it, and the rewritten file still parses.
 */
import { PGlite } from '@electric-sql/pglite';
import { parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../../codemods/edits.js';
import { buildMigration } from '../../../codemods/migration/build-migration.js';
import { buildPlan } from '../../../codemods/plan.js';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import { rewriteSql } from '../../../codemods/sql/rewrite-sql.js';

const schemaSql = `
create table users (id serial primary key, "isAdmin" boolean not null default false);
create table messages (
  id integer primary key generated always as identity,
  "userId" integer not null constraint "messages_userId_fkey" references users (id),
  body text constraint messages_body_key unique
);
create index "messages_userId_idx" on messages ("userId");
create unique index messages_user_id_body_idx on messages ("userId", body);
create index "users_isAdmin_idx" on users ("isAdmin");
create table transcripts (id serial primary key, call_id integer not null);
create index transcripts_call_id_idx on transcripts (call_id);
`;

/** Stand-ins for the pgTAP overloads the test file uses, with their parameter types. */
const assertionsSql = `
create function pg_temp.rel(name) returns oid language sql as $$ select to_regclass(quote_ident($1))::oid $$;
create function pg_temp.index_columns(oid) returns name[] language sql as $$
  select array_agg(a.attname order by k.ord) from pg_index i cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum where i.indexrelid = $1 $$;
create function has_table(name) returns boolean language sql as $$ select pg_temp.rel($1) is not null $$;
create function has_column(name, name) returns boolean language sql as $$
  select exists (select 1 from pg_attribute where attrelid = pg_temp.rel($1) and attname = $2 and not attisdropped) $$;
create function has_index(name, name, name[]) returns boolean language sql as $$
  select exists (select 1 from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = pg_temp.rel($1) and c.relname = $2 and pg_temp.index_columns(i.indexrelid) = $3) $$;
create function index_is_unique(name, name) returns boolean language sql as $$
  select exists (select 1 from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = pg_temp.rel($1) and c.relname = $2 and i.indisunique) $$;
create function index_is_primary(name) returns boolean language sql as $$
  select exists (select 1 from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = $1 and i.indisprimary) $$;
create function indexes_are(name, name[]) returns boolean language sql as $$
  select (select array_agg(c.relname order by c.relname) from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = pg_temp.rel($1))
    = (select array_agg(x order by x) from unnest($2) x) $$;
create function has_sequence(name) returns boolean language sql as $$ select exists (select 1 from pg_class where relkind = 'S' and relname = $1) $$;
create function col_is_pk(name, name[]) returns boolean language sql as $$
  select exists (select 1 from pg_constraint k where k.conrelid = pg_temp.rel($1) and k.contype = 'p'
    and (select array_agg(a.attname order by a.attnum) from pg_attribute a where a.attrelid = k.conrelid and a.attnum = any (k.conkey)) = $2) $$;
create function fk_ok(name, name, name, name) returns boolean language sql as $$
  select exists (select 1 from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
    join pg_attribute r on r.attrelid = k.confrelid and r.attnum = k.confkey[1]
    where k.contype = 'f' and k.conrelid = pg_temp.rel($1) and a.attname = $2 and k.confrelid = pg_temp.rel($3) and r.attname = $4) $$;
`;

/** A pgTAP file as a team writes it for this schema (one assertion per statement). */
const testFile = `
select has_table('messages');
select has_column('users', 'isAdmin');
select has_column('messages', 'userId');
select has_index('messages', 'messages_userId_idx', ARRAY['userId']);
select has_index('messages', 'messages_user_id_body_idx', ARRAY['userId', 'body']);
select has_index('users', 'users_isAdmin_idx', '{isAdmin}'::name[]);
select index_is_unique('messages', 'messages_body_key');
select index_is_primary('messages_pkey');
select indexes_are('messages', ARRAY['messages_pkey', 'messages_body_key', 'messages_userId_idx', 'messages_user_id_body_idx']);
select has_sequence('messages_id_seq');
select has_sequence('users_id_seq');
select has_sequence('transcripts_id_seq');
select col_is_pk('messages', ARRAY['id']);
select fk_ok('messages', 'userId', 'users', 'id');
select has_index('transcripts', 'transcripts_call_id_idx', ARRAY['call_id']);
`;

const plan = buildPlan(
  {
    tables: [{ schema: null, from: 'messages', to: 'comms_messages', source: 'test' }],
    columns: [
      { schema: null, table: 'users', from: 'isAdmin', to: 'is_admin', source: 'test' },
      { schema: null, table: 'messages', from: 'userId', to: 'user_id', source: 'test' },
      // The new name holds the old one: a re-run must not rename it twice.
      { schema: null, table: 'transcripts', from: 'call_id', to: 'source_call_id', source: 'test' },
    ],
  },
  { knownTables: new Set() },
);

async function runAssertions(db: PGlite, file: string): Promise<Array<[string, boolean]>> {
  const results: Array<[string, boolean]> = [];
  for (const statement of file.split(';').map((part) => part.trim()).filter(Boolean)) {
    const { rows } = await db.query<Record<string, boolean>>(statement);
    results.push([statement, Object.values(rows[0] ?? {})[0] === true]);
  }
  return results;
}

beforeAll(async () => {
  await ensureSqlReady();
});

describe('pgTAP names after the migration', () => {
  it('every rewritten assertion passes on the migrated database', async () => {
    const db = new PGlite();
    try {
      await db.exec(schemaSql + assertionsSql);
      expect((await runAssertions(db, testFile)).filter(([, ok]) => !ok)).toEqual([]);

      const result = rewriteSql(testFile, plan);
      const rewritten = applyEdits(testFile, result.edits);
      expect(result.review).toEqual([]);
      expect(() => parseSync(rewritten)).not.toThrow();
      expect(rewriteSql(rewritten, plan).edits).toEqual([]);
      expect(rewritten).toContain("has_index('comms_messages', 'comms_messages_user_id_idx', ARRAY['user_id'])");
      expect(rewritten).toContain("has_index('users', 'users_is_admin_idx', '{is_admin}'::name[])");

      const migration = buildMigration(plan, { migrationSources: [], existingFileNames: [], now: new Date('2025-06-01T00:00:00Z') });
      await db.exec(migration.forward.sql);
      expect((await runAssertions(db, rewritten)).filter(([, ok]) => !ok)).toEqual([]);
      // The file as it was would now fail almost everywhere: the rewrite is what keeps it passing. (The old table
      // name and its old column names stay readable through the migration's compatibility view.)
      expect((await runAssertions(db, testFile)).filter(([, ok]) => ok).map(([statement]) => statement)).toEqual([
        "select has_table('messages')",
        "select has_column('messages', 'userId')",
        "select has_sequence('users_id_seq')",
        "select has_sequence('transcripts_id_seq')",
      ]);
    } finally {
      await db.close();
    }
  });
});
