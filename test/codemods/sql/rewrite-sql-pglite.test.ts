import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../../codemods/edits.js';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import { rewriteSql } from '../../../codemods/sql/rewrite-sql.js';
import { plan } from './plan-fixture.js';

const schema = `
  create table users (id int primary key, "isAdmin" boolean not null default false, full_name text not null);
  create table messages (id int primary key, user_id int not null references users (id), body text not null);
  insert into users values (1, true, 'Ada'), (2, false, 'Grace');
  insert into messages values (10, 1, 'hello'), (11, 2, 'messages are here'), (12, 1, 'again');
`;

/** The database side of `plan`, applied by hand so the test does not depend on the migration writer. */
const renames = `
  alter table messages rename to comms_messages;
  alter table users rename column "isAdmin" to is_admin;
  alter table users rename column full_name to "fullName";
  alter table comms_messages rename column user_id to sender_id;
`;

/** Queries an application would run; each must return the same rows after the rename, rewritten. */
const queries = [
  'select m.id, m.user_id, u."isAdmin" from messages m join users u on u.id = m.user_id order by m.id',
  "select count(*) as n from messages where body <> 'messages' and user_id in (select id from users where \"isAdmin\")",
  'with admins as (select id, full_name from users where "isAdmin") select admins.full_name, messages.body from admins join messages on messages.user_id = admins.id order by messages.id',
  'select s.user_id from (select * from messages) s order by s.user_id',
  "select 'messages'::regclass::text as rel, to_regclass('public.messages')::text as rel2",
  'select full_name, (select count(*) from messages m where m.user_id = users.id) as sent from users order by id',
];

const writes = [
  "insert into users (id, \"isAdmin\", full_name) values (3, false, 'Linus') on conflict (id) do update set full_name = excluded.full_name returning \"isAdmin\", full_name",
  "update messages set body = 'edited' where user_id = 2 returning id, user_id",
  'delete from messages where user_id = 1 and id = 12 returning user_id',
];

/** Row values only: output column names follow the renamed columns (`m.user_id` now reads `sender_id`). */
async function runAll(db: PGlite, statements: readonly string[]): Promise<unknown[][][]> {
  const results: unknown[][][] = [];
  for (const statement of statements) {
    const { rows } = await db.query<Record<string, unknown>>(statement);
    results.push(rows.map((row) => Object.values(row)));
  }
  return results;
}

function rewrite(sql: string): string {
  const result = rewriteSql(sql, plan);
  // Only the string literal in the second query ('messages' as message text) is listed, and kept.
  expect(result.review.filter((item) => item.reason !== 'string literal equal to an old name')).toEqual([]);
  return applyEdits(sql, result.edits);
}

beforeAll(async () => {
  await ensureSqlReady();
});

describe('rewritten SQL on Postgres (PGlite)', () => {
  it('returns the same rows after the rename as the original did before it', async () => {
    const before = new PGlite();
    await before.exec(schema);
    const expected = await runAll(before, [...queries, ...writes]);

    const after = new PGlite();
    await after.exec(schema);
    await after.exec(renames);
    const actual = await runAll(after, [...queries, ...writes].map(rewrite));
    // The regclass text names the relation, which is the only value that legitimately differs.
    expect(actual).toEqual(
      expected.map((rows, index) => (index === 4 ? [['comms_messages', 'comms_messages']] : rows)),
    );
    await before.close();
    await after.close();
  });

  it('rewrites a PL/pgSQL function so that it runs after the rename', async () => {
    const db = new PGlite();
    await db.exec(schema);
    const fn = `create function admin_messages() returns bigint language plpgsql as $$
      declare n bigint;
      begin
        select count(*) into n from messages m join users u on u.id = m.user_id where u."isAdmin";
        return n;
      end $$;`;
    await db.exec(renames);
    await db.exec(rewrite(fn));
    expect((await db.query('select admin_messages() as n')).rows).toEqual([{ n: 2 }]);
    await db.close();
  });
});
