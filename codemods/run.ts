/**
 * The rename run: discovery → read once → prefilter → per file its transforms → atomic write (or a diff
 * in dry-run) → migration files → report.
 *
 * Safety: a real run refuses a git work tree with uncommitted changes unless `force` (UsageError);
 * every file is replaced atomically; when `signal` aborts (Ctrl-C in the CLI) the file in progress is
 * finished, nothing further is touched, no migration is written, and the report says `interrupted`.
 */
import path from 'node:path';
import { loadModule } from 'libpg-query';
import { getUnifiedDiff } from './diff.js';
import type { DiscoveredFile } from './discover.js';
import { discoverFiles, type DiscoverOptions } from './discover.js';
import { getUncommittedChanges, isGitWorkTree } from './git.js';
import { getKnownTables, type TableSources } from './known-tables.js';
import { getDisplayName } from './plan.js';
import type { MigrationOutput } from './migration-files.js';
import { getMigrationOutput, writeMigrationOutput } from './migration-files.js';
import { getClientCasing } from '../drizzle-model/get-client-casing.js';
import { findDrizzleConfig } from '../drizzle-model/drizzle-config.js';
import { detectMigrationTools } from './migration/detect-migration-tools.js';
import type { MigrationRequest } from './migration/get-migration-targets.js';
import { getMigrationTargets } from './migration/get-migration-targets.js';
import type { MigrationTool } from './migration/migration-tool.js';
import type { LoadedFiles, SourceFile } from './prefilter.js';
import { prefilterFiles, readSourceFiles } from './prefilter.js';
import type { ChangedFile, MigrationFile, RenameReport, SkippedFile } from './report.js';
import { rewriteFile } from './rewrite-file.js';
import { retainParsedPrograms, shareParsedPrograms } from './transforms/code/parse-program.js';
import { findDrizzleTableNames, getTransformsFor } from './transforms/index.js';
import type { ColumnTableWords } from './get-unreached-column-names.js';
import type { RenamePlan, ReviewItem, SourceTransform, TransformSettings, UnlistedMention } from './types.js';
import { ParseError, UsageError } from './types.js';
import { createWriteQueue } from './write-queue.js';
import { writeFileAtomic } from './write.js';

/** Atomic writes under way at once: enough to overlap fsync latency, few enough to keep memory flat. */
const WRITES_IN_FLIGHT = 16;

/**
 * Source bytes of the schema files whose programs the known-tables scan keeps for the rewrite: every schema file of
 * an ordinary repository (the ASTs take some 30 times their source in memory); beyond it they are parsed again.
 */
const RETAINED_SOURCE_BYTES = 4 * 1024 * 1024;

export interface RenameProgress {
  readonly phase: 'read' | 'rewrite';
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

export interface PrepareOptions extends DiscoverOptions {
  readonly onProgress?: (progress: RenameProgress) => void;
  /**
   * The table names the requests mention (old and new). The planner only asks whether these exist, so only
   * Drizzle files that contain one of them need parsing to learn their tables; absent: every Drizzle file.
   */
  readonly tableNames?: readonly string[];
}

/** The files of a run, read once, and the tables they define (for `buildPlan`'s `knownTables`). */
export interface PreparedFiles {
  readonly files: readonly DiscoveredFile[];
  readonly loaded: LoadedFiles;
  readonly knownTables: ReadonlySet<string>;
  /** The known tables per source, for `buildPlan`'s re-run rules. */
  readonly tableSources: TableSources;
  readonly warnings: readonly string[];
  /** The run the known-tables scan parsed in; its programs are retained for the rewrite. */
  readonly scan?: RenamePlan;
}

export interface RenameOptions extends PrepareOptions {
  readonly plan: RenamePlan;
  readonly dryRun: boolean;
  /** Run even when the git work tree has uncommitted changes. */
  readonly force: boolean;
  /** Write the migration into this folder (relative to `cwd`), in its tool's format; overrides `migration.dir`. */
  readonly migrationDir?: string;
  /**
   * Where the migration goes: `auto` (the CLI's default) writes into every detected migrations folder whose
   * database has a renamed table; `none` writes none, and the report says which folder would have
   * had one; neither this nor `migrationDir` given: none, silently. `format` forces the format (`drizzle-kit`, `drizzle-kit-v1`, `supabase`, `plain`).
   */
  readonly migration?: Omit<MigrationRequest, 'dir'> & { readonly dir?: string };
  /** Also rename each renamed table's TypeScript export across the project (ts-morph). */
  readonly renameExports?: boolean;
  /** Aborting stops the run after the current file. */
  readonly signal?: AbortSignal;
  /** From `prepareRename` with the same cwd, paths and appliedMigrations, to avoid reading twice. */
  readonly prepared?: PreparedFiles;
  /** Which transforms run on a file; default: the registry (`transforms/index.ts`). */
  readonly getTransforms?: (file: string) => readonly SourceTransform[];
  /**
   * How Drizzle schema files are read (`casing` of name-less columns, `helperModules` relative to `cwd`), as the
   * ESLint plugin's `settings['drizzle-schema']`; passed to every transform (and to `--rename-exports`).
   */
  readonly settings?: Pick<TransformSettings, 'casing' | 'helperModules'>;
}

/** Discover and read the files, and collect the known tables. Reads nothing twice, writes nothing. */
export async function prepareRename(options: PrepareOptions): Promise<PreparedFiles> {
  const cwd = path.resolve(options.cwd);
  const files = await discoverFiles({ cwd, paths: options.paths ?? [], ...(options.appliedMigrations ? { appliedMigrations: options.appliedMigrations } : {}) });
  const loaded = await readSourceFiles(files, (done, file) => options.onProgress?.({ phase: 'read', done, total: files.length, file: file.path }));
  // The schema files parsed here are parsed once: the rewrite takes their programs (`shareParsedPrograms`).
  const scan: RenamePlan = { tables: [], columns: [], steps: [] };
  retainParsedPrograms(scan, RETAINED_SOURCE_BYTES);
  const known = await getKnownTables(loaded.texts, (source, file) => findDrizzleTableNamesOf(source, file, scan), options.tableNames);
  const warnings = known.warnings;
  return { files, loaded, knownTables: known.tables, tableSources: known, warnings, scan };
}

/** `findDrizzleTableNames`, a failure other than a syntax error of the file (an internal error) naming the file. */
function findDrizzleTableNamesOf(source: string, file: string, scan: RenamePlan): ReturnType<typeof findDrizzleTableNames> {
  try {
    return findDrizzleTableNames(source, file, scan);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw new Error(`${file}: reading its Drizzle tables failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Throws a UsageError when `cwd` is in a git work tree with uncommitted changes. */
export async function assertCleanWorkTree(cwd: string): Promise<void> {
  if (!(await isGitWorkTree(cwd))) return;
  const changes = await getUncommittedChanges(cwd);
  if (changes.length === 0) return;
  const shown = changes.slice(0, 5).map((line) => `  ${line}`);
  if (changes.length > 5) shown.push(`  … and ${changes.length - 5} more`);
  throw new UsageError(
    `The git work tree has uncommitted changes:\n${shown.join('\n')}\nCommit or stash them first, so the rename is one diff you can review and revert; or pass --force.`,
  );
}

export async function runRename(options: RenameOptions): Promise<RenameReport> {
  const cwd = path.resolve(options.cwd);
  if (!options.dryRun && !options.force) await assertCleanWorkTree(cwd);
  const prepared = options.prepared ?? (await prepareRename(options));
  const tools = detectMigrationTools(cwd, prepared.files.map((file) => file.path));
  const dir = options.migrationDir ?? options.migration?.dir;
  const request: MigrationRequest = {
    mode: options.migration?.mode ?? (dir === undefined ? 'none' : 'auto'),
    ...(dir === undefined ? {} : { dir: path.resolve(cwd, dir) }),
    ...(options.migration?.format ? { format: options.migration.format } : {}),
  };
  // Neither option given (a programmatic caller that did not ask): no migration and nothing to say about it.
  const isAsked = options.migration !== undefined || dir !== undefined;
  const { targets, notes } = isAsked ? getMigrationTargets(cwd, tools, prepared.loaded.texts, options.plan, request) : { targets: [], notes: [] };
  // The migrations are computed before any file is written: a writer that refuses the plan stops the run.
  const outputs: MigrationOutput[] = [];
  for (const tool of targets) {
    const output = await getMigrationOutput({ plan: options.plan, tool, files: prepared.loaded.texts });
    if (output) outputs.push(output);
  }
  await loadModule();

  const clientCasing = options.settings?.casing || getConfigCasing(cwd, tools) ? null : getClientCasing(prepared.loaded.texts.filter((file) => file.kind === 'code'));
  const casing = options.settings?.casing ?? getConfigCasing(cwd, tools) ?? clientCasing?.casing ?? null;
  const settings: TransformSettings = { ...options.settings, ...(casing ? { casing } : {}), cwd };
  if (prepared.scan) shareParsedPrograms(prepared.scan, options.plan);
  const prefiltered = prefilterFiles(prepared.loaded, options.plan);
  const exportRenames = options.renameExports ? await getExportRenames(cwd, options.plan, settings, prepared.loaded.texts, prefiltered.candidates) : null;
  const candidates = exportRenames?.candidates ?? prefiltered.candidates;
  const getTransforms = options.getTransforms ?? getTransformsFor;
  const changed: ChangedFile[] = [];
  const skipped: SkippedFile[] = prefiltered.skipped.map(({ file, reason }) => ({ file: file.path, reason: 'binary', message: reason }));
  const review: ReviewItem[] = [];
  const unlisted: UnlistedMention[] = [];
  const columnTables = getColumnTableWords(options.plan, prepared.tableSources.codeExports);
  const warnings: string[] = [...prepared.warnings, ...(options.plan.warnings ?? []), ...notes, ...outputs.flatMap((output) => output.warnings)];
  if (clientCasing) {
    warnings.push(`casing ${clientCasing.casing} taken from the drizzle() call in ${clientCasing.files.join(', ')} (drizzle.config.* does not set it); pass --casing to override`);
  }
  const migrated = options.plan.migrated;
  if (migrated) {
    const names = [
      ...migrated.tables.map((t) => `${getDisplayName(t.schema, t.from)} → ${t.to}`),
      ...migrated.columns.map((c) => `${getDisplayName(c.schema, c.table)}.${c.from} → ${c.to}`),
    ];
    warnings.push(`already performed by the project's migrations, so no migration repeats them: ${names.join(', ')}`);
  }
  let interrupted = false;
  let done = 0;
  // Files are written while the next ones are rewritten (each write waits on the disk's fsync).
  const writes = createWriteQueue<ChangedFile>(WRITES_IN_FLIGHT);
  if (exportRenames) {
    review.push(...exportRenames.review);
    warnings.push(...exportRenames.warnings);
  }
  for (const file of candidates) {
    if (options.signal?.aborted) {
      interrupted = true;
      break;
    }
    // With --rename-exports, the transforms run on the file as the export renames left it.
    const start = exportRenames?.texts.get(file.absolutePath) ?? file.source;
    const outcome = rewriteFile({ ...file, source: start }, options.plan, getTransforms(file.path).map((transform) => withSettings(transform, settings)), columnTables);
    if (outcome.kind === 'skipped') {
      skipped.push({ file: file.path, reason: outcome.reason, message: outcome.message });
    } else {
      review.push(...outcome.review);
      unlisted.push(...outcome.unlisted);
      const text = outcome.kind === 'rewritten' ? outcome.text : start;
      const edits = (outcome.kind === 'rewritten' ? outcome.edits : 0) + (start === file.source ? 0 : 1);
      if (text !== file.source) await writes.add(saveFile(file, text, edits, options.dryRun));
    }
    done += 1;
    options.onProgress?.({ phase: 'rewrite', done, total: candidates.length, file: file.path });
    // Let a Ctrl-C (and the progress bar) through between files: the writes no longer wait on each file.
    await new Promise((resolve) => setImmediate(resolve));
  }
  changed.push(...(await writes.finish()));

  const migrations: MigrationFile[] = [];
  for (const migration of interrupted ? [] : outputs) {
    if (options.dryRun) {
      for (const output of migration.files) {
        const relative = toPosix(path.relative(cwd, path.join(migration.tool.dir, output.path)));
        const diff = getUnifiedDiff(relative, output.previous ?? '', output.text);
        migrations.push({ file: relative, written: false, diff: output.previous === null ? diff.replace(`--- a/${relative}`, '--- /dev/null') : diff });
      }
    } else {
      for (const written of await writeMigrationOutput(migration)) {
        migrations.push({ file: toPosix(path.relative(cwd, written)), written: true });
      }
    }
    review.push(...migration.review);
  }
  // A re-run on the committed result: what is left are the mentions the run that applied the renames listed, and
  // the files it skipped as binary (no transform can read them, the same in every run): information, exit 0.
  const alreadyApplied =
    options.plan.isAppliedInCode === true && !interrupted && changed.length === 0 && migrations.length === 0 &&
    prepared.loaded.unreadable.length === 0 &&
    skipped.every((entry) => entry.reason === 'binary');
  if (alreadyApplied && review.length + skipped.length > 0) {
    const database = options.plan.steps.length > 0 ? ' (in the code; the migrations do not perform them yet, and no migration was asked for)' : '';
    const binary = skipped.length > 0 ? ` and ${skipped.length === 1 ? 'the binary file' : `the ${skipped.length} binary files`} it skipped` : '';
    warnings.push(
      `every rename is already applied${database} and nothing changed: the ${review.length} remaining mentions of the old names${binary} were listed by the run that applied them; they are not listed for review again (--show-all-leftovers or --json lists them)`,
    );
    unlisted.push(...review.splice(0).map((item): UnlistedMention => ({ ...item, why: 'already-listed' })));
  }

  return {
    version: 1,
    dryRun: options.dryRun,
    interrupted,
    plan: options.plan,
    filesScanned: prepared.files.length,
    candidates: candidates.length,
    changed,
    skipped: [...skipped, ...prepared.loaded.unreadable.map(({ file, message }) => ({ file: file.path, reason: 'unreadable' as const, message }))].sort((a, b) => compare(a.file, b.file)),
    review: review.sort(compareItems),
    unlisted: unlisted.sort(compareItems),
    alreadyApplied,
    migrations,
    warnings: [...new Set(warnings)],
  };
}

interface ExportRenames {
  /** Absolute path → text after the export renames. */
  readonly texts: ReadonlyMap<string, string>;
  /** The prefilter's candidates plus every run file the export renames changed, in path order. */
  readonly candidates: readonly SourceFile[];
  readonly review: readonly ReviewItem[];
  readonly warnings: readonly string[];
}

/** `--rename-exports`: ts-morph (loaded only here) renames each renamed table's export across the project. */
async function getExportRenames(
  cwd: string,
  plan: RenamePlan,
  settings: TransformSettings,
  texts: readonly SourceFile[],
  candidates: readonly SourceFile[],
): Promise<ExportRenames> {
  const { renameExports } = await import('./rename-exports.js');
  const result = await renameExports({ cwd, plan, settings });
  const byPath = new Map(texts.map((file) => [file.absolutePath, file]));
  const selected = new Map(candidates.map((file) => [file.absolutePath, file]));
  const warnings: string[] = [];
  for (const changedPath of result.changedFiles.keys()) {
    const file = byPath.get(changedPath);
    if (file) selected.set(changedPath, file);
    else warnings.push(`${toPosix(path.relative(cwd, changedPath))}: uses a renamed export but is outside the run's paths; not changed (it will not compile until updated)`);
  }
  return {
    texts: result.changedFiles,
    candidates: [...selected.values()].sort((a, b) => compare(a.path, b.path)),
    review: result.review.map((item) => ({ ...item, file: path.isAbsolute(item.file) ? toPosix(path.relative(cwd, item.file)) : item.file })),
    warnings,
  };
}

/**
 * The `casing` of the project's drizzle config, for code transforms given no `--casing`: the nearest config at or
 * above `cwd`, else the one casing every detected config (monorepo packages) agrees on.
 */
function getConfigCasing(cwd: string, tools: readonly MigrationTool[]): TransformSettings['casing'] | null {
  // drizzle-kit v1 takes no `casing` from its config (it moved to drizzle()): its columns are named as written.
  const isV1 = (configPath: string) => tools.some((tool) => tool.format === 'drizzle-kit-v1' && tool.config?.path === configPath);
  const nearest = findDrizzleConfig(cwd);
  if (nearest) return isV1(nearest.path) ? null : nearest.casing;
  const casings = new Set(tools.flatMap((tool) => (tool.config && tool.format === 'drizzle-kit' ? [tool.config.casing] : [])));
  const [only] = casings;
  return casings.size === 1 && only ? only : null;
}

/** `transform` with the run's settings in its input (keeping its name for error messages). */
function withSettings(transform: SourceTransform, settings: TransformSettings): SourceTransform {
  const wrapped: SourceTransform = (input) => transform({ ...input, settings: input.settings ?? settings });
  Object.defineProperty(wrapped, 'name', { value: transform.name });
  return wrapped;
}

async function saveFile(file: SourceFile, text: string, edits: number, dryRun: boolean): Promise<ChangedFile> {
  if (dryRun) return { file: file.path, edits, diff: getUnifiedDiff(file.path, file.source, text) };
  await writeFileAtomic(file.absolutePath, text);
  return { file: file.path, edits };
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * For each renamed column (whose old name is not also a renamed table's), the words naming its table: the table's old
 * and new names and the Drizzle exports of either (`getUnreachedColumnNames`).
 */
function getColumnTableWords(plan: RenamePlan, codeExports: ReadonlyMap<string, ReadonlySet<string>>): ColumnTableWords {
  const tableNames = new Set(plan.tables.map((table) => table.from));
  const words = new Map<string, Set<string>>();
  for (const column of plan.columns) {
    if (tableNames.has(column.from)) continue;
    const newTable = plan.tables.find((table) => table.schema === column.schema && table.from === column.table)?.to;
    const names = newTable === undefined ? [column.table] : [column.table, newTable];
    const set = words.get(column.from) ?? new Set<string>();
    for (const name of names) {
      set.add(name);
      for (const variable of codeExports.get(`${column.schema}.${name}`) ?? []) set.add(variable);
    }
    words.set(column.from, set);
  }
  return new Map([...words].map(([column, set]) => [column, [...set]]));
}

function compareItems(a: ReviewItem, b: ReviewItem): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
