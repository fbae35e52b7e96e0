#!/usr/bin/env node
/**
 * `drizzle-schema rename`: the command line over `buildPlan` and `runRename`.
 * Exit codes: 0 done; 1 done with items to review or files skipped; 2 bad input (nothing written);
 * 3 an internal error (a bug: please report it); 130 interrupted by Ctrl-C (files written so far are whole).
 */
import { existsSync, realpathSync } from 'node:fs';
import module from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Casing } from '../naming/casing.js';
import type { RenameRequests } from './manifest.js';
import { parseColumnFlag, parseTableFlag, readManifestFile } from './manifest.js';
import type { MigrationFormat } from './migration/migration-tool.js';
import { MIGRATION_FORMATS } from './migration/migration-tool.js';
import { buildPlan } from './plan.js';
import { createProgressBar } from './progress.js';
import { formatReportJson, formatReportText, getExitCode } from './report.js';
import type { TransformSettings } from './types.js';
import { UsageError } from './types.js';
import { usePinnedTypeScript } from './use-pinned-typescript.js';

export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;
export const EXIT_INTERRUPTED = 130;

export interface CliIo {
  readonly stdout: { write(text: string): boolean };
  readonly stderr: { write(text: string): boolean; readonly isTTY?: boolean; readonly columns?: number };
  readonly cwd: string;
  /** Receives Ctrl-C; the CLI registers a listener for the run and removes it after. */
  readonly process?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export const HELP = `Usage: drizzle-schema rename [paths...] [options]

Rename tables and columns across a codebase (Drizzle schema, supabase-js, generated Supabase types,
raw SQL) and write the migration that renames them in the database.

Renames (repeatable, all applied at once; a→b with b→a is a swap):
  --table old=new              rename a table (schema.old=new for a schema other than public)
  --column table.old=new       rename a column (schema.table.old=new; the table by its old or new name)
  --manifest file              read renames from JSON or YAML:
                               { "tables": { "old": "new" }, "columns": { "table.old": "new" } }

Options:
  --dry-run                    print a unified diff and the report, write nothing
  --force                      run even if the git work tree has uncommitted changes
  --json                       print the report as JSON on stdout
  --show-all-leftovers         list every mention of an old name that is not for review (a column's
                               name in files that never name its table; on a re-run that finds
                               everything applied, what the first run listed); default: counted
Migration (default: written into each detected migrations folder whose database has a renamed
table, in its tool's format: drizzle.config.* out with meta/_journal.json = drizzle-kit journal
entry + snapshot; out with <timestamp>_<name>/ folders = drizzle-kit v1; supabase/migrations =
Supabase CLI; another migrations folder = plain SQL):
  --no-migration               write no migration (the report names the folder that would get it)
  --migration-dir dir          write the migration into dir only (its format detected from dir)
  --migration-format name      force the format: drizzle-kit, drizzle-kit-v1, supabase or plain
  --applied-migrations dir     .sql files under dir are applied migrations: never rewritten, only
                               listed for review (repeatable; default: what the detected tools apply)
  --rename-exports             also rename each renamed table's TypeScript export
  --casing name                how drizzle names a column without a name string: snake_case,
                               camelCase or preserve (default: the drizzle config's casing, else
                               preserve; as drizzle()'s casing option)
  --helper-module file         a module exporting the project's column helpers, so columns they
                               build are renamed through the helper's name parameter (repeatable;
                               as the ESLint plugin's helperModules setting)
  --cwd dir                    run as if started in dir
  --debug                      on an internal error, print its stack (for a bug report)
  -h, --help                   show this help
  -v, --version                show the version

Paths default to the current folder; in a git work tree, git-ignored files are skipped, and
node_modules always is.

Exit codes: 0 done (also the same command again on the committed result), 1 done with items to
review or files skipped, 2 bad input (nothing written),
3 internal error (a bug: please report it), 130 interrupted.
`;

/** Where bugs are reported (also package.json's \`bugs\`). */
export const BUG_REPORT_URL = 'https://github.com/drizzle-schema/eslint-plugin-drizzle-schema/issues';

const OPTIONS = {
  table: { type: 'string', multiple: true },
  column: { type: 'string', multiple: true },
  manifest: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  'show-all-leftovers': { type: 'boolean' },
  'migration-dir': { type: 'string' },
  'no-migration': { type: 'boolean' },
  'migration-format': { type: 'string' },
  'applied-migrations': { type: 'string', multiple: true },
  'rename-exports': { type: 'boolean' },
  casing: { type: 'string' },
  'helper-module': { type: 'string', multiple: true },
  cwd: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  try {
    return await runCommand(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`drizzle-schema: ${error.message}\n`);
      if (wantsJson) io.stdout.write(`${JSON.stringify({ version: 1, error: { kind: 'usage', message: error.message } }, null, 2)}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(getInternalErrorMessage(error, argv.includes('--debug')));
    markReported(error);
    if (wantsJson) io.stdout.write(`${JSON.stringify({ version: 1, error: { kind: 'internal', message: getErrorSummary(error) } }, null, 2)}\n`);
    return EXIT_INTERNAL;
  }
}

/**
 * The one message of an internal error (exit 3): what failed, that it is a bug, where to report it, and how to get
 * the stack (`--debug`, which prints it here, with its causes).
 */
export function getInternalErrorMessage(error: unknown, debug: boolean): string {
  const lines = [
    `drizzle-schema: internal error: ${getErrorSummary(error)}`,
    `This is a bug in drizzle-schema, not a problem with your files (files written so far are whole). Please report it at ${BUG_REPORT_URL}`,
    debug ? getErrorStack(error) : 'with the command you ran and the output of the same command with --debug, which prints the stack.',
  ];
  return `${lines.join('\n')}\n`;
}

const REPORTED = Symbol('drizzle-schema.reported');

/**
 * Node 20 also reports an error thrown while a CommonJS module evaluates under `import()` as an unhandled rejection,
 * after `runCli` has printed it: the entry's fatal handler skips errors marked here.
 */
function markReported(error: unknown): void {
  if (typeof error === 'object' && error !== null && Object.isExtensible(error)) Object.defineProperty(error, REPORTED, { value: true });
}

function isReported(error: unknown): boolean {
  return typeof error === 'object' && error !== null && REPORTED in error;
}

function getErrorSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const first = error.message.split('\n')[0] ?? '';
  return error.name === 'Error' || first.startsWith(error.name) ? first : `${error.name}: ${first}`;
}

function getErrorStack(error: unknown): string {
  const stacks: string[] = [];
  for (let current: unknown = error; current !== undefined && stacks.length < 5; current = current instanceof Error ? current.cause : undefined) {
    stacks.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
  }
  return `with the command you ran and this stack:\n${stacks.join('\nCaused by: ')}`;
}

async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(argv);
  if (values.version) {
    io.stdout.write(`${await getVersion()}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || command === undefined || command === 'help') {
    if (command === undefined && !values.help) {
      throw new UsageError(`missing command: drizzle-schema rename [paths...] --table old=new …\n\n${HELP}`);
    }
    io.stdout.write(HELP);
    return 0;
  }
  if (command !== 'rename') throw new UsageError(`unknown command "${command}"; the command is "rename" (see drizzle-schema --help)`);

  const cwd = path.resolve(io.cwd, values.cwd ?? '.');
  const requests = await getRequests(values, cwd);
  if (requests.tables.length === 0 && requests.columns.length === 0) {
    throw new UsageError('nothing to rename: give --table old=new, --column table.old=new or --manifest file');
  }
  const settings = getSettings(values, cwd);
  const dryRun = values['dry-run'] ?? false;
  const force = values.force ?? false;
  // The run (parsers, libpg-query, the transforms) loads only now: --help, --version and bad flags answer at once.
  const { assertCleanWorkTree, prepareRename, runRename } = await import('./run.js');
  if (!dryRun && !force) await assertCleanWorkTree(cwd);

  const progress = io.stderr.isTTY && !values.json ? createProgressBar(io.stderr) : null;
  const controller = new AbortController();
  const onInterrupt = (): void => {
    if (controller.signal.aborted) return;
    io.stderr.write('\ndrizzle-schema: interrupted; finishing the current file, then stopping (Ctrl-C again to quit now)\n');
    controller.abort();
    io.process?.off('SIGINT', onInterrupt);
  };
  io.process?.on('SIGINT', onInterrupt);
  try {
    const common = {
      cwd,
      paths,
      ...(values['applied-migrations'] ? { appliedMigrations: values['applied-migrations'] } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    };
    const tableNames = [...new Set([...requests.tables.flatMap((t) => [t.from, t.to]), ...requests.columns.map((c) => c.table)])];
    const prepared = await prepareRename({ ...common, tableNames });
    const plan = buildPlan(requests, { knownTables: prepared.knownTables, sources: prepared.tableSources });
    const report = await runRename({
      ...common,
      plan,
      prepared,
      dryRun,
      force,
      signal: controller.signal,
      migration: getMigrationRequest(values),
      ...(values['rename-exports'] ? { renameExports: true } : {}),
      settings,
    });
    progress?.stop();
    io.stdout.write(values.json ? formatReportJson(report) : formatReportText(report, { showAllLeftovers: values['show-all-leftovers'] ?? false }));
    return report.interrupted ? EXIT_INTERRUPTED : getExitCode(report);
  } finally {
    progress?.stop();
    io.process?.off('SIGINT', onInterrupt);
  }
}

function parseCliArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(`${getFirstSentence(error.message)} (see drizzle-schema rename --help)`);
    }
    throw error;
  }
}

function getFirstSentence(message: string): string {
  const match = /^[^\n]*?\.(?=\s|$)/.exec(message);
  return (match ? match[0].slice(0, -1) : message.split('\n')[0]) ?? message;
}

async function getRequests(values: { table?: string[]; column?: string[]; manifest?: string[] }, cwd: string): Promise<RenameRequests> {
  const tables = (values.table ?? []).map(parseTableFlag);
  const columns = (values.column ?? []).map(parseColumnFlag);
  for (const manifest of values.manifest ?? []) {
    const fromFile = await readManifestFile(path.resolve(cwd, manifest), manifest);
    tables.push(...fromFile.tables);
    columns.push(...fromFile.columns);
  }
  return { tables, columns };
}

/** `--no-migration`, `--migration-dir` and `--migration-format`, validated. */
function getMigrationRequest(values: { 'no-migration'?: boolean; 'migration-dir'?: string; 'migration-format'?: string }): {
  mode: 'auto' | 'none';
  dir?: string;
  format?: MigrationFormat;
} {
  const format = values['migration-format'];
  if (format !== undefined && !(MIGRATION_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--migration-format must be one of ${MIGRATION_FORMATS.join(', ')}, got "${format}"`);
  }
  if (values['no-migration'] && (values['migration-dir'] !== undefined || format !== undefined)) {
    throw new UsageError('--no-migration cannot be combined with --migration-dir or --migration-format');
  }
  return {
    mode: values['no-migration'] ? 'none' : 'auto',
    ...(values['migration-dir'] === undefined ? {} : { dir: values['migration-dir'] }),
    ...(format === undefined ? {} : { format: format as MigrationFormat }),
  };
}

/** `--casing` and `--helper-module`, validated; helper modules as absolute paths. */
function getSettings(values: { casing?: string; 'helper-module'?: string[] }, cwd: string): Pick<TransformSettings, 'casing' | 'helperModules'> {
  const casing = values.casing;
  if (casing !== undefined && !isCasing(casing)) throw new UsageError(`--casing must be one of ${CASINGS.join(', ')}, got "${casing}"`);
  const helperModules = (values['helper-module'] ?? []).map((file) => {
    const absolute = path.resolve(cwd, file);
    if (!existsSync(absolute)) throw new UsageError(`--helper-module ${file}: no such file (paths are relative to ${cwd})`);
    return absolute;
  });
  return { ...(casing === undefined ? {} : { casing }), helperModules };
}

const CASINGS: readonly Casing[] = ['snake_case', 'camelCase', 'preserve'];

function isCasing(value: string): value is Casing {
  return (CASINGS as readonly string[]).includes(value);
}

async function getVersion(): Promise<string> {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(folder, 'package.json');
    const text = await readFile(candidate, 'utf8').catch((error: unknown) => {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return null;
      throw error;
    });
    if (text !== null) {
      const data = JSON.parse(text) as { name?: string; version?: string };
      if (data.name === 'eslint-plugin-drizzle-schema' && data.version) return data.version;
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('package.json of eslint-plugin-drizzle-schema not found');
    folder = parent;
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  const argv = process.argv.slice(2);
  // Whatever escapes runCli (an error in a callback, a rejection nobody awaited) is an internal error too: exit 3.
  const onFatal = (error: unknown): void => {
    if (isReported(error)) return;
    process.stderr.write(getInternalErrorMessage(error, argv.includes('--debug')));
    process.exit(EXIT_INTERNAL);
  };
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  // Node ≥ 22.1 keeps compiled code of the modules it loads (TypeScript is most of the start-up time) in its cache.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  try {
    // Before anything loads typescript-estree: the CLI parses with its own TypeScript, not the repository's.
    usePinnedTypeScript();
    process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), process });
  } catch (error) {
    onFatal(error);
  }
}
