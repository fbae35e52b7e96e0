import { getExistingNameProblem, getIdentifierProblem, quoteIdentifier } from '../../naming/identifiers.js';
import { applyEdits } from '../edits.js';
import { rewriteSql } from '../sql/rewrite-sql.js';
import type { RenamePlan, RenameStep, ReviewItem } from '../types.js';
import { UsageError } from '../types.js';
import { getEmbeddedNameCleanupSql, getEmbeddedNameRenameSql, getEmbeddedNameRestoreSql } from './embedded-names-sql.js';
import { getMigrationFunctions, getReplaceStatement } from './get-migration-functions.js';
import type { MigrationFileNames } from './migration-file-names.js';
import { getMigrationFileNames } from './migration-file-names.js';

export interface MigrationFile {
  readonly fileName: string;
  readonly sql: string;
}

export interface BuiltMigration {
  readonly forward: MigrationFile;
  readonly rollback: MigrationFile;
  readonly cleanup: MigrationFile;
  /** Functions whose bodies mention a renamed table or column but could not be rewritten safely. */
  readonly review: ReviewItem[];
}

export interface MigrationOptions {
  /** The project's migration files (.sql), in file-name order, to find function definitions. */
  readonly migrationSources: ReadonlyArray<{ path: string; source: string }>;
  /** Names of the files already in the migrations folder, for the forward file's name. */
  readonly existingFileNames: readonly string[];
  readonly now?: Date;
}

interface ColumnStep {
  readonly schema: string;
  /** The table's name after every table step. */
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The three SQL files of a rename: forward (renames, compatibility views, re-created functions, in one
 * transaction), rollback (the exact inverse) and cleanup (drops the compatibility views).
 * Needs `await ensureSqlReady()` first. Throws `UsageError` for an identifier that is not valid
 * (a manifest can never inject SQL: every name is validated, then always quoted).
 */
export function buildMigration(plan: RenamePlan, options: MigrationOptions): BuiltMigration {
  assertIdentifiers(plan);
  const names = getMigrationFileNames(options.existingFileNames, options.now ?? new Date());
  const tableSteps = plan.steps.filter((step): step is Extract<RenameStep, { kind: 'table' }> => step.kind === 'table');
  const columnSteps = getColumnSteps(plan.steps);
  const finalTableNames = new Set(plan.tables.map((table) => `${table.schema}.${table.to}`));
  const viewTables = plan.tables.filter((table) => !finalTableNames.has(`${table.schema}.${table.from}`));
  const blockedViews = plan.tables.filter((table) => finalTableNames.has(`${table.schema}.${table.from}`));
  const renamedTableKeys = new Set(plan.tables.map((table) => `${table.schema}.${table.to}`));
  const columnOnlyTables = [...new Set(columnSteps.filter((step) => !renamedTableKeys.has(`${step.schema}.${step.table}`)).map((step) => name(step.schema, step.table)))];
  const { recreated, review } = getRecreatedFunctions(plan, options.migrationSources);

  const forward = [
    ...getHeader(names, 'forward'),
    'BEGIN;',
    '',
    ...(tableSteps.length > 0 ? ['-- Table renames, in dependency order (temporary names resolve swaps and chains).'] : []),
    ...tableSteps.map((step) => `ALTER TABLE ${name(step.schema, step.from)} RENAME TO ${quoteIdentifier(step.to)};`),
    ...(viewTables.length > 0
      ? [
          '',
          '-- Compatibility views under the old table names, created BEFORE the column renames: a view binds its',
          '-- columns by attribute number, so it keeps exposing the OLD column names after they are renamed, and',
          '-- code still on the old names reads and writes through it (a one-table SELECT * view is auto-updatable).',
          '-- security_invoker (Postgres 15+) makes the row level security policies of the table apply through the view.',
        ]
      : []),
    ...viewTables.map((table) => `CREATE VIEW ${name(table.schema, table.from)} WITH (security_invoker = true) AS SELECT * FROM ${name(table.schema, table.to)};`),
    ...blockedViews.map((table) => `-- No compatibility view for ${name(table.schema, table.from)}: that name now belongs to another renamed table.`),
    ...(columnSteps.length > 0 ? ['', '-- Column renames.'] : []),
    ...columnOnlyTables.map((table) => `-- ${table} keeps its name, so it gets no compatibility view: code using its old column names must be updated.`),
    ...columnSteps.map((step) => `ALTER TABLE ${name(step.schema, step.table)} RENAME COLUMN ${quoteIdentifier(step.from)} TO ${quoteIdentifier(step.to)};`),
    ...(recreated.length > 0 ? ['', '-- Functions whose bodies read a renamed table or column, re-created with the body rewritten.'] : []),
    ...recreated.map((fn) => `${fn.rewritten};`),
    '',
    ...getEmbeddedNameRenameSql(plan, names.forward),
    '',
    'COMMIT;',
    '',
  ];

  const rollback = [
    ...getHeader(names, 'rollback'),
    'BEGIN;',
    '',
    ...viewTables.map((table) => `DROP VIEW IF EXISTS ${name(table.schema, table.from)};`),
    '',
    ...getEmbeddedNameRestoreSql(names.forward),
    '',
    ...[...columnSteps].reverse().map((step) => `ALTER TABLE ${name(step.schema, step.table)} RENAME COLUMN ${quoteIdentifier(step.to)} TO ${quoteIdentifier(step.from)};`),
    ...[...tableSteps].reverse().map((step) => `ALTER TABLE ${name(step.schema, step.to)} RENAME TO ${quoteIdentifier(step.from)};`),
    ...(recreated.length > 0 ? ['', '-- Original function definitions, restored after the names are back (SQL function bodies are checked on creation).'] : []),
    ...recreated.map((fn) => `${fn.original};`),
    '',
    'COMMIT;',
    '',
  ];

  const cleanup = [
    ...getHeader(names, 'cleanup'),
    'BEGIN;',
    '',
    ...viewTables.map((table) => `DROP VIEW IF EXISTS ${name(table.schema, table.from)};`),
    '',
    ...getEmbeddedNameCleanupSql(names.forward),
    '',
    'COMMIT;',
    '',
  ];

  return {
    forward: { fileName: names.forward, sql: forward.join('\n') },
    rollback: { fileName: names.rollback, sql: rollback.join('\n') },
    cleanup: { fileName: names.cleanup, sql: cleanup.join('\n') },
    review,
  };
}

/** `"schema"."name"`, always quoted. */
function name(schema: string, table: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
}

function assertIdentifiers(plan: RenamePlan): void {
  // New names must be valid identifiers; existing ones (old names, schemas, temporary steps) are what the database has.
  const newNames = [...plan.tables.map((table) => table.to), ...plan.columns.map((column) => column.to)];
  const names = [
    ...plan.tables.flatMap((table) => [table.schema, table.from]),
    ...plan.columns.flatMap((column) => [column.schema, column.table, column.from]),
    ...plan.steps.flatMap((step) => (step.kind === 'table' ? [step.schema, step.from, step.to] : [step.schema, step.table, step.from, step.to])),
  ];
  const problems = [...new Set([...newNames.map(getIdentifierProblem), ...names.map(getExistingNameProblem)].filter((problem) => problem !== null))];
  if (problems.length > 0) throw new UsageError(`Refusing to write a migration with invalid names:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
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

function getHeader(names: MigrationFileNames, kind: 'forward' | 'rollback' | 'cleanup'): string[] {
  const lines = {
    forward: [
      '-- Rename tables and columns. Written by `drizzle-schema rename`.',
      `-- Undo with ${names.rollback}; once no code uses the old names, drop the views with ${names.cleanup}.`,
      '-- Indexes, constraints (foreign keys included), policies, triggers and views follow the renames on their own:',
      '-- Postgres stores them by OID. Function bodies are text, so functions of the migrations folder that read a',
      '-- renamed table or column are re-created below with the body rewritten. Index, constraint and sequence NAMES',
      '-- that embed an old name are renamed at the end, as the codemod renamed them in the Drizzle schema and types.',
    ],
    rollback: [`-- Undo ${names.forward}: drop the compatibility views, restore the index, constraint and sequence names, rename everything back, restore the functions.`, '-- Not a migration: run it by hand (psql -f) if the rename has to be reverted.'],
    cleanup: [`-- Drop the compatibility views of ${names.forward} once no code uses the old table names, and its record of renamed index names.`, '-- Not a migration: run it by hand, or copy it into a new migration.'],
  }[kind];
  return [...lines, ''];
}

interface RecreatedFunction {
  readonly original: string;
  readonly rewritten: string;
}

function getRecreatedFunctions(plan: RenamePlan, sources: MigrationOptions['migrationSources']): { recreated: RecreatedFunction[]; review: ReviewItem[] } {
  const recreated: RecreatedFunction[] = [];
  const review: ReviewItem[] = [];
  for (const fn of getMigrationFunctions(sources)) {
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
  return { recreated, review };
}
