/**
 * Bad input for the built CLI (`dist/bin/drizzle-schema.js`, in a subprocess): manifests with cycles, collisions,
 * empty/invalid/too-long names, unreadable, binary and unparsable files, symbolic link loops, and a run
 * interrupted by Ctrl-C. Each gets a clear message and the documented exit code (0 done, 1 done with files
 * skipped or to review, 2 bad input and nothing written, 130 interrupted), and no file is left half-written
 * or changed when it should not be. Cases already in test/codemods/cli/rename-cli.test.ts (JSON syntax error,
 * wrong shape, --table/--column collisions with an existing table, an ASCII 64-byte flag, a binary .sql,
 * a broken .sql and .ts, a symbolic link loop outside git) are not repeated.
 */
import { PGlite } from '@electric-sql/pglite';
import { applyPatch } from 'diff';
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, PHASE_ONE_RENAMES } from '../../bench/corpus.js';
import type { RenameReport } from '../../codemods/report.js';
import { assertBuilt, runCli } from '../codemods/cli/run-cli.js';
import { createProject } from '../codemods/run/temp-project.js';
import { runCliAndInterrupt } from './interrupt-cli.js';

beforeAll(assertBuilt);

/** Every file under `root` (relative, sorted), `.git` excluded; symbolic links are listed, not followed. */
function listTree(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = path.posix.join(dir, entry.name);
      if (entry.name === '.git') return [];
      return entry.isDirectory() ? listTree(root, relative) : [relative];
    })
    .sort();
}

const SCHEMA_SQL = 'create table a (id int primary key, marker text);\ncreate table b (id int primary key, marker text);\ncreate table c (id int primary key, marker text);\n';

describe('manifests', () => {
  it('a cycle a→b→c→a is legal: renamed through one temporary name, in code and in the migration (run on PGlite)', async () => {
    const project = createProject({
      'renames.yaml': 'tables:\n  a: b\n  b: c\n  c: a\n',
      'db/schema.sql': SCHEMA_SQL,
      'src/queries.ts': "export const rows = (supabase: any) => [supabase.from('a').select('marker'), supabase.from('b').select('marker'), supabase.from('c').select('marker')];\n",
    }, { git: true });
    const result = await runCli(['rename', '--manifest', 'renames.yaml', '--migration-dir', 'db/migrations', '--json'], project.root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as RenameReport;
    expect(report.plan.steps).toEqual([
      { kind: 'table', schema: 'public', from: 'a', to: 'a__tmp_rename' },
      { kind: 'table', schema: 'public', from: 'c', to: 'a' },
      { kind: 'table', schema: 'public', from: 'b', to: 'c' },
      { kind: 'table', schema: 'public', from: 'a__tmp_rename', to: 'b' },
    ]);
    expect(project.read('src/queries.ts')).toBe(
      "export const rows = (supabase: any) => [supabase.from('b').select('marker'), supabase.from('c').select('marker'), supabase.from('a').select('marker')];\n",
    );
    expect(project.read('db/schema.sql')).toBe(
      'create table b (id int primary key, marker text);\ncreate table c (id int primary key, marker text);\ncreate table a (id int primary key, marker text);\n',
    );
    const migrations = readdirSync(path.join(project.root, 'db/migrations')).sort();
    expect(migrations.map((name) => name.replace(/\d{14}/, '<time>'))).toEqual(['<time>_rename_tables.sql', 'cleanup_<time>_rename_tables.sql', 'rollback_<time>_rename_tables.sql']);
    const forward = project.read(`db/migrations/${migrations[0]!}`);
    expect(forward.split('\n').filter((line) => line.startsWith('ALTER TABLE'))).toEqual([
      'ALTER TABLE "public"."a" RENAME TO "a__tmp_rename";',
      'ALTER TABLE "public"."c" RENAME TO "a";',
      'ALTER TABLE "public"."b" RENAME TO "c";',
      'ALTER TABLE "public"."a__tmp_rename" RENAME TO "b";',
    ]);
    // The data follows the tables: the rows of old a are now in b, and so on; the rollback restores them.
    const db = new PGlite();
    try {
      await db.exec(`${SCHEMA_SQL}insert into a values (1, 'was a'); insert into b values (1, 'was b'); insert into c values (1, 'was c');`);
      const markers = async () => Promise.all(['a', 'b', 'c'].map(async (table) => (await db.query<{ marker: string }>(`select marker from ${table}`)).rows[0]?.marker));
      await db.exec(forward);
      expect(await markers()).toEqual(['was c', 'was a', 'was b']);
      await db.exec(project.read(`db/migrations/${migrations[2]!}`));
      expect(await markers()).toEqual(['was a', 'was b', 'was c']);
    } finally {
      await db.close();
    }
  });

  const refusals: Array<{ name: string; args: string[]; files?: Record<string, string | Buffer>; stderr: string }> = [
    {
      name: 'one table renamed twice, by the manifest and by a flag',
      args: ['--manifest', 'renames.yaml', '--table', 'a=z'],
      files: { 'renames.yaml': 'tables:\n  a: b\n  b: c\n  c: a\n' },
      stderr: 'drizzle-schema: Invalid renames:\n  - table "a" is renamed twice: to "z" (--table a=z) and to "b" (renames.yaml: tables["a"])\n',
    },
    {
      name: 'two columns of one table renamed to one name',
      args: ['--column', 'a.id=key', '--column', 'a.marker=key'],
      stderr: 'drizzle-schema: Invalid renames:\n  - columns "a.id" (--column a.id=key) and "a.marker" (--column a.marker=key) are both renamed to "key"\n',
    },
    {
      name: 'empty, invalid and too-long names (in UTF-8 bytes, not characters), all listed at once',
      args: ['--manifest', 'bad.json'],
      files: { 'bad.json': JSON.stringify({ tables: { '': 'x', a: '', b: 'b c', c: 'é'.repeat(32) }, columns: { 'a.id': 'x'.repeat(64), 'b.': 'y' } }) },
      stderr: [
        'drizzle-schema: Invalid renames:',
        '  - bad.json: tables[""]: the old table name is empty',
        '  - bad.json: tables["a"]: the new table name is empty',
        '  - bad.json: tables["b"]: the new table name "b c" is not a valid SQL identifier (letters, digits, _ and $, not starting with a digit)',
        `  - bad.json: tables["c"]: the new table name "${'é'.repeat(32)}" is 64 bytes long; Postgres allows at most 63`,
        `  - bad.json: columns["a.id"]: the new column name "${'x'.repeat(64)}" is 64 bytes long; Postgres allows at most 63`,
        '  - bad.json: columns["b."]: the old column name is empty',
        '',
      ].join('\n'),
    },
    {
      name: 'an empty manifest file',
      args: ['--manifest', 'renames.json'],
      files: { 'renames.json': '' },
      stderr: 'drizzle-schema: renames.json: invalid JSON: Unexpected end of JSON input\n',
    },
    {
      name: 'a binary manifest',
      args: ['--manifest', 'renames.yaml'],
      files: { 'renames.yaml': Buffer.from([0x00, 0x01, 0x41]) },
      stderr: 'drizzle-schema: renames.yaml: the manifest must be an object with "tables" and/or "columns", got string "\\u0000\\u0001A"\n',
    },
    {
      name: 'a manifest that is a folder',
      args: ['--manifest', 'db'],
      stderr: 'drizzle-schema: db: cannot read the manifest (EISDIR)\n',
    },
  ];

  for (const testCase of refusals) {
    it(`refuses ${testCase.name}: exit 2, nothing written`, async () => {
      const project = createProject({ 'db/schema.sql': SCHEMA_SQL, ...testCase.files }, { git: true });
      const result = await runCli(['rename', ...testCase.args], project.root);
      expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({ code: 2, stdout: '', stderr: testCase.stderr });
      expect(project.git('status', '--porcelain', '--untracked-files=all')).toBe('');
    });
  }
});

describe('files that cannot be rewritten', () => {
  const isRoot = process.getuid?.() === 0;

  it.skipIf(isRoot)('a file without read permission is skipped as unreadable (skipped when running as root: chmod does not stop root)', async () => {
    const project = createProject({ 'db/seed.sql': 'select * from messages;\n', 'db/secret.sql': 'select * from messages;\n' });
    chmodSync(path.join(project.root, 'db/secret.sql'), 0o000);
    const result = await runCli(['rename', '--table', 'messages=comms_messages', '--json'], project.root);
    chmodSync(path.join(project.root, 'db/secret.sql'), 0o644);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as RenameReport).skipped.map((entry) => [entry.file, entry.reason])).toEqual([['db/secret.sql', 'unreadable']]);
    expect(project.read('db/secret.sql')).toBe('select * from messages;\n');
  });

  it('a file too large to read (a sparse 2.2 GB dump) is skipped as unreadable, and a named pipe is not read (no hang)', async () => {
    if (isRoot) console.info('running as root: chmod 000 does not block reads, so unreadability is produced by a file over 2 GiB instead');
    const project = createProject({ 'db/seed.sql': 'select * from messages;\n' });
    const dump = path.join(project.root, 'db/dump.sql');
    project.write('db/dump.sql', '');
    truncateSync(dump, 2_200_000_000);
    execFileSync('mkfifo', [path.join(project.root, 'db/pipe.sql')]);
    const result = await runCli(['rename', '--table', 'messages=comms_messages', '--json'], project.root, 30_000);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as RenameReport;
    expect(report.skipped).toEqual([{ file: 'db/dump.sql', reason: 'unreadable', message: 'File size (2200000000) is greater than 2 GiB' }]);
    expect(report.changed.map((entry) => entry.file)).toEqual(['db/seed.sql']);
    expect(statSync(dump).size).toBe(2_200_000_000);
    expect(project.read('db/seed.sql')).toBe('select * from comms_messages;\n');
  });
});

describe('binary and unparsable files', () => {
  it('skips binary and non-UTF-8 files and files with syntax errors byte for byte; the parser follows the extension', async () => {
    const binary = Buffer.concat([Buffer.from("export const q = 'messages';"), Buffer.from([0, 0, 0x89, 0x50])]);
    const latin1 = Buffer.from("select * from messages where name = 'caf\xe9';\n", 'latin1');
    const project = createProject({
      'src/blob.ts': binary,
      'db/latin1.sql': latin1,
      'src/broken.tsx': "export const el = <div>{supabase.from('messages')}</span>;\n",
      'src/unterminated.ts': 'const q = `select * from messages\n',
      // Valid only as .tsx (JSX) and only as .ts (an angle-bracket cast): each must be parsed by its extension.
      'src/page.tsx': "export const el = <div>{supabase.from('messages')}</div>;\n",
      'src/cast.ts': "export const x = <any>supabase.from('messages');\n",
    }, { git: true });
    const result = await runCli(['rename', '--table', 'messages=comms_messages', '--json'], project.root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as RenameReport;
    expect(report.skipped).toEqual([
      { file: 'db/latin1.sql', reason: 'binary', message: 'not valid UTF-8' },
      { file: 'src/blob.ts', reason: 'binary', message: 'binary file (contains a NUL byte)' },
      { file: 'src/broken.tsx', reason: 'parse-error', message: "does not parse: line 1, column 53: Expected corresponding JSX closing tag for 'div'." },
      { file: 'src/unterminated.ts', reason: 'parse-error', message: 'does not parse: line 1, column 11: Unterminated string' },
    ]);
    expect(report.changed.map((entry) => entry.file)).toEqual(['src/cast.ts', 'src/page.tsx']);
    expect(project.read('src/page.tsx')).toBe("export const el = <div>{supabase.from('comms_messages')}</div>;\n");
    expect(project.read('src/cast.ts')).toBe("export const x = <any>supabase.from('comms_messages');\n");
    expect(project.git('status', '--porcelain')).toBe(' M src/cast.ts\n M src/page.tsx\n');
    expect(readFileSync(path.join(project.root, 'src/blob.ts')).equals(binary)).toBe(true);
    expect(readFileSync(path.join(project.root, 'db/latin1.sql')).equals(latin1)).toBe(true);
  });
});

describe('symbolic links', () => {
  it('in a git work tree, committed links (a loop, a link to a file) are left alone and the target is rewritten once', async () => {
    const project = createProject({ 'db/seed.sql': 'select * from messages;\n' });
    symlinkSync('..', path.join(project.root, 'db/loop'));
    symlinkSync('db/seed.sql', path.join(project.root, 'alias.sql'));
    project.git('init', '-q');
    project.git('add', '-A');
    project.git('commit', '-qm', 'initial');
    const result = await runCli(['rename', '--table', 'messages=comms_messages', '--no-migration'], project.root, 20_000);
    expect(result.stdout).toBe(
      [
        'Changed 1 file:',
        '  db/seed.sql (1 edit)',
        'Warnings:',
        '  table "messages" is in no Drizzle schema, migration or generated types; renamed where the code names it (first at db/seed.sql:1): check that the database has it',
        'Renamed 1 table, 1 file changed of 1 candidate (1 scanned), 0 skipped, 0 to review.',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(0);
    expect(lstatSync(path.join(project.root, 'alias.sql')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(project.root, 'alias.sql'))).toBe('db/seed.sql');
    expect(project.read('db/seed.sql')).toBe('select * from comms_messages;\n');
  });

  it('a path argument that is a link loop is bad input (exit 2); a link to a file given as a path is not replaced by a copy', async () => {
    const project = createProject({ 'db/seed.sql': 'select * from messages;\n' });
    symlinkSync('loop2', path.join(project.root, 'loop1'));
    symlinkSync('loop1', path.join(project.root, 'loop2'));
    symlinkSync('db/seed.sql', path.join(project.root, 'alias.sql'));
    const loop = await runCli(['rename', 'loop1', '--table', 'messages=comms_messages'], project.root, 20_000);
    expect({ code: loop.code, stdout: loop.stdout, stderr: loop.stderr }).toEqual({ code: 2, stdout: '', stderr: 'drizzle-schema: loop1: a loop of symbolic links, not a file or folder\n' });
    const link = await runCli(['rename', 'alias.sql', '--table', 'messages=comms_messages'], project.root, 20_000);
    expect(link.code).toBe(0);
    expect(lstatSync(path.join(project.root, 'alias.sql')).isSymbolicLink()).toBe(true);
    expect(project.read('db/seed.sql')).toBe('select * from messages;\n');
  });
});

describe('an interrupted run', () => {
  it('Ctrl-C after writing starts: exit 130, no temporary file, every file whole (original or fully rewritten), no migration', async () => {
    const corpus = generateCorpus({ files: 2000 });
    const project = createProject({
      ...Object.fromEntries(corpus.map((file) => [file.path, file.text])),
      'renames.json': JSON.stringify({ tables: PHASE_ONE_RENAMES }),
    });
    const args = ['rename', '--manifest', 'renames.json', '--migration-dir', 'supabase/migrations'];
    const dry = await runCli([...args, '--dry-run', '--json'], project.root, 120_000);
    const plan = JSON.parse(dry.stdout) as RenameReport;
    const expected = new Map(
      plan.changed.map((entry) => {
        const patched = applyPatch(project.read(entry.file), entry.diff ?? '');
        if (patched === false) throw new Error(`the dry-run diff of ${entry.file} does not apply`);
        return [entry.file, patched];
      }),
    );
    expect(expected.size).toBeGreaterThan(20);
    const [first] = plan.changed;
    const run = await runCliAndInterrupt([...args, '--json'], project.root, path.join(project.root, first!.file), expected.get(first!.file)!);
    // On failure, show how the CLI ended: a run that finished before the watched file was written is a test bug.
    expect({ interrupted: run.interrupted, code: run.code, signal: run.signal }, run.stderr).toEqual({ interrupted: true, code: 130, signal: null });
    expect(run.stderr).toContain('drizzle-schema: interrupted; finishing the current file, then stopping');
    const report = JSON.parse(run.stdout) as RenameReport;
    expect(report.interrupted).toBe(true);
    expect(report.migrations).toEqual([]);

    const files = listTree(project.root);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(files).toEqual([...corpus.map((file) => file.path), 'renames.json'].sort());
    const rewritten = corpus.filter((file) => project.read(file.path) !== file.text).map((file) => file.path);
    for (const file of rewritten) expect(project.read(file), file).toBe(expected.get(file));
    // The report lists exactly the files written; the run stopped before the end.
    expect(report.changed.map((entry) => entry.file).sort()).toEqual([...rewritten].sort());
    expect(rewritten.length).toBeGreaterThanOrEqual(1);
    expect(rewritten.length).toBeLessThan(expected.size);
  }, 180_000);
});
