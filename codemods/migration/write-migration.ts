import { link, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuiltMigration } from './build-migration.js';

/**
 * Write the forward, rollback and cleanup files into `dir`. Each file is written to a temporary name
 * first and then linked into place, which fails instead of overwriting an existing file; a failure
 * removes the files this call already placed, so the folder never holds half a migration.
 * Returns the paths written.
 */
export async function writeMigration(dir: string, migration: BuiltMigration): Promise<string[]> {
  const files = [migration.forward, migration.rollback, migration.cleanup];
  const written: string[] = [];
  try {
    for (const file of files) {
      const target = join(dir, file.fileName);
      const temporary = join(dir, `.${file.fileName}.${process.pid}.tmp`);
      await writeFile(temporary, file.sql, { flag: 'wx' });
      try {
        await link(temporary, target);
      } finally {
        await unlink(temporary);
      }
      written.push(target);
    }
  } catch (error) {
    await Promise.all(written.map((path) => unlink(path)));
    throw error;
  }
  return written;
}
