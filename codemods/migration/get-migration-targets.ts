/**
 * Where a rename run writes its migration, from the detected migration tools and the flags:
 * - default (`auto`): every detected migrations folder whose database has a renamed table (drizzle-kit: the last
 *   snapshot has it; Supabase and plain folders: an applied migration names it); when none has, the only detected
 *   folder if there is exactly one. In a monorepo with several drizzle configs this is each package whose schema
 *   holds a renamed table;
 * - `--migration-dir dir`: that folder only, in its detected format (`--migration-format` forces one);
 * - `--no-migration`: nowhere.
 * `notes` say, for the report, when a migrations folder exists and no migration is written there, and how to get one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RenamePlan } from '../types.js';
import { UsageError } from '../types.js';
import type { MigrationFormat, MigrationTool } from './migration-tool.js';
import { isAppliedByTool, MIGRATION_FORMAT_NAMES } from './migration-tool.js';

export interface MigrationRequest {
  readonly mode: 'auto' | 'none';
  /** `--migration-dir`, absolute. */
  readonly dir?: string;
  /** `--migration-format`. */
  readonly format?: MigrationFormat;
}

export interface MigrationTargets {
  readonly targets: readonly MigrationTool[];
  readonly notes: readonly string[];
}

export function getMigrationTargets(
  cwd: string,
  tools: readonly MigrationTool[],
  files: ReadonlyArray<{ readonly absolutePath: string; readonly kind: string; readonly source: string }>,
  plan: RenamePlan,
  request: MigrationRequest,
): MigrationTargets {
  const display = (tool: MigrationTool) => {
    const folder = relative(cwd, tool.dir);
    return `${folder} (${MIGRATION_FORMAT_NAMES[tool.format]}${tool.source === folder ? '' : `, from ${tool.source}`})`;
  };
  if (request.dir !== undefined) {
    const known = tools.find((tool) => tool.dir === request.dir);
    const tool = known ? withFormat(known, request.format) : getToolOfFolder(cwd, request.dir, tools, request.format);
    return { targets: [tool], notes: [] };
  }
  const chosen = request.format ? tools.map((tool) => withFormat(tool, request.format)) : tools;
  const relevant = chosen.filter((tool) => hasRenamedTable(tool, files, plan));
  if (request.mode === 'none') {
    return {
      targets: [],
      notes: (relevant.length > 0 ? relevant : chosen).map((tool) => `migrations folder ${display(tool)}: no migration written (--no-migration); run without --no-migration to write it there`),
    };
  }
  const targets = relevant.length > 0 ? relevant : chosen.length === 1 ? chosen : [];
  const notes: string[] = [];
  if (chosen.length === 0) notes.push('no migrations folder found (drizzle.config.*, supabase/migrations, or a migrations folder with numbered .sql files): no migration written; pass --migration-dir dir to write one');
  else if (targets.length === 0) notes.push(`no migration written: none of the migrations folders creates a renamed table (${chosen.map(display).join('; ')}); pass --migration-dir dir to choose one`);
  for (const tool of chosen) if (!targets.includes(tool) && targets.length > 0) notes.push(`migrations folder ${display(tool)}: no renamed table there, no migration written; pass --migration-dir ${relative(cwd, tool.dir)} to write one there`);
  return { targets, notes };
}

function withFormat(tool: MigrationTool, format: MigrationFormat | undefined): MigrationTool {
  if (format === undefined || format === tool.format) return tool;
  assertFormatFits(tool.dir, format);
  return { ...tool, format, source: '--migration-format' };
}

/** A `--migration-dir` that is no detected tool's folder: its format from what it holds. */
function getToolOfFolder(cwd: string, dir: string, tools: readonly MigrationTool[], format: MigrationFormat | undefined): MigrationTool {
  const config = tools.find((tool) => tool.config?.out === dir)?.config ?? null;
  const detected: MigrationFormat = fs.existsSync(path.join(dir, 'meta/_journal.json'))
    ? 'drizzle-kit'
    : hasV1Folders(dir)
      ? 'drizzle-kit-v1'
      : /(^|[\\/])supabase[\\/]migrations$/.test(dir)
        ? 'supabase'
        : 'plain';
  const chosen = format ?? detected;
  assertFormatFits(dir, chosen);
  let journalTags: string[] = [];
  if (chosen === 'drizzle-kit') {
    try {
      const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries?: Array<{ tag?: unknown }> };
      journalTags = (journal.entries ?? []).flatMap((entry) => (typeof entry.tag === 'string' ? [entry.tag] : []));
    } catch {
      journalTags = [];
    }
  }
  return { format: chosen, dir, config, source: format ? '--migration-format' : '--migration-dir', journalTags };
}

function assertFormatFits(dir: string, format: MigrationFormat): void {
  if (format === 'drizzle-kit' && !fs.existsSync(path.join(dir, 'meta/_journal.json'))) {
    throw new UsageError(`--migration-format drizzle-kit: ${dir} has no meta/_journal.json (run drizzle-kit generate once first, or choose another format)`);
  }
  if (format === 'drizzle-kit-v1' && !hasV1Folders(dir)) {
    throw new UsageError(`--migration-format drizzle-kit-v1: ${dir} has no <timestamp>_<name>/snapshot.json folder (run drizzle-kit generate once first, or choose another format)`);
  }
}

function hasV1Folders(dir: string): boolean {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).some((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'snapshot.json')));
  } catch {
    return false;
  }
}

/** Whether the tool's database has a table the plan renames (or renames columns of), by its old or new name. */
function hasRenamedTable(tool: MigrationTool, files: ReadonlyArray<{ readonly absolutePath: string; readonly kind: string; readonly source: string }>, plan: RenamePlan): boolean {
  // New names too: after a completed run (a re-run) the database has them.
  const tables = [
    ...plan.tables.flatMap((table) => [{ schema: table.schema, name: table.from }, { schema: table.schema, name: table.to }]),
    ...plan.columns.map((column) => ({ schema: column.schema, name: column.table })),
  ];
  if (tool.format === 'drizzle-kit' || tool.format === 'drizzle-kit-v1') {
    const text = getLastSnapshotText(tool);
    if (text === null) return false;
    return tables.some((table) => text.includes(JSON.stringify(table.name)));
  }
  const inFolder = files.filter((file) => file.kind === 'sql' && file.absolutePath.startsWith(`${tool.dir}${path.sep}`) && isAppliedByTool(tool, toPosix(path.relative(tool.dir, file.absolutePath))));
  return inFolder.some((file) => {
    const lower = file.source.toLowerCase();
    return tables.some((table) => lower.includes(table.name.toLowerCase()));
  });
}

function getLastSnapshotText(tool: MigrationTool): string | null {
  try {
    if (tool.format === 'drizzle-kit') {
      const meta = path.join(tool.dir, 'meta');
      const last = fs.readdirSync(meta).filter((name) => !name.startsWith('_') && name.endsWith('.json')).sort().at(-1);
      return last === undefined ? null : fs.readFileSync(path.join(meta, last), 'utf8');
    }
    const last = fs.readdirSync(tool.dir).filter((name) => fs.existsSync(path.join(tool.dir, name, 'snapshot.json'))).sort().at(-1);
    return last === undefined ? null : fs.readFileSync(path.join(tool.dir, last, 'snapshot.json'), 'utf8');
  } catch {
    return null;
  }
}

function relative(cwd: string, dir: string): string {
  return toPosix(path.relative(cwd, dir)) || '.';
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
