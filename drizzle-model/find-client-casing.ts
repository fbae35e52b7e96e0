import fs from 'node:fs';
import path from 'node:path';
import { createFileCache } from './create-file-cache.js';
import { getClientCasing, type ClientCasing } from './get-client-casing.js';

/** Source files that can create a drizzle client (declaration files cannot). */
const SOURCE = /(?<!\.d)\.[cm]?[jt]sx?$/;
/** Folders that hold no application source: dependencies, build output, tool caches. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);
/** A package bigger than this is not searched whole (the casing then needs the setting or drizzle.config). */
const MAX_FILES = 5000;

interface Listing {
  /** Every folder read, with its mtime: the listing is valid while none of them changed. */
  readonly dirs: ReadonlyMap<string, number>;
  readonly files: readonly string[];
}

/** Source file listings keyed by package folder, reused while no folder's mtime changed. */
const listings = new Map<string, Listing>();
/** Per file: its text when it sets a client casing, else null (most files). */
const clientSources = createFileCache((text, absolutePath) => (getClientCasing([{ path: absolutePath, source: text }]) ? text : null));

function getPackageDir(fromDir: string): string {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(fromDir);
  }
}

function isListingValid(listing: Listing): boolean {
  for (const [dir, mtimeMs] of listing.dirs) {
    try {
      if (fs.statSync(dir).mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function listSourceFiles(root: string): Listing {
  const dirs = new Map<string, number>();
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0 && files.length < MAX_FILES) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      dirs.set(dir, fs.statSync(dir).mtimeMs);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      // A nested package (a workspace below this one) has its own client and its own lookup.
      if (entry.isDirectory() && !SKIPPED.has(entry.name) && !fs.existsSync(path.join(full, 'package.json'))) pending.push(full);
      else if (entry.isFile() && SOURCE.test(entry.name)) files.push(full);
    }
  }
  return { dirs, files };
}

/**
 * The casing set by `drizzle(client, { casing })` in the package that holds `fromDir` (the nearest folder at or
 * above it with a package.json): its source files, nested packages, `node_modules`, build output and dot-folders
 * left out, at most 5,000 files. The folder listing is reused while no folder's mtime changes, and each file is read
 * again only when its mtime or size changes, so a lint of many schema files lists the package once and then only
 * stats its files. Null when no file sets a casing, or when files disagree.
 */
export function findClientCasing(fromDir: string): ClientCasing | null {
  const root = getPackageDir(fromDir);
  let listing = listings.get(root);
  if (!listing || !isListingValid(listing)) {
    listing = listSourceFiles(root);
    listings.set(root, listing);
  }
  const sources = listing.files.flatMap((file) => {
    const source = clientSources.get(file);
    return source === null ? [] : [{ path: file, source }];
  });
  return getClientCasing(sources);
}
