/**
 * Turn rename requests into a validated `RenamePlan`.
 *
 * Semantics:
 * - All renames are simultaneous: each `from` names an object as it is before the run, so
 *   `a→b, b→a` is a swap and `a→b, b→c` moves b to c and a to b.
 * - A column rename may name its table by the old or the new name; it is normalized to the old
 *   name (`ColumnRename.table`). When a name is both (a swap), the old name wins.
 * - `steps` is the database order: every table step first, then every column step, and column steps
 *   name the table by its FINAL name (the tables are already renamed when they run). Within each
 *   schema (tables) or table (columns), chains run back to front and cycles go through a temporary
 *   name `<name>__tmp_rename` (shortened to stay within 63 bytes, suffixed when taken).
 * - Refused, all at once in one `UsageError`: empty names, invalid or too long NEW names, a rename to itself, one
 *   old name renamed to two new names, two old names renamed to one new name, a new table name that is an existing
 *   table or view not renamed away in the same plan, and — when `knownTables` is not empty — a table (or a column's
 *   table) that no source knows and no file references (a typo must not silently do nothing; with a did-you-mean;
 *   checked when `knownTables` is not empty).
 *   Old names are existing names (DESIGN.md): whatever the database has (`ssh-key`, `Odd`) is accepted.
 * - Known tables come from every source (`getKnownTables`): a table only the code references (`.from('x')`) is
 *   renamed with a warning; a view is renamed as a relation (with a warning).
 * - Re-runs, with `sources`:
 *   - a collision is both names in the SAME source (a run interrupted after some schema files were written can be
 *     resumed: the code has the new name, the migrations the old); a view under the old name beside a table under
 *     the new one is what a completed rename leaves (its compatibility view), never a collision;
 *   - a rename the `.sql` files already perform (their net renames take the old name to the new one, or they leave
 *     the new table and not the old; a column's `RENAME COLUMN` is in them) is listed in `migrated`: the code is
 *     still rewritten (a no-op when it already was), the steps (and so the migration) leave it out;
 *   - a chain or swap (a→b→c, a↔b) names tables that exist after it ran too, so it is recognized as done only when
 *     the migrations perform it, or for a chain when its first old name is gone from every source; then only the
 *     unambiguous renames (a chain's first one) stay in the plan, the others are left out with a warning (running
 *     them again would rename the new tables a second time);
 *   - `isAppliedInCode`: every rename is already done in the code's sources (Drizzle schema, generated types, the
 *     code's references; not the migrations, which say what the database had); with no file changed and no
 *     migration written, the run is a no-op.
 * - Column names are not known to the planner (except from the generated types), so a new column name that collides
 *   with an existing, un-renamed column is caught by Postgres when the migration runs (inside its transaction).
 */
import { getExistingNameProblem, getIdentifierProblem, MAX_IDENTIFIER_BYTES } from '../naming/identifiers.js';
import type { TableSources } from './known-tables.js';
import type { ColumnRenameRequest, RenameRequests, TableRenameRequest } from './manifest.js';
import type { ColumnRename, RenamePlan, RenameStep, TableRename } from './types.js';
import { UsageError } from './types.js';

export interface PlanOptions {
  /** Tables that exist: `schema.table`, or a plain name for a table in `public`. Empty and no `sources`: not checked. */
  readonly knownTables: ReadonlySet<string>;
  /** Where the known tables come from (see `getKnownTables`); enables the re-run rules above. Absent fields: empty. */
  readonly sources?: Partial<TableSources>;
}

export const DEFAULT_SCHEMA = 'public';
export const TEMPORARY_SUFFIX = '__tmp_rename';

interface Sourced<T> {
  readonly value: T;
  readonly source: string;
}

interface RelationSource {
  readonly label: string;
  readonly tables: ReadonlySet<string>;
  readonly views: ReadonlySet<string>;
  /** The code's side (Drizzle schema, generated types), as opposed to the migrations' history. */
  readonly isCode: boolean;
}

/** The sources, every field present. */
interface Sources {
  readonly inSql: ReadonlySet<string>;
  readonly sqlTableRenames: ReadonlyMap<string, string>;
  readonly sqlColumnRenames: ReadonlySet<string>;
  readonly typeColumns: ReadonlyMap<string, ReadonlySet<string>>;
  readonly referenced: ReadonlyMap<string, string>;
  readonly mentioned: ReadonlyMap<string, string>;
  /** Each source of relations, for the per-source rules (collisions, already applied). */
  readonly relations: ReadonlyArray<RelationSource>;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
const EMPTY_MAP: ReadonlyMap<string, never> = new Map<string, never>();

export function buildPlan(requests: RenameRequests, options: PlanOptions): RenamePlan {
  const problems: string[] = [];
  const warnings: string[] = [];
  const known = getQualifiedNames(options.knownTables);
  const sources = getSources(options.sources, known);
  const { tables, done } = getTableRenames(requests.tables, known, sources, problems, warnings);
  const columns = getColumnRenames(requests.columns, tables, done, known, known.size > 0, problems);
  if (problems.length > 0) {
    throw new UsageError(`Invalid renames:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  const plainTables = tables.map((entry) => entry.value);
  const plainColumns = columns.map((entry) => entry.value);
  if (plainTables.length === 0 && plainColumns.length === 0 && done.length === 0) {
    throw new UsageError('Nothing to rename: give --table old=new, --column table.old=new or --manifest file');
  }
  const migratedTables = options.sources ? plainTables.filter((table) => isTableMigrated(table, sources)) : [];
  const migratedColumns = options.sources ? plainColumns.filter((column) => isColumnMigrated(column, plainTables, sources.sqlColumnRenames)) : [];
  const pendingTables = plainTables.filter((table) => !migratedTables.includes(table));
  const pendingColumns = plainColumns.filter((column) => !migratedColumns.includes(column));
  const isAppliedInCode =
    options.sources !== undefined &&
    plainTables.every((table) => isTableApplied(table, sources, known)) &&
    plainColumns.every((column) => isColumnApplied(column, plainTables, sources));
  return {
    tables: plainTables,
    columns: plainColumns,
    steps: [...getTableSteps(pendingTables, known), ...getColumnSteps(pendingColumns, plainTables)],
    ...(migratedTables.length + migratedColumns.length > 0 ? { migrated: { tables: migratedTables, columns: migratedColumns } } : {}),
    ...(isAppliedInCode ? { isAppliedInCode } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(known.size > 0 ? { knownTables: [...known] } : {}),
  };
}

/** The plan without what the project's migrations already do: what a new migration must perform. */
export function getPendingPlan(plan: RenamePlan): RenamePlan {
  if (!plan.migrated) return plan;
  const { tables, columns } = plan.migrated;
  return {
    tables: plan.tables.filter((table) => !tables.includes(table)),
    columns: plan.columns.filter((column) => !columns.includes(column)),
    steps: plan.steps,
  };
}

function getSources(given: PlanOptions['sources'], known: ReadonlySet<string>): Sources {
  const inSql = given?.inSql ?? EMPTY_SET;
  const sqlViews = given?.sqlViews ?? EMPTY_SET;
  return {
    inSql,
    sqlTableRenames: given?.sqlTableRenames ?? EMPTY_MAP,
    sqlColumnRenames: given?.sqlColumnRenames ?? EMPTY_SET,
    typeColumns: given?.typeColumns ?? EMPTY_MAP,
    referenced: given?.referenced ?? EMPTY_MAP,
    mentioned: given?.mentioned ?? EMPTY_MAP,
    relations: given
      ? [
          { label: 'the SQL files', tables: given.inSqlFiles ?? EMPTY_SET, views: EMPTY_SET, isCode: true },
          { label: 'the migrations', tables: inSql, views: sqlViews, isCode: false },
          { label: 'the Drizzle schema', tables: given.inCode ?? EMPTY_SET, views: EMPTY_SET, isCode: true },
          { label: 'the generated Supabase types', tables: given.inTypes ?? EMPTY_SET, views: given.typeViews ?? EMPTY_SET, isCode: true },
        ]
      : [{ label: '', tables: known, views: EMPTY_SET, isCode: true }],
  };
}

/** The `.sql` files take the table from its old name to its new one (or leave the new table and not the old). */
function isTableMigrated(table: TableRename, sources: Sources): boolean {
  const oldKey = `${table.schema}.${table.from}`;
  const newKey = `${table.schema}.${table.to}`;
  return sources.sqlTableRenames.get(oldKey) === newKey || (sources.inSql.has(newKey) && !sources.inSql.has(oldKey));
}

/**
 * No source of the code has the old name as a table (a compatibility view may remain) and the code does not reference
 * it, and some source knows the new name.
 */
function isTableApplied(table: TableRename, sources: Sources, known: ReadonlySet<string>): boolean {
  const oldKey = `${table.schema}.${table.from}`;
  const isOldInCode = sources.relations.some((source) => source.isCode && source.tables.has(oldKey)) || sources.referenced.has(oldKey);
  return !isOldInCode && known.has(`${table.schema}.${table.to}`);
}

function isColumnMigrated(column: ColumnRename, tables: readonly TableRename[], sqlColumnRenames: ReadonlySet<string>): boolean {
  return getTableNames(column, tables).some((table) => sqlColumnRenames.has(`${column.schema}.${table}.${column.from}>${column.to}`));
}

/** Done in the generated types (the new column and not the old), or they do not know the table's columns. */
function isColumnApplied(column: ColumnRename, tables: readonly TableRename[], sources: Sources): boolean {
  const keys = getTableNames(column, tables).map((table) => `${column.schema}.${table}`);
  const typed = keys.map((key) => sources.typeColumns.get(key)).filter((set) => set !== undefined);
  return typed.every((columns) => columns.has(column.to) && !columns.has(column.from));
}

/** The column's table by its old name, and by its new name when the plan renames it. */
function getTableNames(column: ColumnRename, tables: readonly TableRename[]): string[] {
  const newTable = tables.find((table) => table.schema === column.schema && table.from === column.table)?.to;
  return newTable === undefined ? [column.table] : [column.table, newTable];
}

/** `career.jobs` for a non-public schema, `jobs` for public. */
export function getDisplayName(schema: string, name: string): string {
  return schema === DEFAULT_SCHEMA ? name : `${schema}.${name}`;
}

function getTableRenames(
  requests: readonly TableRenameRequest[],
  known: ReadonlySet<string>,
  sources: Sources,
  problems: string[],
  warnings: string[],
): { tables: Array<Sourced<TableRename>>; done: TableRename[] } {
  const valid: Array<Sourced<TableRename>> = [];
  for (const request of requests) {
    const schema = request.schema ?? DEFAULT_SCHEMA;
    const found = [
      getNameProblem(request.schema, 'schema name', getExistingNameProblem),
      getNameProblem(request.from, 'old table name', getExistingNameProblem),
      getNewNameProblem(request.to, 'new table name'),
    ].filter((problem) => problem !== null);
    if (found.length === 0 && request.from === request.to) {
      found.push(`renames table "${getDisplayName(schema, request.from)}" to itself`);
    }
    problems.push(...found.map((problem) => `${request.source}: ${problem}`));
    if (found.length > 0) continue;
    const rename: TableRename = { schema, from: request.from, to: request.to };
    if (valid.some((entry) => isSameRename(entry.value, rename))) continue;
    valid.push({ value: rename, source: request.source });
  }

  const accepted: Array<Sourced<TableRename>> = [];
  for (const entry of valid) {
    const { schema, from, to } = entry.value;
    const twice = valid.filter((other) => other.value.schema === schema && other.value.from === from);
    if (twice.length > 1) {
      if (twice[0] === entry) {
        problems.push(`table "${getDisplayName(schema, from)}" is renamed twice: ${twice.map((other) => `to "${other.value.to}" (${other.source})`).join(' and ')}`);
      }
      continue;
    }
    const sameTarget = valid.filter((other) => other.value.schema === schema && other.value.to === to);
    if (sameTarget.length > 1) {
      if (sameTarget[0] === entry) {
        problems.push(`tables ${sameTarget.map((other) => `"${getDisplayName(schema, other.value.from)}" (${other.source})`).join(' and ')} are ${getBothOrAll(sameTarget)} renamed to "${to}"`);
      }
      continue;
    }
    accepted.push(entry);
  }

  const { kept, done } = getUndoneRenames(accepted, sources, known, warnings);
  // Renames refused above (renamed twice) still count as renamed away: their problem is reported once.
  const renamedAway = new Set(valid.filter((entry) => !done.includes(entry.value)).map((entry) => `${entry.value.schema}.${entry.value.from}`));
  const result: Array<Sourced<TableRename>> = [];
  for (const entry of kept) {
    const { schema, from, to } = entry.value;
    let ok = true;
    const oldKey = `${schema}.${from}`;
    const newKey = `${schema}.${to}`;
    if (known.size > 0 && !known.has(oldKey) && !known.has(newKey)) {
      problems.push(`${entry.source}: table "${getDisplayName(schema, from)}" is not a known table${getSuggestion(schema, from, known)}${getMentionNote(from, sources)}`);
      ok = false;
    }
    const collision = sources.relations.find((source) => (source.tables.has(oldKey) || source.views.has(oldKey)) && isCollision(source, oldKey, newKey));
    if (collision && !renamedAway.has(newKey)) {
      const what = collision.views.has(newKey) && !collision.tables.has(newKey) ? 'view' : 'table';
      problems.push(`${entry.source}: cannot rename "${getDisplayName(schema, from)}" to "${to}": ${what} "${getDisplayName(schema, to)}" already exists${collision.label ? ` in ${collision.label}` : ''} (rename it too in the same plan, or choose another name)`);
      ok = false;
    }
    if (!ok) continue;
    result.push(entry);
    const declaredIn = sources.relations.filter((source) => source.tables.has(oldKey) || source.views.has(oldKey));
    const reference = sources.referenced.get(oldKey);
    if (declaredIn.length === 0 && reference !== undefined && known.size > 0) {
      warnings.push(`table "${getDisplayName(schema, from)}" is in no Drizzle schema, migration or generated types; renamed where the code names it (first at ${reference}): check that the database has it`);
    }
    const viewIn = declaredIn.filter((source) => source.views.has(oldKey) && !source.tables.has(oldKey));
    if (viewIn.length > 0 && viewIn.length === declaredIn.length && !known.has(newKey)) {
      warnings.push(`"${getDisplayName(schema, from)}" is a view in ${viewIn.map((source) => source.label).join(' and ')}: it is renamed as a relation (Postgres's ALTER TABLE … RENAME TO renames views); regenerate the Supabase types after the migration`);
    }
  }
  return { tables: result, done };
}

/**
 * A new name is taken in `source` when it holds it as a table or view, unless the old name is only a view there and
 * the new one a table: that is the compatibility view a completed rename leaves under the old name.
 */
function isCollision(source: Sources['relations'][number], oldKey: string, newKey: string): boolean {
  if (!source.tables.has(newKey) && !source.views.has(newKey)) return false;
  return source.tables.has(oldKey) || !source.tables.has(newKey);
}

/**
 * Chains and cycles whose tables exist after the run too: done when the migrations perform every rename of the
 * group, or (a chain) when its first old names are gone from every source. Of a done group only the first renames of
 * a chain stay (what still has an old name there is unambiguous); the rest is left out, with a warning.
 */
function getUndoneRenames(
  accepted: ReadonlyArray<Sourced<TableRename>>,
  sources: Sources,
  known: ReadonlySet<string>,
  warnings: string[],
): { kept: Array<Sourced<TableRename>>; done: TableRename[] } {
  const done: TableRename[] = [];
  const dropped = new Set<Sourced<TableRename>>();
  for (const group of getRenameGroups(accepted)) {
    if (group.length < 2) continue;
    const heads = group.filter((entry) => !group.some((other) => other.value.to === entry.value.from));
    const isMigrated = group.every((entry) => sources.sqlTableRenames.get(`${entry.value.schema}.${entry.value.from}`) === `${entry.value.schema}.${entry.value.to}`);
    const isHeadApplied = heads.length > 0 && heads.every((entry) => isTableApplied(entry.value, sources, known));
    if (!isMigrated && !isHeadApplied) continue;
    const left = group.filter((entry) => !heads.includes(entry));
    for (const entry of left) {
      dropped.add(entry);
      done.push(entry.value);
    }
    const kind = heads.length === 0 ? 'swap' : 'chain';
    const names = group.map((entry) => `${getDisplayName(entry.value.schema, entry.value.from)} → ${entry.value.to}`).join(', ');
    warnings.push(
      `the ${kind} ${names} is already done (${isMigrated ? 'the migrations perform it' : 'its first old names are gone'}): ${left.map((entry) => `${getDisplayName(entry.value.schema, entry.value.from)} → ${entry.value.to}`).join(', ')} not run again, since those old names now belong to the renamed tables`,
    );
  }
  return { kept: accepted.filter((entry) => !dropped.has(entry)), done };
}

/** Renames connected through their names (same schema): a chain or a cycle is one group. */
function getRenameGroups(renames: ReadonlyArray<Sourced<TableRename>>): Array<Array<Sourced<TableRename>>> {
  const groups: Array<Array<Sourced<TableRename>>> = [];
  const seen = new Set<Sourced<TableRename>>();
  for (const start of renames) {
    if (seen.has(start)) continue;
    const group: Array<Sourced<TableRename>> = [];
    const queue = [start];
    seen.add(start);
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      group.push(entry);
      for (const other of renames) {
        if (seen.has(other) || other.value.schema !== entry.value.schema) continue;
        const names = [entry.value.from, entry.value.to];
        if (names.includes(other.value.from) || names.includes(other.value.to)) {
          seen.add(other);
          queue.push(other);
        }
      }
    }
    groups.push(group.sort((a, b) => renames.indexOf(a) - renames.indexOf(b)));
  }
  return groups;
}

function getMentionNote(name: string, sources: Sources): string {
  const mention = sources.mentioned.get(name);
  return mention === undefined ? '' : `; "${name}" appears in ${mention}, but never where a table is named`;
}

function getColumnRenames(
  requests: readonly ColumnRenameRequest[],
  tables: ReadonlyArray<Sourced<TableRename>>,
  done: readonly TableRename[],
  known: ReadonlySet<string>,
  isChecked: boolean,
  problems: string[],
): Array<Sourced<ColumnRename>> {
  const valid: Array<Sourced<ColumnRename>> = [];
  for (const request of requests) {
    const schema = request.schema ?? DEFAULT_SCHEMA;
    const found = [
      getNameProblem(request.schema, 'schema name', getExistingNameProblem),
      getNameProblem(request.table, 'table name', getExistingNameProblem),
      getNameProblem(request.from, 'old column name', getExistingNameProblem),
      getNewNameProblem(request.to, 'new column name'),
    ].filter((problem) => problem !== null);
    if (found.length === 0 && request.from === request.to) {
      found.push(`renames column "${getDisplayName(schema, request.table)}.${request.from}" to itself`);
    }
    if (found.length === 0) {
      const table = getOldTableName(schema, request.table, tables, done);
      const newTable = tables.find((entry) => entry.value.schema === schema && entry.value.from === table)?.value.to;
      if (isChecked && !known.has(`${schema}.${table}`) && (newTable === undefined || !known.has(`${schema}.${newTable}`))) {
        found.push(`table "${getDisplayName(schema, request.table)}" is not a known table${getSuggestion(schema, request.table, known)}`);
      } else {
        const rename: ColumnRename = { schema, table, from: request.from, to: request.to };
        if (!valid.some((entry) => isSameColumnRename(entry.value, rename))) valid.push({ value: rename, source: request.source });
      }
    }
    problems.push(...found.map((problem) => `${request.source}: ${problem}`));
  }

  const result: Array<Sourced<ColumnRename>> = [];
  for (const entry of valid) {
    const { schema, table, from, to } = entry.value;
    const sameTable = valid.filter((other) => other.value.schema === schema && other.value.table === table);
    const twice = sameTable.filter((other) => other.value.from === from);
    const label = getDisplayName(schema, table);
    if (twice.length > 1) {
      if (twice[0] === entry) {
        problems.push(`column "${label}.${from}" is renamed twice: ${twice.map((other) => `to "${other.value.to}" (${other.source})`).join(' and ')}`);
      }
      continue;
    }
    const sameTarget = sameTable.filter((other) => other.value.to === to);
    if (sameTarget.length > 1) {
      if (sameTarget[0] === entry) {
        problems.push(`columns ${sameTarget.map((other) => `"${label}.${other.value.from}" (${other.source})`).join(' and ')} are ${getBothOrAll(sameTarget)} renamed to "${to}"`);
      }
      continue;
    }
    result.push(entry);
  }
  return result;
}

/**
 * The table's name before the run: an old name stays, a new name maps back to its old name. A table of a rename
 * that is already done (left out of the plan) is named as it is now: its old name maps to its new name.
 */
function getOldTableName(schema: string, table: string, tables: ReadonlyArray<Sourced<TableRename>>, done: readonly TableRename[]): string {
  if (tables.some((entry) => entry.value.schema === schema && entry.value.from === table)) return table;
  const finished = done.find((rename) => rename.schema === schema && rename.from === table);
  if (finished) return finished.to;
  const renamed = tables.find((entry) => entry.value.schema === schema && entry.value.to === table);
  return renamed ? renamed.value.from : table;
}

/** `check` is `getIdentifierProblem` for new names, `getExistingNameProblem` for names that already exist. */
function getNameProblem(name: string | null, what: string, check: (name: string) => string | null = getIdentifierProblem): string | null {
  if (name === null) return null;
  if (name.length === 0) return `the ${what} is empty`;
  const problem = check(name);
  return problem === null ? null : `the ${what} ${problem.replace(/^"[^"]*" /, `"${name}" `)}`;
}

function getNewNameProblem(name: string, what: string): string | null {
  if (name.includes('.') && getIdentifierProblem(name.slice(name.lastIndexOf('.') + 1)) === null) {
    return `the ${what} "${name}" names a schema; a rename keeps the object in its schema, write only the new name`;
  }
  return getNameProblem(name, what);
}

function getTableSteps(tables: readonly TableRename[], known: ReadonlySet<string>): RenameStep[] {
  const steps: RenameStep[] = [];
  for (const schema of getUnique(tables.map((table) => table.schema))) {
    const inSchema = tables.filter((table) => table.schema === schema);
    const taken = new Set<string>([
      ...[...known].filter((name) => name.startsWith(`${schema}.`)).map((name) => name.slice(schema.length + 1)),
      ...inSchema.flatMap((table) => [table.from, table.to]),
    ]);
    for (const { from, to } of getOrderedRenames(inSchema, taken)) steps.push({ kind: 'table', schema, from, to });
  }
  return steps;
}

function getColumnSteps(columns: readonly ColumnRename[], tables: readonly TableRename[]): RenameStep[] {
  const steps: RenameStep[] = [];
  const tableKeys = getUnique(columns.map((column) => `${column.schema}.${column.table}`));
  for (const key of tableKeys) {
    const inTable = columns.filter((column) => `${column.schema}.${column.table}` === key);
    const first = inTable[0];
    if (!first) continue;
    const finalTable = tables.find((table) => table.schema === first.schema && table.from === first.table)?.to ?? first.table;
    const taken = new Set(inTable.flatMap((column) => [column.from, column.to]));
    for (const { from, to } of getOrderedRenames(inTable, taken)) {
      steps.push({ kind: 'column', schema: first.schema, table: finalTable, from, to });
    }
  }
  return steps;
}

/**
 * Order simultaneous renames (olds unique, news unique) so that each step's target is free when it
 * runs: chains back to front, each cycle broken by moving one member to a temporary name first.
 * `taken` holds every name in use; temporary names are added to it.
 */
export function getOrderedRenames(
  renames: ReadonlyArray<{ readonly from: string; readonly to: string }>,
  taken: Set<string>,
): Array<{ from: string; to: string }> {
  const pending = renames.map(({ from, to }) => ({ from, to }));
  const ordered: Array<{ from: string; to: string }> = [];
  while (pending.length > 0) {
    const pendingFroms = new Set(pending.map((rename) => rename.from));
    const index = pending.findIndex((rename) => !pendingFroms.has(rename.to));
    if (index !== -1) {
      ordered.push(...pending.splice(index, 1));
      continue;
    }
    // Every pending rename is in a cycle: park the first one under a temporary name.
    const first = pending[0];
    if (!first) break;
    const temporary = getTemporaryName(first.from, taken);
    taken.add(temporary);
    ordered.push({ from: first.from, to: temporary });
    pending[0] = { from: temporary, to: first.to };
  }
  return ordered;
}

/** `<name>__tmp_rename`, shortened to 63 bytes, with `_2`, `_3`… when the name is taken. */
export function getTemporaryName(name: string, taken: ReadonlySet<string>): string {
  for (let attempt = 1; ; attempt += 1) {
    const suffix = attempt === 1 ? TEMPORARY_SUFFIX : `${TEMPORARY_SUFFIX}_${attempt}`;
    const candidate = `${truncateToBytes(name, MAX_IDENTIFIER_BYTES - Buffer.byteLength(suffix, 'utf8'))}${suffix}`;
    const problem = getIdentifierProblem(candidate);
    if (problem !== null) throw new Error(`temporary name for "${name}": ${problem}`);
    if (!taken.has(candidate)) return candidate;
  }
}

function truncateToBytes(name: string, maxBytes: number): string {
  let result = '';
  for (const character of name) {
    if (Buffer.byteLength(result + character, 'utf8') > maxBytes) break;
    result += character;
  }
  return result;
}

function getQualifiedNames(names: ReadonlySet<string>): Set<string> {
  return new Set([...names].map((name) => (name.includes('.') ? name : `${DEFAULT_SCHEMA}.${name}`)));
}

function getSuggestion(schema: string, name: string, known: ReadonlySet<string>): string {
  let best: { name: string; distance: number } | null = null;
  for (const qualified of known) {
    const [knownSchema, knownName] = splitQualified(qualified);
    const distance = getEditDistance(name, knownName) + (knownSchema === schema ? 0 : 1);
    if (distance <= Math.max(2, Math.floor(name.length / 4)) && (best === null || distance < best.distance)) {
      best = { name: getDisplayName(knownSchema, knownName), distance };
    }
  }
  return best === null ? ' (check the spelling and the schema)' : ` (did you mean "${best.name}"?)`;
}

function splitQualified(qualified: string): [string, string] {
  const dot = qualified.indexOf('.');
  return [qualified.slice(0, dot), qualified.slice(dot + 1)];
}

function getEditDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function isSameRename(a: TableRename, b: TableRename): boolean {
  return a.schema === b.schema && a.from === b.from && a.to === b.to;
}

function isSameColumnRename(a: ColumnRename, b: ColumnRename): boolean {
  return a.schema === b.schema && a.table === b.table && a.from === b.from && a.to === b.to;
}

function getBothOrAll(list: readonly unknown[]): string {
  return list.length === 2 ? 'both' : 'all';
}

function getUnique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
