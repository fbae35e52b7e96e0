/**
 * The tables that exist, for the planner's checks (unknown table, new name already taken, already renamed), from
 * every source the project has (DESIGN.md "Known tables"); a table the team has is never refused because one source
 * lacks it:
 * - the project's `.sql` files (migrations), replayed statement by statement in path order (`replaySqlRelations`):
 *   an invalid statement is skipped with a `path:line` warning, never a refusal;
 * - the Drizzle schema (`findDrizzleTableNames`, only in files that mention a requested name when names are given);
 * - generated Supabase types: `Database[schema]['Tables' | 'Views']` keys (`getSupabaseTypeTables`, only in files
 *   that contain `Row` and `Tables`/`Views`);
 * - the code's own references to the requested names (`.from('x')`, `FROM x` in SQL: `getTableReferences`).
 * Views are relations too (renaming one is allowed: Postgres's `ALTER TABLE … RENAME` renames views), kept apart from
 * tables because a compatibility view under a table's old name is what a completed rename leaves behind.
 */
import { loadModule } from 'libpg-query';
import { getSupabaseTypeTables } from './known-tables/get-supabase-type-tables.js';
import { getTableReferences } from './known-tables/get-table-references.js';
import { replaySqlRelations } from './known-tables/replay-sql-relations.js';
import type { SourceFile } from './prefilter.js';

export type FindDrizzleTableNames = (source: string, path: string) => Array<{ schema: string; name: string; variableName?: string | null }>;

/** What each source says; every name is `schema.name`. */
export interface TableSources {
  /** Tables as the project's `.sql` files leave them (the database once every migration has run). */
  readonly inSql: ReadonlySet<string>;
  /** Tables and views of the `.sql` files that are not applied migrations (a `schema.sql`): code, rewritten by the run. */
  readonly inSqlFiles: ReadonlySet<string>;
  /** Views and materialized views the `.sql` files leave. */
  readonly sqlViews: ReadonlySet<string>;
  /** Net renames the `.sql` files perform: the name a table had when they first name it → its final name. */
  readonly sqlTableRenames: ReadonlyMap<string, string>;
  /** Column renames the `.sql` files already perform: `schema.table.from>to`, table as named there. */
  readonly sqlColumnRenames: ReadonlySet<string>;
  /** Tables the Drizzle schema declares. */
  readonly inCode: ReadonlySet<string>;
  /** The variables the Drizzle schema assigns its tables to (`export const targets = pgTable('targets', …)`), by `schema.name`. */
  readonly codeExports: ReadonlyMap<string, ReadonlySet<string>>;
  /** Tables of the generated Supabase types. */
  readonly inTypes: ReadonlySet<string>;
  /** Views of the generated Supabase types. */
  readonly typeViews: ReadonlySet<string>;
  /** Columns (`Row` keys) of the generated types' tables and views, by `schema.name`. */
  readonly typeColumns: ReadonlyMap<string, ReadonlySet<string>>;
  /** Requested names the code references as tables: `schema.name` → `path:line` of the first reference. */
  readonly referenced: ReadonlyMap<string, string>;
  /** Requested names no source knows and no file references, but some file mentions: name → `path:line`. */
  readonly mentioned: ReadonlyMap<string, string>;
}

export interface KnownTables extends TableSources {
  /** `schema.name`: every table and view of every source above. */
  readonly tables: Set<string>;
  readonly warnings: string[];
}

/** A file that imports a drizzle-orm core module: the only files `findDrizzleTableNames` can find tables in. */
const DRIZZLE_CORE_IMPORT = /drizzle-orm\/[a-z]+-core/;

/**
 * `tableNames`: the names the requests mention. When given, only Drizzle files containing one of them (as a substring)
 * are parsed: a table declaration contains its name, so the answer to "does this table exist in code" is the same, at
 * a fraction of the parsing on a large repository (typo suggestions then draw on fewer code tables); and the code's
 * references are searched for them (absent: no references are searched).
 */
export async function getKnownTables(
  files: readonly SourceFile[],
  findDrizzleTableNames: FindDrizzleTableNames | null,
  tableNames?: readonly string[],
): Promise<KnownTables> {
  const replayed = files.filter((file) => file.kind === 'sql' && /\b(?:table|view)\b/i.test(file.source) && isReplayedSqlFile(file));
  if (replayed.length > 0) await loadModule();
  const sql = replaySqlRelations(replayed);
  const current = replayed.filter((file) => !file.isAppliedMigration);
  const sqlFiles = current.length === 0 ? null : replaySqlRelations(current);
  const warnings = [...sql.warnings];
  const inCode = new Set<string>();
  const codeExports = new Map<string, Set<string>>();
  if (findDrizzleTableNames) {
    for (const file of files) {
      if (file.kind !== 'code' || !DRIZZLE_CORE_IMPORT.test(file.source)) continue;
      if (tableNames && !tableNames.some((name) => file.source.includes(name))) continue;
      try {
        for (const table of findDrizzleTableNames(file.source, file.path)) {
          const key = `${table.schema}.${table.name}`;
          inCode.add(key);
          if (table.variableName) codeExports.set(key, new Set([...(codeExports.get(key) ?? []), table.variableName]));
        }
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'ParseError') throw error;
        warnings.push(`${file.path}: does not parse, its Drizzle tables are not known (${error.message})`);
      }
    }
  }
  const inTypes = new Set<string>();
  const typeViews = new Set<string>();
  const typeColumns = new Map<string, Set<string>>();
  for (const file of files) {
    if (file.kind !== 'code') continue;
    for (const relation of getSupabaseTypeTables(file.source)) {
      const key = `${relation.schema}.${relation.name}`;
      (relation.kind === 'table' ? inTypes : typeViews).add(key);
      typeColumns.set(key, new Set([...(typeColumns.get(key) ?? []), ...relation.columns]));
    }
  }
  const declared = new Set([...sql.tables, ...sql.views, ...inCode, ...inTypes, ...typeViews]);
  const unknownNames = (tableNames ?? []).filter((name) => ![...declared].some((key) => key.endsWith(`.${name}`)));
  const { referenced, mentioned } = getTableReferences(files, unknownNames);
  return {
    tables: new Set([...declared, ...referenced.keys()]),
    inSql: sql.tables,
    inSqlFiles: new Set([...(sqlFiles?.tables ?? []), ...(sqlFiles?.views ?? [])]),
    sqlViews: sql.views,
    sqlTableRenames: sql.renames,
    sqlColumnRenames: sql.columnRenames,
    inCode,
    codeExports,
    inTypes,
    typeViews,
    typeColumns,
    referenced,
    mentioned,
    warnings,
  };
}

/**
 * Whether a `.sql` file's statements describe the database, so replaying it tells which tables exist: applied
 * migrations (as the project's migration tool applies them, see `discover.ts`) and `.sql` files outside every
 * migrations folder (a `schema.sql`). Never the files a tool does not apply: a `rollbacks/` subfolder, and the
 * `rollback_…` and `cleanup_…` scripts this codemod writes next to its forward migration.
 */
export function isReplayedSqlFile(file: Pick<SourceFile, 'isReplayed'>): boolean {
  return file.isReplayed;
}
