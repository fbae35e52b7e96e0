/**
 * The tables that exist, for the planner's checks (unknown table, new name already taken).
 * Source: `CREATE TABLE` / `ALTER TABLE … RENAME TO` / `DROP TABLE` in the project's `.sql` files,
 * replayed in path order (migrations are numbered), parsed with libpg-query; plus, when the
 * Drizzle schema transform provides it, the tables declared in code (`findDrizzleTableNames`).
 * A file that does not parse falls back to a `CREATE TABLE` pattern search and adds a warning.
 */
import { loadModule, parseSync } from 'libpg-query';
import type { SourceFile } from './prefilter.js';

export type FindDrizzleTableNames = (source: string, path: string) => Array<{ schema: string; name: string }>;

export interface KnownTables {
  /** `schema.table`: the union of both sources below. */
  readonly tables: Set<string>;
  /** Tables as the project's `.sql` files leave them (the database once every migration has run). */
  readonly inSql: Set<string>;
  /** Tables the Drizzle schema declares. */
  readonly inCode: Set<string>;
  /** Column renames the `.sql` files already perform: `schema.table.from>to`, table as named there. */
  readonly sqlColumnRenames: Set<string>;
  readonly warnings: string[];
}

interface RangeVar {
  readonly schemaname?: string;
  readonly relname?: string;
}

/** A file that imports a drizzle-orm core module: the only files `findDrizzleTableNames` can find tables in. */
const DRIZZLE_CORE_IMPORT = /drizzle-orm\/[a-z]+-core/;

/**
 * `tableNames`: when given, only Drizzle files containing one of these names (as a substring) are parsed: a table
 * declaration contains its name, so the answer to "does this table exist in code" is the same, at a fraction of
 * the parsing on a large repository (typo suggestions then draw on fewer code tables).
 */
export async function getKnownTables(
  files: readonly SourceFile[],
  findDrizzleTableNames: FindDrizzleTableNames | null,
  tableNames?: readonly string[],
): Promise<KnownTables> {
  await loadModule();
  const inSql = new Set<string>();
  const inCode = new Set<string>();
  const sqlColumnRenames = new Set<string>();
  const warnings: string[] = [];
  for (const file of files) {
    if (file.kind !== 'sql' || !/\btable\b/i.test(file.source) || !isReplayedSqlFile(file)) continue;
    try {
      applySqlStatements(file.source, inSql, sqlColumnRenames);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'SqlError') throw error;
      for (const name of getCreatedTablesByPattern(file.source)) inSql.add(name);
      warnings.push(`${file.path}: SQL does not parse (${error.message}); table names taken from CREATE TABLE by pattern`);
    }
  }
  if (findDrizzleTableNames) {
    for (const file of files) {
      if (file.kind !== 'code' || !DRIZZLE_CORE_IMPORT.test(file.source)) continue;
      if (tableNames && !tableNames.some((name) => file.source.includes(name))) continue;
      try {
        for (const table of findDrizzleTableNames(file.source, file.path)) inCode.add(`${table.schema}.${table.name}`);
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'ParseError') throw error;
        warnings.push(`${file.path}: does not parse, its Drizzle tables are not known (${error.message})`);
      }
    }
  }
  return { tables: new Set([...inSql, ...inCode]), inSql, inCode, sqlColumnRenames, warnings };
}

function applySqlStatements(sql: string, tables: Set<string>, columnRenames: Set<string>): void {
  for (const { stmt } of parseSync(sql).stmts ?? []) {
    const node = stmt as Record<string, unknown> | undefined;
    if (!node) continue;
    const create = node.CreateStmt as { relation?: RangeVar } | undefined;
    if (create?.relation?.relname) tables.add(getQualified(create.relation));
    const createAs = node.CreateTableAsStmt as { into?: { rel?: RangeVar }; objtype?: string } | undefined;
    if (createAs?.objtype === 'OBJECT_TABLE' && createAs.into?.rel?.relname) tables.add(getQualified(createAs.into.rel));
    const rename = node.RenameStmt as { renameType?: string; relation?: RangeVar; subname?: string; newname?: string } | undefined;
    if (rename?.renameType === 'OBJECT_COLUMN' && rename.relation?.relname && rename.subname && rename.newname) {
      columnRenames.add(`${getQualified(rename.relation)}.${rename.subname}>${rename.newname}`);
    }
    if (rename?.renameType === 'OBJECT_TABLE' && rename.relation?.relname && rename.newname) {
      const before = getQualified(rename.relation);
      if (tables.delete(before)) tables.add(`${before.slice(0, before.indexOf('.'))}.${rename.newname}`);
    }
    const drop = node.DropStmt as { removeType?: string; objects?: Array<{ List?: { items?: Array<{ String?: { sval?: string } }> } }> } | undefined;
    if (drop?.removeType === 'OBJECT_TABLE') {
      for (const object of drop.objects ?? []) {
        const parts = (object.List?.items ?? []).map((item) => item.String?.sval ?? '');
        const name = parts.at(-1);
        if (name) tables.delete(`${parts.length > 1 ? parts.at(-2) : 'public'}.${name}`);
      }
    }
  }
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

function getQualified(relation: RangeVar): string {
  return `${relation.schemaname ?? 'public'}.${relation.relname ?? ''}`;
}

function getCreatedTablesByPattern(sql: string): string[] {
  const identifier = String.raw`(?:"((?:[^"]|"")+)"|([A-Za-z_][\w$]*))`;
  const pattern = new RegExp(String.raw`\bcreate\s+(?:(?:global\s+|local\s+)?(?:temp|temporary)\s+|unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${identifier}(?:\s*\.\s*${identifier})?`, 'gi');
  const names: string[] = [];
  for (const match of sql.matchAll(pattern)) {
    const first = match[1]?.replaceAll('""', '"') ?? match[2]?.toLowerCase();
    const second = match[3]?.replaceAll('""', '"') ?? match[4]?.toLowerCase();
    if (first === undefined) continue;
    names.push(second === undefined ? `public.${first}` : `${first}.${second}`);
  }
  return names;
}
