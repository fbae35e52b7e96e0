/**
 * Which files a rename run looks at. In a git work tree: what `git ls-files` lists (tracked and
 * untracked, ignores respected). Elsewhere: a walk that skips `node_modules`, `.git`, `dist` and every
 * symbolic link (so no loops, and no atomic write ever replaces a link with a copy). Files under a
 * `node_modules` folder and symbolic links are skipped in git mode too.
 *
 * Applied migrations follow the project's migration tools (`migration/detect-migration-tools.ts`): the files
 * drizzle-kit's journal names, drizzle-kit v1's `<folder>/migration.sql`, the Supabase CLI's `<digits>_x.sql`
 * directly in `supabase/migrations`, the numbered files directly in another `migrations` or `drizzle` folder.
 * They are never rewritten, only scanned for review, and they are replayed to learn the database's tables.
 * Other `.sql` files inside a migrations folder (a `rollbacks/` subfolder, a README script) are never applied:
 * they are rewritten as ordinary SQL but not replayed; the rollback and cleanup scripts this codemod writes
 * (`rollback_…`, `cleanup_…`) are neither rewritten nor replayed. With `appliedMigrations`, the `.sql` files
 * under those folders are the applied migrations instead.
 */
import { lstatSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isGitWorkTree, listGitFiles } from './git.js';
import { detectMigrationTools } from './migration/detect-migration-tools.js';
import type { MigrationTool } from './migration/migration-tool.js';
import { isAppliedByTool, RENAME_SCRIPT_NAME } from './migration/migration-tool.js';
import { UsageError } from './types.js';

export type FileKind = 'code' | 'sql';

export interface DiscoveredFile {
  readonly absolutePath: string;
  /** Relative to the run's cwd, with forward slashes; what reports show. */
  readonly path: string;
  readonly kind: FileKind;
  /** Never rewritten: an applied migration, or a rollback/cleanup script of this codemod. */
  readonly isAppliedMigration: boolean;
  /** Its statements describe the database: an applied migration, or a `.sql` file outside every migrations folder. */
  readonly isReplayed: boolean;
}

export interface DiscoverOptions {
  readonly cwd: string;
  /** Files or folders, relative to `cwd` or absolute. Empty: `cwd`. */
  readonly paths?: readonly string[];
  /** Folders whose `.sql` files are applied migrations; replaces the default detection. */
  readonly appliedMigrations?: readonly string[];
}

const CODE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist']);

/** `code` for JavaScript/TypeScript sources, `sql` for `.sql`, null for everything else. */
export function getFileKind(file: string): FileKind | null {
  const extension = path.extname(file).toLowerCase();
  if (CODE_EXTENSIONS.has(extension)) return 'code';
  if (extension === '.sql') return 'sql';
  return null;
}

export async function discoverFiles(options: DiscoverOptions): Promise<DiscoveredFile[]> {
  const cwd = path.resolve(options.cwd);
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  for (const given of paths) {
    await stat(path.resolve(cwd, given)).catch((error: unknown) => {
      if (isMissing(error)) throw new UsageError(`${given}: no such file or folder`);
      if (isLinkLoop(error)) throw new UsageError(`${given}: a loop of symbolic links, not a file or folder`);
      throw error;
    });
  }
  const relativeFiles = (await isGitWorkTree(cwd)) ? await getGitFiles(cwd, paths) : await getWalkedFiles(cwd, paths);
  const typed = relativeFiles
    .map((file) => ({ file: toPosix(file), kind: getFileKind(file) }))
    .filter((entry): entry is { file: string; kind: FileKind } => entry.kind !== null)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const classify = options.appliedMigrations
    ? getExplicitMigrationTest(cwd, options.appliedMigrations)
    : getToolMigrationTest(cwd, detectMigrationTools(cwd, typed.map((entry) => entry.file)));
  return typed.map(({ file, kind }) => ({
    absolutePath: path.resolve(cwd, file),
    path: file,
    kind,
    ...(kind === 'sql' ? classify(file) : { isAppliedMigration: false, isReplayed: false }),
  }));
}

type MigrationRole = Pick<DiscoveredFile, 'isAppliedMigration' | 'isReplayed'>;

async function getGitFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  const files = await listGitFiles(cwd, paths);
  const kept: string[] = [];
  for (const file of files) {
    if (getFileKind(file) === null || file.split('/').includes('node_modules')) continue;
    // Listed but deleted, a submodule, or a symbolic link: nothing to rewrite. (Synchronous: one system call each,
    // where an awaited call per file costs a round trip through the thread pool.)
    const info = lstatSync(path.join(cwd, file), { throwIfNoEntry: false });
    if (info?.isFile()) kept.push(file);
  }
  return kept;
}

async function getWalkedFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const visited = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute);
    if (info.isFile()) {
      // A given symbolic link to a file is skipped like any other link: the atomic write would replace it with a copy.
      if (!(await lstat(absolute)).isSymbolicLink()) found.push(path.relative(cwd, absolute));
    } else if (info.isDirectory()) {
      await walk(absolute, cwd, visited, found);
    }
  }
  return [...new Set(found)];
}

async function walk(folder: string, cwd: string, visited: Set<string>, found: string[]): Promise<void> {
  const real = await realpath(folder);
  if (visited.has(real)) return;
  visited.add(real);
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.isSymbolicLink()) continue;
    const absolute = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(absolute, cwd, visited, found);
    } else if (entry.isFile() && getFileKind(entry.name) !== null) {
      found.push(path.relative(cwd, absolute));
    }
  }
}

function getToolMigrationTest(cwd: string, tools: readonly MigrationTool[]): (file: string) => MigrationRole {
  const folders = tools.map((tool) => ({ tool, folder: toPosix(path.relative(cwd, tool.dir)) })).sort((a, b) => b.folder.length - a.folder.length);
  return (file) => {
    const owner = folders.find(({ folder }) => isInside(file, folder));
    if (!owner) return { isAppliedMigration: false, isReplayed: true };
    if (RENAME_SCRIPT_NAME.test(path.posix.basename(file))) return { isAppliedMigration: true, isReplayed: false };
    const applied = isAppliedByTool(owner.tool, owner.folder === '' || owner.folder === '.' ? file : file.slice(owner.folder.length + 1));
    return { isAppliedMigration: applied, isReplayed: applied };
  };
}

function getExplicitMigrationTest(cwd: string, folders: readonly string[]): (file: string) => MigrationRole {
  const relative = folders.map((folder) => toPosix(path.relative(cwd, path.resolve(cwd, folder))));
  return (file) => {
    const applied = relative.some((folder) => isInside(file, folder));
    return { isAppliedMigration: applied, isReplayed: !applied || /^\d/.test(path.posix.basename(file)) };
  };
}

function isInside(file: string, folder: string): boolean {
  return folder === '' || folder === '.' || file.startsWith(`${folder}/`);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function isLinkLoop(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ELOOP';
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
