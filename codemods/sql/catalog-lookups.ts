/**
 * Catalog lookups in tests and checks: a string literal compared (`=`, `<>`, `IN (…)`, `= ANY (ARRAY[…])`) with
 * a name column of a catalog relation (`information_schema.columns.table_name`, `pg_indexes.indexname`, …) is a
 * table, column, index or constraint name, and is renamed so the query finds the same rows after the migration:
 *
 * - a table name is renamed (in the schema the same condition pins, else `public`);
 * - a column name only when the same AND-group pins its table (`table_name = 'messages' AND column_name IN
 *   ('userId')`, `attrelid = 'messages'::regclass AND attname = 'userId'`); else it is listed;
 * - an index, constraint or sequence name by the migration's word rule, with the pinned table's words, or
 *   without a pinned table those of the renamed table its name starts with (`getEmbeddedRename`);
 * - `pg_class.relname` is a table name when it is one, else an index/constraint/sequence name.
 *
 * Policy and trigger names are never renamed (the migration renames none). Catalog relations are recognized
 * qualified (`information_schema.columns`) or, for `pg_catalog`'s, also unqualified (`pg_indexes`): the
 * catalog schema comes first on the search path.
 */
import { getEmbeddedRename } from './get-embedded-rename.js';
import type { NameLiteral } from './get-embedded-rename.js';
import { replaceNameLiteral } from './replace-name-literal.js';
import type { StatementScope } from './sql-context.js';
import { decide, getTokenIndexAt } from './sql-context.js';
import { isAst, type Ast } from './sql-ast.js';

type Role = 'schema' | 'table' | 'relid' | 'column' | 'embedded' | 'relation';

const DEFAULT_SCHEMA = 'public';
const TABLE_COLUMNS = { table_schema: 'schema', table_name: 'table' } as const;

/** Catalog relations by `schema.name`, with the role of each name column. */
const CATALOG_COLUMNS: Readonly<Record<string, Readonly<Record<string, Role>>>> = {
  'information_schema.tables': TABLE_COLUMNS,
  'information_schema.views': TABLE_COLUMNS,
  'information_schema.columns': { ...TABLE_COLUMNS, column_name: 'column' },
  'information_schema.table_constraints': { ...TABLE_COLUMNS, constraint_name: 'embedded' },
  'information_schema.key_column_usage': { ...TABLE_COLUMNS, column_name: 'column', constraint_name: 'embedded' },
  'information_schema.constraint_column_usage': { ...TABLE_COLUMNS, column_name: 'column', constraint_name: 'embedded' },
  'information_schema.constraint_table_usage': { ...TABLE_COLUMNS, constraint_name: 'embedded' },
  'information_schema.referential_constraints': { constraint_name: 'embedded', unique_constraint_name: 'embedded' },
  'information_schema.check_constraints': { constraint_name: 'embedded' },
  'information_schema.table_privileges': TABLE_COLUMNS,
  'information_schema.role_table_grants': TABLE_COLUMNS,
  'information_schema.column_privileges': { ...TABLE_COLUMNS, column_name: 'column' },
  'information_schema.triggers': { event_object_schema: 'schema', event_object_table: 'table' },
  'information_schema.sequences': { sequence_schema: 'schema', sequence_name: 'embedded' },
  'pg_catalog.pg_tables': { schemaname: 'schema', tablename: 'table' },
  'pg_catalog.pg_policies': { schemaname: 'schema', tablename: 'table' },
  'pg_catalog.pg_views': { schemaname: 'schema', viewname: 'table' },
  'pg_catalog.pg_matviews': { schemaname: 'schema', matviewname: 'table' },
  'pg_catalog.pg_indexes': { schemaname: 'schema', tablename: 'table', indexname: 'embedded' },
  'pg_catalog.pg_sequences': { schemaname: 'schema', sequencename: 'embedded' },
  'pg_catalog.pg_stat_user_tables': { schemaname: 'schema', relname: 'table' },
  'pg_catalog.pg_stat_all_tables': { schemaname: 'schema', relname: 'table' },
  'pg_catalog.pg_class': { relname: 'relation' },
  'pg_catalog.pg_attribute': { attrelid: 'relid', attname: 'column' },
  'pg_catalog.pg_constraint': { conrelid: 'relid', conname: 'embedded' },
  'pg_catalog.pg_trigger': { tgrelid: 'relid' },
  'pg_catalog.pg_index': { indrelid: 'relid' },
};

/** What a FROM item of the statement is, as the resolver knows it (an unqualified name has schema `public`). */
interface FromRelation {
  readonly alias: string | null;
  readonly schema: string | null;
  readonly table: string | null;
}

interface Catalog {
  readonly relation: FromRelation;
  readonly name: string;
  readonly columns: Readonly<Record<string, Role>>;
}

interface Comparison {
  readonly catalog: Catalog;
  readonly column: string;
  readonly role: Role;
  readonly literals: readonly NameLiteral[];
  /** A top-level AND condition with one value: it pins the row's schema or table. */
  readonly pins: boolean;
}


function getList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function getString(value: unknown): string | null {
  return isAst(value) && isAst(value.String) && typeof value.String.sval === 'string' ? value.String.sval : null;
}

function getCatalog(relation: FromRelation): Catalog | null {
  if (relation.table === null || relation.schema === null) return null;
  const schema = relation.schema === DEFAULT_SCHEMA && relation.table.startsWith('pg_') ? 'pg_catalog' : relation.schema;
  const name = `${schema}.${relation.table}`;
  const columns = CATALOG_COLUMNS[name];
  return columns ? { relation, name, columns } : null;
}

/** The string literal of `'x'`, `'x'::name`, `'x'::regclass::oid`, or null. */
function getLiteral(node: unknown): NameLiteral | null {
  if (!isAst(node)) return null;
  if (isAst(node.TypeCast)) return getLiteral(node.TypeCast.arg);
  if (isAst(node.A_Const) && isAst(node.A_Const.sval) && typeof node.A_Const.sval.sval === 'string') {
    return { value: node.A_Const.sval.sval, location: node.A_Const.location };
  }
  return null;
}

/** The literals of a comparison's value side: one, an `IN` list, or an `ANY (ARRAY[…])`; null when any is not one. */
function getLiterals(node: unknown): NameLiteral[] | null {
  const items = isAst(node) && isAst(node.List) ? getList(node.List.items) : isAst(node) && isAst(node.A_ArrayExpr) ? getList(node.A_ArrayExpr.elements) : [node];
  const literals = items.map(getLiteral);
  return literals.every((literal) => literal !== null) ? (literals as NameLiteral[]) : null;
}

function findCatalog(catalogs: readonly Catalog[], ref: unknown): { catalog: Catalog; column: string } | null {
  if (!isAst(ref) || !isAst(ref.ColumnRef)) return null;
  const names = getList(ref.ColumnRef.fields).map(getString);
  const column = names[names.length - 1];
  if (column === null || column === undefined) return null;
  const qualifier = names.length >= 2 ? names[names.length - 2] : null;
  const matches = catalogs.filter((catalog) =>
    qualifier === null || qualifier === undefined
      ? column in catalog.columns
      : (catalog.relation.alias ?? catalog.relation.table) === qualifier && column in catalog.columns,
  );
  const [only] = matches;
  return matches.length === 1 && only ? { catalog: only, column } : null;
}

const OPERATORS = new Set(['=', '<>', '!=']);

function getComparison(catalogs: readonly Catalog[], expr: Ast, topLevel: boolean): Comparison | null {
  const operator = getString(getList(expr.name)[0]);
  const kind = expr.kind;
  if (operator === null || !OPERATORS.has(operator) || !(kind === 'AEXPR_OP' || kind === 'AEXPR_IN' || kind === 'AEXPR_OP_ANY')) return null;
  for (const [side, other] of [
    [expr.lexpr, expr.rexpr],
    [expr.rexpr, expr.lexpr],
  ] as const) {
    const found = findCatalog(catalogs, side);
    const literals = found ? getLiterals(other) : null;
    const role = found ? found.catalog.columns[found.column] : undefined;
    if (!found || !literals || role === undefined) continue;
    return { ...found, role, literals, pins: topLevel && operator === '=' && literals.length === 1 };
  }
  return null;
}

/** Comparisons in a condition; `topLevel` while only ANDs lead to it. */
function collectComparisons(catalogs: readonly Catalog[], node: unknown, topLevel: boolean, out: Comparison[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectComparisons(catalogs, item, topLevel, out);
    return;
  }
  if (!isAst(node)) return;
  if (isAst(node.BoolExpr)) {
    collectComparisons(catalogs, node.BoolExpr.args, topLevel && node.BoolExpr.boolop === 'AND_EXPR', out);
    return;
  }
  if (isAst(node.A_Expr)) {
    const comparison = getComparison(catalogs, node.A_Expr, topLevel);
    if (comparison) {
      out.push(comparison);
      return;
    }
  }
  // Subqueries are statements of their own (the resolver visits them); other expressions only nest.
  if (isAst(node.SubLink)) return;
  for (const child of Object.values(node)) collectComparisons(catalogs, child, false, out);
}

function getJoinConditions(items: unknown[]): unknown[] {
  return items.flatMap((item) => (isAst(item) && isAst(item.JoinExpr) ? [item.JoinExpr.quals, ...getJoinConditions([item.JoinExpr.larg, item.JoinExpr.rarg])] : []));
}

/** The one value the catalog's pinning conditions of `roles` give, else null (none, or several). */
function getPin(comparisons: readonly Comparison[], catalog: Catalog, roles: readonly Role[]): string | null {
  const values = new Set(comparisons.filter((c) => c.catalog === catalog && c.pins && roles.includes(c.role)).map((c) => c.literals[0]?.value));
  const [only] = values;
  return values.size === 1 && only !== undefined ? only : null;
}

/** `'messages'` or `'public.messages'` of a regclass pin: schema and table (unquoted names only). */
function parseRelid(value: string): { schema: string | null; table: string } {
  const parts = value.split('.');
  return parts.length === 2 && parts[0] && parts[1] ? { schema: parts[0], table: parts[1] } : { schema: null, table: value };
}

function review(statement: StatementScope, literal: NameLiteral, reason: string): void {
  const index = getTokenIndexAt(statement, literal.location);
  if (index !== null) decide(statement.ctx, index, { kind: 'review', name: literal.value, reason });
}

/** A name the catalog lookup reads and the plan leaves as it is (decisions are first-wins: after any review). */
function keep(statement: StatementScope, literal: NameLiteral): void {
  const index = getTokenIndexAt(statement, literal.location);
  if (index !== null) decide(statement.ctx, index, { kind: 'keep' });
}

export function rewriteCatalogLookups(statement: StatementScope, relations: readonly FromRelation[], fromClause: unknown, whereClause: unknown): void {
  const catalogs = relations.map(getCatalog).filter((catalog) => catalog !== null);
  if (catalogs.length === 0) return;
  const comparisons: Comparison[] = [];
  collectComparisons(catalogs, [whereClause, ...getJoinConditions(getList(fromClause))], true, comparisons);
  const { lookup } = statement.ctx;
  for (const comparison of comparisons) {
    const { catalog, role } = comparison;
    if (role === 'schema' || role === 'relid') continue;
    const relid = getPin(comparisons, catalog, ['relid']);
    const pinnedRelid = relid === null ? null : parseRelid(relid);
    const schema = getPin(comparisons, catalog, ['schema']) ?? pinnedRelid?.schema ?? DEFAULT_SCHEMA;
    const table = getPin(comparisons, catalog, ['table']) ?? pinnedRelid?.table ?? null;
    const where = `${catalog.name}.${comparison.column}`;
    for (const literal of comparison.literals) {
      const renamedTable = role === 'table' || role === 'relation' ? lookup.getTable(schema, literal.value)?.to : undefined;
      if (renamedTable !== undefined) {
        replaceNameLiteral(statement, literal.location, literal.value, renamedTable);
      } else if (role === 'column') {
        const to = table === null ? undefined : lookup.getColumns(schema, table).get(literal.value);
        if (to !== undefined) replaceNameLiteral(statement, literal.location, literal.value, to);
        else if (table === null && lookup.columnNames.has(literal.value)) {
          review(statement, literal, `${where} compared with a renamed column's old name, but no condition of the same AND-group pins its table: rename it by hand if it is that column`);
        } else keep(statement, literal);
      } else if (role === 'embedded' || role === 'relation') {
        const renamed = getEmbeddedRename(statement, where, schema, role === 'embedded' ? table : null, literal);
        if (renamed !== null) replaceNameLiteral(statement, literal.location, literal.value, renamed);
        else keep(statement, literal);
      } else keep(statement, literal);
    }
  }
}
