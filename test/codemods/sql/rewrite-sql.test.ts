import { parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../../codemods/edits.js';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import { rewriteSql } from '../../../codemods/sql/rewrite-sql.js';
import { plan } from './plan-fixture.js';

interface Case {
  readonly name: string;
  readonly input: string;
  readonly output: string;
  /** Names listed for review, in order. */
  readonly review?: readonly string[];
}

const cases: readonly Case[] = [
  { name: 'table in FROM', input: 'select * from messages', output: 'select * from comms_messages' },
  { name: 'schema-qualified table', input: 'select * from public.messages', output: 'select * from public.comms_messages' },
  { name: 'table of another schema', input: 'select * from career.messages', output: 'select * from career.messages' },
  { name: 'quoted table stays quoted', input: 'select * from "messages"', output: 'select * from "comms_messages"' },
  { name: 'unquoted upper case folds', input: 'SELECT * FROM Messages', output: 'SELECT * FROM comms_messages' },
  { name: 'quoted upper case is another table', input: 'select * from "Messages"', output: 'select * from "Messages"' },
  { name: 'table name qualifying a column', input: 'select messages.id from messages', output: 'select comms_messages.id from comms_messages' },
  { name: 'alias resolves the column', input: 'select m.user_id from messages m', output: 'select m.sender_id from comms_messages m' },
  { name: 'camelCase column only quoted', input: 'select "isAdmin", isAdmin from users', output: 'select "is_admin", isAdmin from users' },
  { name: 'new name that needs quotes', input: 'select full_name from users', output: 'select "fullName" from users' },
  { name: 'alias of a joined table', input: 'select u."isAdmin" from messages m join users u on u.id = m.user_id', output: 'select u."is_admin" from comms_messages m join users u on u.id = m.sender_id' },
  {
    name: 'literals, comments and look-alike words untouched',
    input: "select 'messages', messages_count, 'isAdmin' from stats -- messages\n/* from messages */",
    output: "select 'messages', messages_count, 'isAdmin' from stats -- messages\n/* from messages */",
    review: ['messages', 'isAdmin'],
  },
  { name: 'CTE shadowing a renamed table', input: 'with messages as (select 1 as id) select id from messages', output: 'with messages as (select 1 as id) select id from messages' },
  {
    name: 'CTE output column follows the rename',
    input: 'with x as (select "isAdmin" from users) select x."isAdmin" from x',
    output: 'with x as (select "is_admin" from users) select x."is_admin" from x',
  },
  {
    name: 'subquery with its own scope',
    input: 'select * from messages where user_id in (select id from users where "isAdmin")',
    output: 'select * from comms_messages where sender_id in (select id from users where "is_admin")',
  },
  {
    name: 'derived table exposing a renamed column through *',
    input: 'select s.user_id from (select * from messages) s',
    output: 'select s.sender_id from (select * from comms_messages) s',
  },
  {
    name: 'unqualified column that may belong to the outer query',
    input: 'select * from users u where exists (select 1 from posts p where p.author_id = u.id and "isAdmin")',
    output: 'select * from users u where exists (select 1 from posts p where p.author_id = u.id and "isAdmin")',
    review: ['isAdmin'],
  },
  {
    name: 'unqualified column with several relations',
    input: 'select user_id from messages join users on users.id = messages.user_id',
    output: 'select user_id from comms_messages join users on users.id = comms_messages.sender_id',
    review: ['user_id'],
  },
  { name: 'fragment: column listed', input: 'where user_id = ', output: 'where user_id = ', review: ['user_id'] },
  { name: 'fragment: table after FROM', input: 'select * from messages where id =', output: 'select * from comms_messages where id =' },
  { name: 'fragment: table qualifying a column', input: 'and messages.user_id = ', output: 'and comms_messages.user_id = ', review: ['user_id'] },
  { name: 'fragment: table elsewhere listed', input: 'and messages = ', output: 'and messages = ', review: ['messages'] },
  {
    name: 'insert columns, conflict target, excluded, returning',
    input: 'insert into users ("isAdmin", full_name) values ($1, $2) on conflict ("isAdmin") do update set full_name = excluded.full_name returning "isAdmin"',
    output: 'insert into users ("is_admin", "fullName") values ($1, $2) on conflict ("is_admin") do update set "fullName" = excluded."fullName" returning "is_admin"',
  },
  {
    name: 'update with alias and FROM',
    input: 'update messages m set user_id = u.id from users u where u."isAdmin" returning m.user_id',
    output: 'update comms_messages m set sender_id = u.id from users u where u."is_admin" returning m.sender_id',
  },
  { name: 'delete', input: 'delete from messages where user_id = $1', output: 'delete from comms_messages where sender_id = $1' },
  {
    name: 'index column list and predicate',
    input: 'create index users_admin_idx on users ("isAdmin", lower(full_name)) include (full_name) where "isAdmin"',
    output: 'create index users_admin_idx on users ("is_admin", lower("fullName")) include ("fullName") where "is_admin"',
  },
  {
    name: 'policy on a renamed table',
    input: 'create policy own on messages using (user_id = auth.uid())',
    output: 'create policy own on comms_messages using (sender_id = auth.uid())',
  },
  {
    name: 'relation-name literals in known contexts',
    input: "select 'messages'::regclass, to_regclass('public.messages'), 'messages'::text",
    output: "select 'comms_messages'::regclass, to_regclass('public.comms_messages'), 'messages'::text",
    review: ['messages'],
  },
  {
    name: 'pgTAP table and column assertions',
    input: "select has_table('messages'), hasnt_table('public'::name, 'messages'::name), has_column('users', 'isAdmin', 'users.isAdmin exists'), col_is_pk('public', 'messages', 'id', 'messages has a primary key')",
    output: "select has_table('comms_messages'), hasnt_table('public'::name, 'comms_messages'::name), has_column('users', 'is_admin', 'users.isAdmin exists'), col_is_pk('public', 'comms_messages', 'id', 'messages has a primary key')",
  },
  {
    name: 'params and casts',
    input: 'select id::text, user_id::text from messages where user_id = $1::int',
    output: 'select id::text, sender_id::text from comms_messages where sender_id = $1::int',
  },
  {
    name: 'non-ASCII text before the identifiers',
    input: "select 'żółć 😀 €' as label, user_id from messages",
    output: "select 'żółć 😀 €' as label, sender_id from comms_messages",
  },
  {
    name: 'several statements',
    input: 'select 1 from messages; select "isAdmin" from users;\nselect user_id from messages',
    output: 'select 1 from comms_messages; select "is_admin" from users;\nselect sender_id from comms_messages',
  },
  {
    name: 'SQL function body',
    input: 'create function n() returns bigint language sql as $$ select count(*) from messages where user_id = 1 $$',
    output: 'create function n() returns bigint language sql as $$ select count(*) from comms_messages where sender_id = 1 $$',
  },
  {
    name: 'PL/pgSQL function body',
    input:
      'create or replace function f(p int) returns int language plpgsql as $fn$\ndeclare n int;\nbegin\n  select count(*) into n from messages m where m.user_id = p;\n  perform 1 from messages;\n  if exists (select 1 from users where "isAdmin") then n := n + 1; end if;\n  return n;\nend $fn$;',
    output:
      'create or replace function f(p int) returns int language plpgsql as $fn$\ndeclare n int;\nbegin\n  select count(*) into n from comms_messages m where m.sender_id = p;\n  perform 1 from comms_messages;\n  if exists (select 1 from users where "is_admin") then n := n + 1; end if;\n  return n;\nend $fn$;',
  },
  {
    name: 'DO block',
    input: "do $$ begin update messages set body = 'messages' where user_id is null; end $$",
    output: "do $$ begin update comms_messages set body = 'messages' where sender_id is null; end $$",
    review: ['messages'],
  },
  {
    name: 'trigger function reading NEW: listed',
    input: "create function t() returns trigger language plpgsql as $$ begin if new.user_id is null then raise exception 'no sender'; end if; return new; end $$",
    output: "create function t() returns trigger language plpgsql as $$ begin if new.user_id is null then raise exception 'no sender'; end if; return new; end $$",
    review: ['user_id'],
  },
  {
    name: 'row type declaration in PL/pgSQL: listed',
    input: 'do $$ declare r messages%rowtype; begin select * into r from messages limit 1; end $$',
    output: 'do $$ declare r messages%rowtype; begin select * into r from comms_messages limit 1; end $$',
    review: ['messages'],
  },
  {
    name: 'DDL naming the table',
    input: "drop table if exists messages; comment on table messages is 'messages'; alter table messages add column read_at timestamptz; truncate messages",
    output: "drop table if exists comms_messages; comment on table comms_messages is 'messages'; alter table comms_messages add column read_at timestamptz; truncate comms_messages",
    review: ['messages'],
  },
  {
    name: 'trigger on the table, WHEN reading NEW',
    input: 'create trigger t before update on messages for each row when (new.user_id is distinct from old.user_id) execute function f()',
    output: 'create trigger t before update on comms_messages for each row when (new.sender_id is distinct from old.sender_id) execute function f()',
  },
  {
    name: 'insert from a select',
    input: 'insert into messages (id, user_id, body) select id + 100, id, full_name from users where "isAdmin"',
    output: 'insert into comms_messages (id, sender_id, body) select id + 100, id, "fullName" from users where "is_admin"',
  },
  {
    name: 'join USING a renamed column: listed',
    input: 'select * from messages join receipts using (user_id)',
    output: 'select * from comms_messages join receipts using (user_id)',
    review: ['user_id'],
  },
  {
    name: 'create table with a renamed column and a foreign key to the renamed table',
    input: 'create table users (id int primary key, "isAdmin" boolean); create table receipts (message_id int references messages (id))',
    output: 'create table users (id int primary key, "is_admin" boolean); create table receipts (message_id int references comms_messages (id))',
  },
  {
    name: 'data-modifying CTE passes renamed RETURNING columns on',
    input: 'with moved as (update messages set user_id = 2 where user_id = 1 returning id, user_id) select moved.user_id from moved',
    output: 'with moved as (update comms_messages set sender_id = 2 where sender_id = 1 returning id, sender_id) select moved.sender_id from moved',
  },
  { name: 'output alias is not a column reference', input: 'select 1 as total from users', output: 'select 1 as total from users' },
];

beforeAll(async () => {
  await ensureSqlReady();
});

describe('rewriteSql', () => {
  it.each(cases)('$name', ({ input, output, review = [] }) => {
    const result = rewriteSql(input, plan);
    expect(applyEdits(input, result.edits)).toBe(output);
    expect(result.review.map((item) => item.name)).toEqual(review);
  });

  it.each(cases)('keeps valid SQL valid: $name', ({ input }) => {
    const isValid = (sql: string) => {
      try {
        parseSync(sql);
        return true;
      } catch {
        return false;
      }
    };
    const output = applyEdits(input, rewriteSql(input, plan).edits);
    expect(isValid(output)).toBe(isValid(input));
  });

  it('lists literals equal to an old name and SQL inside dollar-quoted strings, without changing them', () => {
    const input = "select results_eq($$ select * from messages $$, 'select 1'), pg_get_serial_sequence('messages', 'user_id'), 'users.messages'";
    expect(rewriteSql(input, plan)).toEqual({
      edits: [],
      review: [
        { offset: input.indexOf('$$'), name: 'messages', reason: 'old name inside a dollar-quoted string, which is not rewritten' },
        { offset: input.indexOf("'messages'"), name: 'messages', reason: 'string literal equal to an old name' },
        { offset: input.indexOf("'user_id'"), name: 'user_id', reason: 'string literal equal to an old name' },
      ],
    });
  });

  it('reports review offsets as character offsets into the input', () => {
    const input = "select 'żółć 😀' from x where user_id = ";
    const [item] = rewriteSql(input, plan).review;
    expect(item).toEqual({ offset: input.indexOf('user_id'), name: 'user_id', reason: 'column name in SQL that does not parse' });
  });

  it('is idempotent for plans without swaps', () => {
    for (const { input } of cases) {
      const once = applyEdits(input, rewriteSql(input, plan).edits);
      expect(rewriteSql(once, plan).edits).toEqual([]);
    }
  });
});
