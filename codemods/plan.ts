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
 * - Refused, all at once in one `UsageError`: empty names, invalid or too long identifiers, a rename to
 *   itself, one old name renamed to two new names, two old names renamed to one new name, a new table
 *   name that is an existing table not renamed away in the same plan, and — when `knownTables` is not
 *   empty — a table (or a column's table) that is not known. An unknown table fails rather than warns:
 *   a typo in a manifest must not silently do nothing.
 * - Re-runs: with `sources` (tables per source), a rename whose new name exists and whose old name does not
 *   is already applied there, not a collision; a collision is both names in the SAME source (so a run
 *   interrupted after some schema files were written can be resumed). A rename the `.sql` files already
 *   perform (the table's new name is what they leave; a column's `RENAME COLUMN` is in them) is listed in
 *   `migrated`: the code is still rewritten, the steps (and so the migration) leave it out.
 * - Column names are not known to the planner, so a new column name that collides with an existing,
 *   un-renamed column is caught by Postgres when the migration runs (inside its transaction).
 */
import { getIdentifierProblem, MAX_IDENTIFIER_BYTES } from '../naming/identifiers.js';
import type { ColumnRenameRequest, RenameRequests, TableRenameRequest } from './manifest.js';
import type { ColumnRename, RenamePlan, RenameStep, TableRename } from './types.js';
import { UsageError } from './types.js';

export interface PlanOptions {
  /** Tables that exist: `schema.table`, or a plain name for a table in `public`. Empty: not checked. */
  readonly knownTables: ReadonlySet<string>;
  /** Where the known tables come from (see `getKnownTables`); enables the re-run rules above. */
  readonly sources?: {
    readonly inSql: ReadonlySet<string>;
    readonly inCode: ReadonlySet<string>;
    readonly sqlColumnRenames: ReadonlySet<string>;
  };
}

export const DEFAULT_SCHEMA = 'public';
export const TEMPORARY_SUFFIX = '__tmp_rename';

interface Sourced<T> {
  readonly value: T;
  readonly source: string;
}

export function buildPlan(requests: RenameRequests, options: PlanOptions): RenamePlan {
  const problems: string[] = [];
  const known = getQualifiedNames(options.knownTables);
  const tables = getTableRenames(requests.tables, known, options.sources ?? null, problems);
  const columns = getColumnRenames(requests.columns, tables, known, problems);
  if (problems.length > 0) {
    throw new UsageError(`Invalid renames:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  const plainTables = tables.map((entry) => entry.value);
  const plainColumns = columns.map((entry) => entry.value);
  if (plainTables.length === 0 && plainColumns.length === 0) {
    throw new UsageError('Nothing to rename: give --table old=new, --column table.old=new or --manifest file');
  }
  const migratedTables = options.sources ? plainTables.filter((table) => isTableMigrated(table, options.sources!.inSql)) : [];
  const migratedColumns = options.sources
    ? plainColumns.filter((column) => isColumnMigrated(column, plainTables, options.sources!.sqlColumnRenames))
    : [];
  const pendingTables = plainTables.filter((table) => !migratedTables.includes(table));
  const pendingColumns = plainColumns.filter((column) => !migratedColumns.includes(column));
  return {
    tables: plainTables,
    columns: plainColumns,
    steps: [...getTableSteps(pendingTables, known), ...getColumnSteps(pendingColumns, plainTables)],
    ...(migratedTables.length + migratedColumns.length > 0 ? { migrated: { tables: migratedTables, columns: migratedColumns } } : {}),
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

function isTableMigrated(table: TableRename, inSql: ReadonlySet<string>): boolean {
  return inSql.has(`${table.schema}.${table.to}`) && !inSql.has(`${table.schema}.${table.from}`);
}

function isColumnMigrated(column: ColumnRename, tables: readonly TableRename[], sqlColumnRenames: ReadonlySet<string>): boolean {
  const newTable = tables.find((table) => table.schema === column.schema && table.from === column.table)?.to;
  return [column.table, newTable].some((table) => table !== undefined && sqlColumnRenames.has(`${column.schema}.${table}.${column.from}>${column.to}`));
}

/** `career.jobs` for a non-public schema, `jobs` for public. */
export function getDisplayName(schema: string, name: string): string {
  return schema === DEFAULT_SCHEMA ? name : `${schema}.${name}`;
}

function getTableRenames(
  requests: readonly TableRenameRequest[],
  known: ReadonlySet<string>,
  sources: PlanOptions['sources'] | null,
  problems: string[],
): Array<Sourced<TableRename>> {
  const valid: Array<Sourced<TableRename>> = [];
  for (const request of requests) {
    const schema = request.schema ?? DEFAULT_SCHEMA;
    const found = [
      getNameProblem(request.schema, 'schema name'),
      getNameProblem(request.from, 'old table name'),
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

  const renamedAway = new Set(valid.map((entry) => `${entry.value.schema}.${entry.value.from}`));
  const result: Array<Sourced<TableRename>> = [];
  for (const entry of accepted) {
    const { schema, from, to } = entry.value;
    let ok = true;
    const oldKey = `${schema}.${from}`;
    const newKey = `${schema}.${to}`;
    const alreadyApplied = known.has(newKey) && !known.has(oldKey);
    if (known.size > 0 && !known.has(oldKey) && !alreadyApplied) {
      problems.push(`${entry.source}: table "${getDisplayName(schema, from)}" is not a known table${getSuggestion(schema, from, known)}`);
      ok = false;
    }
    const collides = sources
      ? [sources.inSql, sources.inCode].some((names) => names.has(oldKey) && names.has(newKey))
      : known.has(oldKey) && known.has(newKey);
    if (collides && !renamedAway.has(newKey)) {
      problems.push(`${entry.source}: cannot rename "${getDisplayName(schema, from)}" to "${to}": table "${getDisplayName(schema, to)}" already exists (rename it too in the same plan, or choose another name)`);
      ok = false;
    }
    if (ok) result.push(entry);
  }
  return result;
}

function getColumnRenames(
  requests: readonly ColumnRenameRequest[],
  tables: ReadonlyArray<Sourced<TableRename>>,
  known: ReadonlySet<string>,
  problems: string[],
): Array<Sourced<ColumnRename>> {
  const valid: Array<Sourced<ColumnRename>> = [];
  for (const request of requests) {
    const schema = request.schema ?? DEFAULT_SCHEMA;
    const found = [
      getNameProblem(request.schema, 'schema name'),
      getNameProblem(request.table, 'table name'),
      getNameProblem(request.from, 'old column name'),
      getNewNameProblem(request.to, 'new column name'),
    ].filter((problem) => problem !== null);
    if (found.length === 0 && request.from === request.to) {
      found.push(`renames column "${getDisplayName(schema, request.table)}.${request.from}" to itself`);
    }
    if (found.length === 0) {
      const table = getOldTableName(schema, request.table, tables);
      if (known.size > 0 && !known.has(`${schema}.${table}`)) {
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

/** The table's name before the run: an old name stays, a new name maps back to its old name. */
function getOldTableName(schema: string, table: string, tables: ReadonlyArray<Sourced<TableRename>>): string {
  if (tables.some((entry) => entry.value.schema === schema && entry.value.from === table)) return table;
  const renamed = tables.find((entry) => entry.value.schema === schema && entry.value.to === table);
  return renamed ? renamed.value.from : table;
}

function getNameProblem(name: string | null, what: string): string | null {
  if (name === null) return null;
  if (name.length === 0) return `the ${what} is empty`;
  const problem = getIdentifierProblem(name);
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
