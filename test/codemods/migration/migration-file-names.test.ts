import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuiltMigration } from '../../../codemods/migration/build-migration.js';
import { getMigrationFileNames } from '../../../codemods/migration/migration-file-names.js';
import { writeMigration } from '../../../codemods/migration/write-migration.js';

const now = new Date('2025-06-01T12:34:56Z');
const MIGRATION_PATTERN = /^\d+_.*\.sql$/;

describe('getMigrationFileNames', () => {
  it.each([
    { name: 'Supabase timestamps, now is later', existing: ['20250101000000_init.sql', '20250301000000_more.sql'], forward: '20250601123456_rename_tables.sql' },
    { name: 'Supabase timestamps, last one in the future', existing: ['20250101000000_init.sql', '20991231235959_future.sql'], forward: '21000101000000_rename_tables.sql' },
    { name: 'drizzle-kit indexes', existing: ['0000_init.sql', '0007_cool_name.sql', 'meta'], forward: '0008_rename_tables.sql' },
    { name: 'empty folder', existing: [], forward: '20250601123456_rename_tables.sql' },
    { name: '8-digit dates, the last one today', existing: ['20250101000000_init.sql', '20250601_x.sql'], forward: '20250602_rename_tables.sql' },
    { name: '8-digit dates, the last one in the past', existing: ['20250122_x.sql'], forward: '20250601_rename_tables.sql' },
    { name: '14-digit timestamps after an 8-digit date', existing: ['20250122_x.sql', '20250301000000_y.sql'], forward: '20250601123456_rename_tables.sql' },
    { name: 'other widths: the next number', existing: ['001_a.sql', '002_b.sql'], forward: '003_rename_tables.sql' },
    { name: 'other names and earlier rollback files', existing: ['init.sql', 'rollback_20250101000000_rename_tables.sql'], forward: '20250601123456_rename_tables.sql' },
  ])('$name', ({ existing, forward }) => {
    const names = getMigrationFileNames(existing, now);
    expect(names.forward).toBe(forward);
    expect([...existing, names.forward].filter((file) => MIGRATION_PATTERN.test(file)).sort().at(-1)).toBe(forward);
    expect(names.rollback).toBe(`rollback_${forward}`);
    expect(names.cleanup).toBe(`cleanup_${forward}`);
    expect(MIGRATION_PATTERN.test(names.rollback) || MIGRATION_PATTERN.test(names.cleanup)).toBe(false);
  });
});

describe('writeMigration', () => {
  const migration: BuiltMigration = {
    forward: { fileName: '0001_rename_tables.sql', sql: 'BEGIN;\nCOMMIT;\n' },
    rollback: { fileName: 'rollback_0001_rename_tables.sql', sql: 'BEGIN;\n-- back\nCOMMIT;\n' },
    cleanup: { fileName: 'cleanup_0001_rename_tables.sql', sql: 'BEGIN;\n-- views\nCOMMIT;\n' },
    review: [],
    warnings: [],
  };

  const folders: string[] = [];
  const makeFolder = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'migration-'));
    folders.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('writes the three files and nothing else', async () => {
    const dir = await makeFolder();
    const written = await writeMigration(dir, migration);
    expect(written).toEqual([migration.forward, migration.rollback, migration.cleanup].map((file) => join(dir, file.fileName)));
    expect((await readdir(dir)).sort()).toEqual(['0001_rename_tables.sql', 'cleanup_0001_rename_tables.sql', 'rollback_0001_rename_tables.sql']);
    expect(await readFile(join(dir, 'rollback_0001_rename_tables.sql'), 'utf8')).toBe(migration.rollback.sql);
  });

  it('never overwrites a file, and leaves no partial migration behind', async () => {
    const dir = await makeFolder();
    await writeFile(join(dir, 'cleanup_0001_rename_tables.sql'), 'keep me');
    await expect(writeMigration(dir, migration)).rejects.toThrow(/EEXIST/);
    expect(await readdir(dir)).toEqual(['cleanup_0001_rename_tables.sql']);
    expect(await readFile(join(dir, 'cleanup_0001_rename_tables.sql'), 'utf8')).toBe('keep me');
  });
});
