/**
 * A declarative schema (`supabase/schemas/*.sql`) rewritten by the run describes the database the forward migration
 * leaves: the project's migrations plus the real forward migration on one PGlite database, the rewritten schema on
 * a fresh one, and the names of their indexes, constraints and sequences must be the same (and the schema as it was
 * must describe the database before the migration, so the fixture is a faithful one).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../../codemods/edits.js';
import { buildMigration } from '../../../codemods/migration/build-migration.js';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import { sqlFileTransform } from '../../../codemods/transforms/sql-file.js';
import { plan } from './plan-fixture.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const MIGRATIONS = path.join(FIXTURES, 'declarative-schema', 'migrations');
const SCHEMA = path.join(FIXTURES, 'declarative-schema.input.sql');

/** Every index, constraint and sequence of the `public` schema, with its table and what it is. */
const CATALOG_NAMES = `
select 'constraint' as kind, conrelid::regclass::text as owner, conname::text as name, contype::text as detail
  from pg_constraint k join pg_namespace n on n.oid = k.connamespace where n.nspname = 'public'
union all
select 'index', tablename::text, indexname::text, '' from pg_indexes where schemaname = 'public'
union all
select 'sequence', coalesce(d.refobjid::regclass::text, ''), s.relname::text, ''
  from pg_class s join pg_namespace n on n.oid = s.relnamespace
  left join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
  where s.relkind = 'S' and n.nspname = 'public'
order by 1, 2, 3`;

/** The names after running `sql` on an emptied database (one PGlite for the whole test: each costs seconds). */
async function getCatalogNames(db: PGlite, sql: readonly string[]): Promise<string[]> {
  await db.exec('drop schema if exists public cascade; drop schema if exists drizzle_schema_rename cascade; create schema public;');
  for (const text of sql) await db.exec(text);
  const { rows } = await db.query<{ kind: string; owner: string; name: string; detail: string }>(CATALOG_NAMES);
  return rows.map((row) => `${row.kind} ${row.owner} ${row.name} ${row.detail}`.trim());
}

beforeAll(async () => {
  await ensureSqlReady();
});

describe('declarative schema after the rename', () => {
  it('creates the index, constraint and sequence names the forward migration leaves', async () => {
    const sources = fs
      .readdirSync(MIGRATIONS)
      .sort()
      .map((file) => ({ path: `supabase/migrations/${file}`, source: fs.readFileSync(path.join(MIGRATIONS, file), 'utf8') }));
    const migrations = sources.map((file) => file.source);
    const schema = fs.readFileSync(SCHEMA, 'utf8');
    const result = sqlFileTransform({ source: schema, path: 'supabase/schemas/schema.sql', plan });
    expect(result.review).toEqual([]);
    const rewritten = applyEdits(schema, result.edits);
    const forward = buildMigration(plan, { migrationSources: sources, existingFileNames: [], now: new Date('2026-12-01T00:00:00Z') }).forward.sql;

    const db = new PGlite();
    let before: string[], migrated: string[];
    try {
      before = await getCatalogNames(db, migrations);
      expect(await getCatalogNames(db, [schema])).toEqual(before);
      migrated = await getCatalogNames(db, [...migrations, forward]);
      expect(await getCatalogNames(db, [rewritten])).toEqual(migrated);
    } finally {
      await db.close();
    }
    // The migration did rename embedded names, and the other table's constraints kept theirs.
    expect(migrated).toEqual(expect.arrayContaining(['index comms_messages idx_comms_messages_created_at', 'sequence comms_messages comms_messages_id_seq']));
    expect(migrated).toContain('constraint reactions reactions_messages_emoji_key u');
    expect(migrated.filter((name) => !before.includes(name)).length).toBeGreaterThanOrEqual(8);
  });
});
