/**
 * Find the project's migration tools from the repository itself:
 * 1. every `drizzle.config.*` (in the run's files, and in `cwd` itself) whose dialect is PostgreSQL (or not literal):
 *    its `out` folder with `meta/_journal.json` is drizzle-kit 0.x; with `<name>/migration.sql` subfolders it is
 *    drizzle-kit v1; an `out` folder that does not exist yet counts as neither (drizzle-kit has written nothing);
 * 2. `supabase/migrations` (next to a `supabase/config.toml`, or holding `.sql` files of the run);
 * 3. any other folder named `migrations` or `drizzle` that directly holds numbered `.sql` files (a plain folder).
 * A folder is claimed once: a drizzle config whose `out` is `supabase/migrations` makes it drizzle-kit, and the `out`
 * folder of a config of another dialect is none of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DrizzleConfig } from '../../drizzle-model/drizzle-config.js';
import { DRIZZLE_CONFIG_NAMES, readDrizzleConfig } from '../../drizzle-model/drizzle-config.js';
import type { MigrationFormat, MigrationTool } from './migration-tool.js';

const CONFIG_NAMES: ReadonlySet<string> = new Set(DRIZZLE_CONFIG_NAMES);
const PLAIN_FOLDERS: ReadonlySet<string> = new Set(['migrations', 'drizzle']);

/**
 * `files`: the run's files, relative to `cwd` with forward slashes. Returns the tools in a stable order
 * (drizzle configs by path, then Supabase, then plain folders).
 */
export function detectMigrationTools(cwd: string, files: readonly string[]): MigrationTool[] {
  const tools: MigrationTool[] = [];
  const claimed = new Set<string>();
  const add = (tool: MigrationTool) => {
    if (claimed.has(tool.dir)) return;
    claimed.add(tool.dir);
    tools.push(tool);
  };
  const configPaths = new Set(files.filter((file) => CONFIG_NAMES.has(path.posix.basename(file))).map((file) => path.resolve(cwd, file)));
  for (const name of DRIZZLE_CONFIG_NAMES) if (fs.existsSync(path.join(cwd, name))) configPaths.add(path.join(cwd, name));
  for (const configPath of [...configPaths].sort()) {
    const config = readDrizzleConfig(configPath);
    if (!config) continue;
    // Another dialect's folder (SQLite, MySQL) never gets a PostgreSQL migration, not even as a plain folder.
    if (config.dialect !== null && config.dialect !== 'postgresql') {
      claimed.add(config.out);
      continue;
    }
    const tool = getDrizzleKitTool(cwd, config);
    if (tool) add(tool);
  }
  const supabaseDirs = new Set<string>();
  if (fs.existsSync(path.join(cwd, 'supabase/config.toml')) || fs.existsSync(path.join(cwd, 'supabase/migrations'))) supabaseDirs.add(path.join(cwd, 'supabase/migrations'));
  for (const file of files) {
    const match = /^(.*\/)?supabase\/migrations\/[^/]+\.sql$/i.exec(file);
    if (match) supabaseDirs.add(path.resolve(cwd, `${match[1] ?? ''}supabase/migrations`));
  }
  for (const dir of [...supabaseDirs].sort()) add(createTool('supabase', dir, null, toPosix(path.relative(cwd, dir))));
  const plainDirs = new Set<string>();
  for (const file of files) {
    const folder = path.posix.dirname(file);
    if (file.toLowerCase().endsWith('.sql') && PLAIN_FOLDERS.has(path.posix.basename(folder)) && /^\d/.test(path.posix.basename(file))) plainDirs.add(path.resolve(cwd, folder));
  }
  for (const dir of [...plainDirs].sort()) add(createTool('plain', dir, null, toPosix(path.relative(cwd, dir))));
  return tools;
}

function getDrizzleKitTool(cwd: string, config: DrizzleConfig): MigrationTool | null {
  const source = toPosix(path.relative(cwd, config.path));
  const journal = path.join(config.out, 'meta/_journal.json');
  if (fs.existsSync(journal)) return { ...createTool('drizzle-kit', config.out, config, source), journalTags: readJournalTags(journal) };
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(config.out, { withFileTypes: true });
  } catch {
    return null;
  }
  if (entries.some((entry) => entry.isDirectory() && fs.existsSync(path.join(config.out, entry.name, 'migration.sql')))) {
    return createTool('drizzle-kit-v1', config.out, config, source);
  }
  return null;
}

function readJournalTags(journalPath: string): string[] {
  try {
    const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries?: Array<{ tag?: unknown }> };
    return (journal.entries ?? []).flatMap((entry) => (typeof entry.tag === 'string' ? [entry.tag] : []));
  } catch {
    return [];
  }
}

function createTool(format: MigrationFormat, dir: string, config: DrizzleConfig | null, source: string): MigrationTool {
  return { format, dir, config, source, journalTags: [] };
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
