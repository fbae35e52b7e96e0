import fs from 'node:fs';

/**
 * A value derived from one file, recomputed only when the file's mtime or size changes. One entry per path
 * (a changed file replaces its entry), so the cache is bounded by the number of files a process has read.
 */
export interface FileCache<T> {
  /** The value for `absolutePath`, or null when the file cannot be read (missing, a folder). */
  get(absolutePath: string): T | null;
}

/** A cache of `derive(text, path)` keyed by path, checked against the file's mtime and size on every read. */
export function createFileCache<T>(derive: (text: string, absolutePath: string) => T): FileCache<T> {
  const entries = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly value: T }>();
  return {
    get(absolutePath) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(absolutePath);
      } catch {
        entries.delete(absolutePath);
        return null;
      }
      if (!stat.isFile()) return null;
      const hit = entries.get(absolutePath);
      if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.value;
      let text: string;
      try {
        text = fs.readFileSync(absolutePath, 'utf8');
      } catch {
        return null;
      }
      const value = derive(text, absolutePath);
      entries.set(absolutePath, { mtimeMs: stat.mtimeMs, size: stat.size, value });
      return value;
    },
  };
}
