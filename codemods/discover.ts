/**
 * Which files a rename run looks at. In a git work tree: what `git ls-files` lists (tracked and
 * untracked, ignores respected). Elsewhere: a walk that skips `node_modules`, `.git`, `dist` and every
 * symbolic link (so no loops, and no atomic write ever replaces a link with a copy). Files under a
 * `node_modules` folder and symbolic links are skipped in git mode too.
 *
 * Applied migrations: `.sql` files inside a folder named `migrations` or `drizzle` that directly holds
 * numbered `.sql` files (`0001_x.sql`, `20240101_x.sql`), or, when `appliedMigrations` is given, the
 * `.sql` files under those folders instead. They are never rewritten, only scanned for review.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isGitWorkTree, listGitFiles } from './git.js';
import { UsageError } from './types.js';

export type FileKind = 'code' | 'sql';

export interface DiscoveredFile {
  readonly absolutePath: string;
  /** Relative to the run's cwd, with forward slashes; what reports show. */
  readonly path: string;
  readonly kind: FileKind;
  readonly isAppliedMigration: boolean;
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
const MIGRATION_FOLDERS = new Set(['migrations', 'drizzle']);

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
  const isApplied = options.appliedMigrations
    ? getExplicitMigrationTest(cwd, options.appliedMigrations)
    : getDefaultMigrationTest(typed.filter((entry) => entry.kind === 'sql').map((entry) => entry.file));
  return typed.map(({ file, kind }) => ({
    absolutePath: path.resolve(cwd, file),
    path: file,
    kind,
    isAppliedMigration: kind === 'sql' && isApplied(file),
  }));
}

async function getGitFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  const files = await listGitFiles(cwd, paths);
  const kept: string[] = [];
  for (const file of files) {
    if (getFileKind(file) === null || file.split('/').includes('node_modules')) continue;
    // Listed but deleted, a submodule, or a symbolic link: nothing to rewrite.
    const info = await lstat(path.join(cwd, file)).catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
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

function getDefaultMigrationTest(sqlFiles: readonly string[]): (file: string) => boolean {
  const migrationFolders = new Set<string>();
  for (const file of sqlFiles) {
    const folder = path.posix.dirname(file);
    if (MIGRATION_FOLDERS.has(path.posix.basename(folder)) && /^\d/.test(path.posix.basename(file))) migrationFolders.add(folder);
  }
  return (file) => [...migrationFolders].some((folder) => isInside(file, folder));
}

function getExplicitMigrationTest(cwd: string, folders: readonly string[]): (file: string) => boolean {
  const relative = folders.map((folder) => toPosix(path.relative(cwd, path.resolve(cwd, folder))));
  return (file) => relative.some((folder) => isInside(file, folder));
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
