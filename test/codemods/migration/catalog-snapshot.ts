import type { PGlite } from '@electric-sql/pglite';

/** What a rename may touch in the catalog of schema `public`, for before/after comparisons. */
export async function getCatalogSnapshot(db: PGlite): Promise<Record<string, unknown[]>> {
  const queries: Record<string, string> = {
    columns: `select table_name, column_name, ordinal_position, data_type, column_default, is_nullable
              from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
    relations: `select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' order by c.relname`,
    functions: `select p.proname, pg_get_function_identity_arguments(p.oid) as args, p.prosrc from pg_proc p
                join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' order by p.proname`,
    indexes: `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`,
    constraints: `select conrelid::regclass::text as rel, conname, pg_get_constraintdef(oid) as def from pg_constraint
                  where connamespace = 'public'::regnamespace order by conname`,
    sequences: `select s.relname as sequence, t.relname as owner, a.attname as column from pg_class s
                join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
                join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
                where s.relkind = 'S' and s.relnamespace = 'public'::regnamespace order by s.relname`,
    schemas: `select nspname from pg_namespace where nspname not like 'pg\\_%' order by nspname`,
    policies: `select tablename, policyname, qual from pg_policies where schemaname = 'public' order by policyname`,
  };
  const snapshot: Record<string, unknown[]> = {};
  for (const [key, sql] of Object.entries(queries)) snapshot[key] = (await db.query(sql)).rows;
  return snapshot;
}

/** Every row of `table`, ordered by id, as value arrays (column names may differ after a rename). */
export async function getRows(db: PGlite, table: string): Promise<unknown[][]> {
  const { rows } = await db.query<Record<string, unknown>>(`select * from ${table} order by id`);
  return rows.map((row) => Object.values(row));
}
