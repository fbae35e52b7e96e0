import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMigration } from '../../../codemods/migration/build-migration.js';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import type { RenamePlan } from '../../../codemods/types.js';
import { getCatalogSnapshot, getRows } from './catalog-snapshot.js';

const schema = `
create table a (id int primary key, a_value text not null);
create table b (id int primary key, a_id int references a (id), "bValue" text not null);
create table c_other (id int primary key);
insert into a values (1, 'a1'), (2, 'a2');
insert into b values (10, 1, 'b10');
create function count_a() returns bigint language sql as $$ select count(*) from a $$;
`;

const options = { migrationSources: [{ path: 'm/0000_init.sql', source: schema }], existingFileNames: ['0000_init.sql'] };

/** a ↔ b through a temporary name, plus a column rename of (old) b, named by its final name. */
const swap: RenamePlan = {
  tables: [
    { from: 'a', to: 'b', schema: 'public' },
    { from: 'b', to: 'a', schema: 'public' },
  ],
  columns: [{ table: 'b', from: 'bValue', to: 'b_value', schema: 'public' }],
  steps: [
    { kind: 'table', schema: 'public', from: 'a', to: 'a__tmp_rename' },
    { kind: 'table', schema: 'public', from: 'b', to: 'a' },
    { kind: 'table', schema: 'public', from: 'a__tmp_rename', to: 'b' },
    { kind: 'column', schema: 'public', table: 'a', from: 'bValue', to: 'b_value' },
  ],
};

/** a → b and b → c: b moves first, then a takes its name. */
const chain: RenamePlan = {
  tables: [
    { from: 'a', to: 'b', schema: 'public' },
    { from: 'b', to: 'c', schema: 'public' },
  ],
  columns: [],
  steps: [
    { kind: 'table', schema: 'public', from: 'b', to: 'c' },
    { kind: 'table', schema: 'public', from: 'a', to: 'b' },
  ],
};

async function roundTrip(plan: RenamePlan, check: (db: PGlite) => Promise<void>): Promise<string> {
  const db = new PGlite();
  await db.exec(schema);
  const before = await getCatalogSnapshot(db);
  const migration = buildMigration(plan, options);
  await db.exec(migration.forward.sql);
  await check(db);
  await db.exec(migration.rollback.sql);
  expect(await getCatalogSnapshot(db)).toEqual(before);
  await db.close();
  return migration.forward.sql;
}

beforeAll(async () => {
  await ensureSqlReady();
});

describe('swaps and chains', () => {
  it('swaps two tables and back, with no view where the old name is taken', async () => {
    const forward = await roundTrip(swap, async (db) => {
      expect(await getRows(db, 'b')).toEqual([
        [1, 'a1'],
        [2, 'a2'],
      ]);
      expect(await getRows(db, 'a')).toEqual([[10, 1, 'b10']]);
      expect((await db.query('select b_value from a')).rows).toEqual([{ b_value: 'b10' }]);
      expect((await db.query('select count_a() as n')).rows).toEqual([{ n: 2 }]);
    });
    expect(forward).toContain('-- No compatibility view for "public"."a": that name now belongs to another renamed table.');
    expect(forward).not.toContain('CREATE VIEW');
    expect(forward).toContain('ALTER TABLE "public"."a" RENAME COLUMN "bValue" TO "b_value";');
    expect(forward).toContain('create OR REPLACE function count_a() returns bigint language sql as $$ select count(*) from b $$;');
  });

  it('applies a chain in order and back, with a view only for the freed name', async () => {
    const forward = await roundTrip(chain, async (db) => {
      expect(await getRows(db, 'b')).toEqual([
        [1, 'a1'],
        [2, 'a2'],
      ]);
      expect(await getRows(db, 'c')).toEqual([[10, 1, 'b10']]);
      expect(await getRows(db, 'a')).toEqual([
        [1, 'a1'],
        [2, 'a2'],
      ]);
    });
    expect(forward.split('\n').filter((line) => line.startsWith('ALTER') || line.startsWith('CREATE VIEW'))).toEqual([
      'ALTER TABLE "public"."b" RENAME TO "c";',
      'ALTER TABLE "public"."a" RENAME TO "b";',
      'CREATE VIEW "public"."a" WITH (security_invoker = true) AS SELECT * FROM "public"."b";',
    ]);
  });
});
