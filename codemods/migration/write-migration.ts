import { link, mkdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../write.js';
import type { BuiltMigration } from './build-migration.js';
import type { ToolMigrationFile } from './build-drizzle-kit-migration.js';
import { UsageError } from '../types.js';

/**
 * Write a migration's files into `dir`: the three files of a `BuiltMigration`, or a list of `ToolMigrationFile`s.
 * A new file is written to a temporary name first and then linked into place, which fails instead of overwriting an
 * existing file; a file that replaces another (drizzle-kit's journal) is replaced atomically, after checking it is
 * still what the migration was built from, and only after every new file is in place. A failure removes the files
 * this call already placed, so the folder never holds half a migration. Returns the paths written.
 */
export async function writeMigration(dir: string, migration: Pick<BuiltMigration, 'forward' | 'rollback' | 'cleanup'> | readonly ToolMigrationFile[]): Promise<string[]> {
  const files: readonly ToolMigrationFile[] = 'forward' in migration
    ? [migration.forward, migration.rollback, migration.cleanup].map((file) => ({ path: file.fileName, text: file.sql, previous: null }))
    : migration;
  const written: string[] = [];
  const placed: string[] = [];
  const createdFolders: string[] = [];
  try {
    for (const file of files.filter((entry) => entry.previous === null)) {
      const target = join(dir, file.path);
      const folder = dirname(target);
      const created = await mkdir(folder, { recursive: true });
      if (created !== undefined) createdFolders.push(folder);
      const temporary = join(folder, `.${file.path.split('/').pop() ?? 'migration'}.${process.pid}.tmp`);
      await writeFile(temporary, file.text, { flag: 'wx' });
      try {
        await link(temporary, target);
      } finally {
        await unlink(temporary);
      }
      placed.push(target);
      written.push(target);
    }
    for (const file of files.filter((entry) => entry.previous !== null)) {
      const target = join(dir, file.path);
      if ((await readFile(target, 'utf8')) !== file.previous) throw new UsageError(`${target} changed during the run: nothing of the migration was kept; run again`);
      await writeFileAtomic(target, file.text);
      written.push(target);
    }
  } catch (error) {
    await Promise.all(placed.map((path) => unlink(path)));
    for (const folder of createdFolders.reverse()) await rmdir(folder).catch(() => undefined);
    throw error;
  }
  return written;
}
