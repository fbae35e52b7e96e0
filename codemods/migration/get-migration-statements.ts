/**
 * The statements every migration format shares, from the plan and the project's migrations: table renames in
 * dependency order (temporary names resolve swaps and chains), compatibility views under the old table names,
 * column renames, functions whose bodies read a renamed table or column re-created, and their inverses.
 * Each statement is complete without its closing `;`. Needs `await ensureSqlReady()` first.
 * Throws `UsageError` for a new name that is not a valid identifier (a manifest can never inject SQL: every
 * name is validated or taken from the database as it is, and always quoted).
 */
import { getExistingNameProblem, getIdentifierProblem, quoteIdentifier } from '../../naming/identifiers.js';
import { applyEdits } from '../edits.js';
import { rewriteSql } from '../sql/rewrite-sql.js';
import type { RenamePlan, RenameStep, ReviewItem } from '../types.js';
import { UsageError } from '../types.js';
import { getMigrationFunctions, getReplaceStatement } from './get-migration-functions.js';

export interface MigrationStatements {
  readonly tableRenames: readonly string[];
  /** `CREATE VIEW` statements, created BEFORE the column renames (a view binds its columns by position). */
  readonly views: readonly string[];
  /** Comments about tables that get no view. */
  readonly viewNotes: readonly string[];
  readonly columnRenames: readonly string[];
  readonly functions: readonly string[];
  readonly dropViews: readonly string[];
  readonly columnRestores: readonly string[];
  readonly tableRestores: readonly string[];
  readonly functionRestores: readonly string[];
  readonly review: readonly ReviewItem[];
  /** Warnings about migration files that do not parse statement by statement (`path:line: …`). */
  readonly warnings: readonly string[];
}

export interface MigrationSources {
  /** The applied migrations (.sql), in file-name order, to find function definitions. */
  readonly migrationSources: ReadonlyArray<{ path: string; source: string }>;
}

export function getMigrationStatements(plan: RenamePlan, options: MigrationSources): MigrationStatements {
  assertNewNames(plan);
  const tableSteps = plan.steps.filter((step): step is Extract<RenameStep, { kind: 'table' }> => step.kind === 'table');
  const columnSteps = getColumnSteps(plan.steps);
  const finalTableNames = new Set(plan.tables.map((table) => `${table.schema}.${table.to}`));
  const viewTables = plan.tables.filter((table) => !finalTableNames.has(`${table.schema}.${table.from}`));
  const blockedViews = plan.tables.filter((table) => finalTableNames.has(`${table.schema}.${table.from}`));
  const columnOnlyTables = [...new Set(columnSteps.filter((step) => !finalTableNames.has(`${step.schema}.${step.table}`)).map((step) => name(step.schema, step.table)))];
  const { recreated, review, warnings } = getRecreatedFunctions(plan, options.migrationSources);
  return {
    tableRenames: tableSteps.map((step) => `ALTER TABLE ${name(step.schema, step.from)} RENAME TO ${quoteIdentifier(step.to)}`),
    views: viewTables.map((table) => `CREATE VIEW ${name(table.schema, table.from)} WITH (security_invoker = true) AS SELECT * FROM ${name(table.schema, table.to)}`),
    viewNotes: [
      ...blockedViews.map((table) => `-- No compatibility view for ${name(table.schema, table.from)}: that name now belongs to another renamed table.`),
      ...columnOnlyTables.map((table) => `-- ${table} keeps its name, so it gets no compatibility view: code using its old column names must be updated.`),
    ],
    columnRenames: columnSteps.map((step) => `ALTER TABLE ${name(step.schema, step.table)} RENAME COLUMN ${quoteIdentifier(step.from)} TO ${quoteIdentifier(step.to)}`),
    functions: recreated.map((fn) => fn.rewritten),
    dropViews: viewTables.map((table) => `DROP VIEW IF EXISTS ${name(table.schema, table.from)}`),
    columnRestores: [...columnSteps].reverse().map((step) => `ALTER TABLE ${name(step.schema, step.table)} RENAME COLUMN ${quoteIdentifier(step.to)} TO ${quoteIdentifier(step.from)}`),
    tableRestores: [...tableSteps].reverse().map((step) => `ALTER TABLE ${name(step.schema, step.to)} RENAME TO ${quoteIdentifier(step.from)}`),
    functionRestores: recreated.map((fn) => fn.original),
    review,
    warnings,
  };
}

/** `"schema"."name"`, always quoted. */
function name(schema: string, table: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
}

/**
 * New names must be valid identifiers; existing ones (old names, schemas, temporary steps, which may name an old table
 * in a swap) are what the database has (`ssh-key`), always quoted, and only checked for what Postgres cannot hold.
 */
function assertNewNames(plan: RenamePlan): void {
  const newNames = [...plan.tables.map((table) => table.to), ...plan.columns.map((column) => column.to)];
  const names = [
    ...plan.tables.flatMap((table) => [table.schema, table.from]),
    ...plan.columns.flatMap((column) => [column.schema, column.table, column.from]),
    ...plan.steps.flatMap((step) => (step.kind === 'table' ? [step.schema, step.from, step.to] : [step.schema, step.table, step.from, step.to])),
  ];
  const problems = [...new Set([...newNames.map(getIdentifierProblem), ...names.map(getExistingNameProblem)].filter((problem) => problem !== null))];
  if (problems.length > 0) throw new UsageError(`Refusing to write a migration with invalid names:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

interface ColumnStep {
  readonly schema: string;
  /** The table's name after every table step. */
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Column steps with the table's name after all table steps. The planner already names tables by their
 * final name; replaying the steps keeps this correct for a plan that interleaves them.
 */
function getColumnSteps(steps: readonly RenameStep[]): ColumnStep[] {
  const current = new Map<string, string>(); // schema.original → current name
  const columns: Array<{ schema: string; original: string; from: string; to: string }> = [];
  const findOriginal = (schema: string, table: string) =>
    [...current.entries()].find(([key, value]) => key.startsWith(`${schema}.`) && value === table)?.[0].slice(schema.length + 1) ?? table;
  for (const step of steps) {
    if (step.kind === 'table') current.set(`${step.schema}.${findOriginal(step.schema, step.from)}`, step.to);
    else columns.push({ schema: step.schema, original: findOriginal(step.schema, step.table), from: step.from, to: step.to });
  }
  return columns.map((column) => ({ schema: column.schema, table: current.get(`${column.schema}.${column.original}`) ?? column.original, from: column.from, to: column.to }));
}

interface RecreatedFunction {
  readonly original: string;
  readonly rewritten: string;
}

function getRecreatedFunctions(
  plan: RenamePlan,
  sources: MigrationSources['migrationSources'],
): { recreated: RecreatedFunction[]; review: ReviewItem[]; warnings: string[] } {
  const recreated: RecreatedFunction[] = [];
  const review: ReviewItem[] = [];
  const { functions, warnings } = getMigrationFunctions(sources);
  for (const fn of functions) {
    const result = rewriteSql(fn.text, plan);
    const [problem] = result.review;
    if (problem) {
      review.push({
        file: fn.path,
        line: fn.line,
        column: 1,
        name: fn.name,
        reason: `function ${fn.name} mentions "${problem.name}" where it cannot be rewritten safely (${problem.reason}); re-create it by hand`,
        excerpt: fn.text.split('\n')[0]?.trim() ?? '',
      });
      continue;
    }
    if (result.edits.length === 0) continue;
    recreated.push({ original: getReplaceStatement(fn.text), rewritten: getReplaceStatement(applyEdits(fn.text, result.edits)) });
  }
  return { recreated, review, warnings };
}
