/**
 * Catalog lookups keep finding the same rows after the migration: the real migration writer renames tables,
 * columns and the index and constraint names that embed them, and the SQL rewriter renames the literals that
 * test files compare with catalog name columns (`information_schema.columns.table_name`, `pg_indexes.indexname`,
 * …), both from one plan. Each query returns what does not change with the rename (counts, types, kinds), so its
 * rows before the migration equal the rewritten query's rows after it.
 */
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../../codemods/edits.js';
import { buildMigration } from '../../../codemods/migration/build-migration.js';
import { buildPlan } from '../../../codemods/plan.js';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import { rewriteSql } from '../../../codemods/sql/rewrite-sql.js';

const schemaSql = `
create table users (id serial primary key, "isAdmin" boolean not null default false);
create table notes (
  id integer primary key generated always as identity,
  "userId" integer not null constraint "notes_userId_fkey" references users (id),
  body text constraint notes_body_key unique
);
create index "notes_userId_idx" on notes ("userId");
alter table notes enable row level security;
create policy notes_owner on notes using ("userId" = 1);
create table recordings (id serial primary key, call_id integer not null);
create index recordings_call_id_idx on recordings (call_id);
`;

/** Catalog queries as a team writes them in tests, one per statement. */
const queries = `
select column_name is not null as found, data_type from information_schema.columns
  where table_schema = 'public' and table_name = 'notes' and column_name in ('userId', 'body') order by data_type;
select count(*)::int from information_schema.columns where table_name = 'users' and column_name = 'isAdmin';
select cmd from pg_policies where tablename = 'notes';
select count(*)::int from pg_tables where schemaname = 'public' and tablename in ('notes', 'users');
select count(*)::int from pg_indexes where tablename = 'notes' and indexname = 'notes_userId_idx';
select count(*)::int from pg_indexes where indexname = 'recordings_call_id_idx';
select tc.constraint_type from information_schema.table_constraints tc
  join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_name = 'notes'
  where tc.table_name = 'notes' and kcu.column_name = 'userId' order by 1;
select count(*)::int from information_schema.referential_constraints rc where rc.constraint_name = 'notes_userId_fkey';
select relkind from pg_class where relname = any (array['notes_pkey', 'notes_body_key']) order by 1;
select attnotnull from pg_attribute where attrelid = 'notes'::regclass and attname = 'userId';
select contype from pg_constraint where conrelid = 'notes'::regclass and conname = 'notes_userId_fkey';
`;

const plan = buildPlan(
  {
    tables: [{ schema: null, from: 'notes', to: 'user_notes', source: 'test' }],
    columns: [
      { schema: null, table: 'users', from: 'isAdmin', to: 'is_admin', source: 'test' },
      { schema: null, table: 'notes', from: 'userId', to: 'user_id', source: 'test' },
      // The new name holds the old one: a re-run must not rename the index twice.
      { schema: null, table: 'recordings', from: 'call_id', to: 'source_call_id', source: 'test' },
    ],
  },
  { knownTables: new Set() },
);

async function runQueries(db: PGlite, file: string): Promise<Array<[string, unknown[]]>> {
  const results: Array<[string, unknown[]]> = [];
  for (const statement of file.split(';').map((part) => part.trim()).filter(Boolean)) {
    const { rows } = await db.query<Record<string, unknown>>(statement);
    results.push([statement, rows.map((row) => Object.values(row))]);
  }
  return results;
}

beforeAll(async () => {
  await ensureSqlReady();
});

describe('catalog lookups after the migration', () => {
  it('every rewritten lookup returns the rows the original returned before the migration', async () => {
    const db = new PGlite();
    try {
      await db.exec(schemaSql);
      const before = await runQueries(db, queries);
      // Every lookup finds something, so equal rows afterwards mean the same objects were found.
      expect(before.filter(([, rows]) => rows.length === 0 || JSON.stringify(rows) === '[[0]]')).toEqual([]);

      const result = rewriteSql(queries, plan);
      const rewritten = applyEdits(queries, result.edits);
      expect(result.review).toEqual([]);
      expect(rewriteSql(rewritten, plan).edits).toEqual([]);
      expect(rewritten).toContain("indexname = 'recordings_source_call_id_idx'");
      expect(rewritten).toContain("table_name = 'user_notes' and column_name in ('user_id', 'body')");

      const migration = buildMigration(plan, { migrationSources: [], existingFileNames: [], now: new Date('2025-06-01T00:00:00Z') });
      await db.exec(migration.forward.sql);
      const after = await runQueries(db, rewritten);
      expect(after.map(([, rows]) => rows)).toEqual(before.map(([, rows]) => rows));
      // The lookups as they were find other rows now: the rewrite is what keeps them right.
      const unchanged = await runQueries(db, queries);
      expect(unchanged.filter(([, rows], index) => JSON.stringify(rows) !== JSON.stringify(before[index]?.[1])).length).toBeGreaterThan(5);
    } finally {
      await db.close();
    }
  });
});
