/**
 * Replay the relation-level DDL of SQL files, statement by statement (`parseSqlStatements`), into what the database
 * has once they all ran: tables and views (`CREATE`, `ALTER … RENAME TO`, `ALTER … SET SCHEMA`, `DROP`), the net
 * table renames they perform, and their column renames.
 *
 * A statement that does not parse costs that statement only (a `path:line` warning); when it is a `CREATE TABLE`
 * its name is still taken by pattern, so a table whose definition uses syntax libpg-query lacks stays known.
 * A statement on a table no statement created (a table made in the Supabase dashboard: `ALTER TABLE x ENABLE ROW
 * LEVEL SECURITY`, `CREATE INDEX … ON x`, `CREATE POLICY … ON x`, a trigger, a rename) is still a fact about the
 * database: the table exists from then on (under its new name after a rename).
 * Requires libpg-query's module to be loaded (`loadModule()`).
 */
import { parseSqlStatements } from '../sql/parse-statements.js';

export interface SqlRelations {
  /** `schema.table` of every (non-temporary) table. */
  readonly tables: Set<string>;
  /** `schema.view` of every view and materialized view. */
  readonly views: Set<string>;
  /**
   * Net renames: the name a relation had when the files first named it → its name at the end, for those whose name
   * changed (`a→tmp, b→a, tmp→b` is `a→b` and `b→a`). Schema-qualified on both sides.
   */
  readonly renames: Map<string, string>;
  /** `schema.table.from>to` for every `RENAME COLUMN`, the table as the statement names it. */
  readonly columnRenames: Set<string>;
  readonly warnings: string[];
}

interface RangeVar {
  readonly schemaname?: string;
  readonly relname?: string;
  readonly relpersistence?: string;
}

interface ReplayState extends SqlRelations {
  /** Current `schema.name` → the name it had when first seen. */
  readonly origins: Map<string, string>;
}

const VIEW_TYPES = new Set(['OBJECT_VIEW', 'OBJECT_MATVIEW']);

/** Replay `files` in the order given (numbered migrations sort by path). */
export function replaySqlRelations(files: ReadonlyArray<{ readonly path: string; readonly source: string }>): SqlRelations {
  const state: ReplayState = { tables: new Set(), views: new Set(), renames: new Map(), columnRenames: new Set(), warnings: [], origins: new Map() };
  for (const file of files) {
    const parsed = parseSqlStatements(file.source, file.path);
    state.warnings.push(...parsed.warnings);
    for (const statement of parsed.statements) {
      if (statement.stmt) applyStatement(state, statement.stmt);
      else for (const name of getCreatedTablesByPattern(statement.text)) addRelation(state, state.tables, name);
    }
  }
  for (const [current, origin] of state.origins) if (current !== origin) state.renames.set(origin, current);
  return { tables: state.tables, views: state.views, renames: state.renames, columnRenames: state.columnRenames, warnings: state.warnings };
}

function applyStatement(state: ReplayState, node: Record<string, unknown>): void {
  const alter = node.AlterTableStmt as { relation?: RangeVar; objtype?: string; missing_ok?: boolean } | undefined;
  const used = [
    alter?.objtype === 'OBJECT_TABLE' && !alter.missing_ok ? alter.relation : undefined,
    (node.IndexStmt as { relation?: RangeVar } | undefined)?.relation,
    (node.CreatePolicyStmt as { table?: RangeVar } | undefined)?.table,
    (node.CreateTrigStmt as { relation?: RangeVar } | undefined)?.relation,
  ];
  for (const relation of used) {
    const key = relation?.relname ? getQualified(relation) : null;
    if (key !== null && !state.tables.has(key) && !state.views.has(key)) addRelation(state, state.tables, key);
  }
  const create = node.CreateStmt as { relation?: RangeVar } | undefined;
  if (create?.relation?.relname && create.relation.relpersistence !== 't') addRelation(state, state.tables, getQualified(create.relation));
  const createAs = node.CreateTableAsStmt as { into?: { rel?: RangeVar }; objtype?: string } | undefined;
  if (createAs?.into?.rel?.relname && createAs.into.rel.relpersistence !== 't') {
    addRelation(state, createAs.objtype === 'OBJECT_MATVIEW' ? state.views : state.tables, getQualified(createAs.into.rel));
  }
  const view = node.ViewStmt as { view?: RangeVar } | undefined;
  if (view?.view?.relname && view.view.relpersistence !== 't') addRelation(state, state.views, getQualified(view.view));
  const rename = node.RenameStmt as { renameType?: string; relation?: RangeVar; subname?: string; newname?: string } | undefined;
  if (rename?.renameType === 'OBJECT_COLUMN' && rename.relation?.relname && rename.subname && rename.newname) {
    state.columnRenames.add(`${getQualified(rename.relation)}.${rename.subname}>${rename.newname}`);
  }
  if ((rename?.renameType === 'OBJECT_TABLE' || VIEW_TYPES.has(rename?.renameType ?? '')) && rename?.relation?.relname && rename.newname) {
    const before = getQualified(rename.relation);
    moveRelation(state, before, `${before.slice(0, before.indexOf('.'))}.${rename.newname}`, rename.renameType === 'OBJECT_TABLE' ? 'table' : 'view');
  }
  const move = node.AlterObjectSchemaStmt as { objectType?: string; relation?: RangeVar; newschema?: string } | undefined;
  if ((move?.objectType === 'OBJECT_TABLE' || VIEW_TYPES.has(move?.objectType ?? '')) && move?.relation?.relname && move.newschema) {
    moveRelation(state, getQualified(move.relation), `${move.newschema}.${move.relation.relname}`, move.objectType === 'OBJECT_TABLE' ? 'table' : 'view');
  }
  const drop = node.DropStmt as { removeType?: string; objects?: Array<{ List?: { items?: Array<{ String?: { sval?: string } }> } }> } | undefined;
  if (drop?.removeType === 'OBJECT_TABLE' || VIEW_TYPES.has(drop?.removeType ?? '')) {
    const relations = drop?.removeType === 'OBJECT_TABLE' ? state.tables : state.views;
    for (const object of drop?.objects ?? []) {
      const parts = (object.List?.items ?? []).map((item) => item.String?.sval ?? '');
      const name = parts.at(-1);
      if (!name) continue;
      const key = `${parts.length > 1 ? parts.at(-2) : 'public'}.${name}`;
      relations.delete(key);
      state.origins.delete(key);
    }
  }
}

function addRelation(state: ReplayState, relations: Set<string>, key: string): void {
  relations.add(key);
  state.origins.set(key, key);
}

/**
 * `ALTER TABLE` renames views too (Postgres allows it), so the relation moves in whichever set holds it; one that
 * no statement created is taken as `kind` (what the statement says it is).
 */
function moveRelation(state: ReplayState, before: string, after: string, kind: 'table' | 'view'): void {
  const relations = state.views.has(before) && !state.tables.has(before) ? state.views : state.tables.has(before) ? state.tables : kind === 'table' ? state.tables : state.views;
  relations.delete(before);
  relations.add(after);
  const origin = state.origins.get(before) ?? before;
  state.origins.delete(before);
  state.origins.set(after, origin);
}

function getQualified(relation: RangeVar): string {
  return `${relation.schemaname ?? 'public'}.${relation.relname ?? ''}`;
}

/** `CREATE TABLE [IF NOT EXISTS] name` in a statement that does not parse. */
function getCreatedTablesByPattern(sql: string): string[] {
  const identifier = String.raw`(?:"((?:[^"]|"")+)"|([A-Za-z_][\w$]*))`;
  const pattern = new RegExp(String.raw`^\s*create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${identifier}(?:\s*\.\s*${identifier})?`, 'i');
  const match = pattern.exec(sql);
  if (!match) return [];
  const first = match[1]?.replaceAll('""', '"') ?? match[2]?.toLowerCase();
  const second = match[3]?.replaceAll('""', '"') ?? match[4]?.toLowerCase();
  if (first === undefined) return [];
  return [second === undefined ? `public.${first}` : `${first}.${second}`];
}
