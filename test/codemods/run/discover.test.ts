import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles, getFileKind } from '../../../codemods/discover.js';
import { UsageError } from '../../../codemods/types.js';
import { createProject } from './temp-project.js';

const tree = {
  'src/schema.ts': 'export {}',
  'src/page.tsx': 'export {}',
  'src/legacy.cjs': 'module.exports = {}',
  'src/notes.md': 'messages',
  'src/seed.sql': 'select 1;',
  'supabase/migrations/20240101000000_init.sql': 'create table messages ();',
  'supabase/migrations/20240102000000-3f1c2d9e-7a6b-4c1d-9e8f-0a1b2c3d4e5f.sql': 'alter table messages add column body text;',
  'supabase/migrations/functions.sql': 'select 1;',
  'supabase/migrations/rollbacks/20240101000000_init_ROLLBACK.sql': 'drop table messages;',
  'supabase/migrations/rollback_20240102000000_rename_tables.sql': 'alter table comms_messages rename to messages;',
  'drizzle/0000_init.sql': 'create table calls ();',
  'sql/migrations/notes.sql': 'select 1;',
  'node_modules/pkg/index.js': 'x',
  'dist/index.js': 'x',
  'generated/out.ts': 'x',
  '.gitignore': 'generated/\n',
};

function summarize(files: Awaited<ReturnType<typeof discoverFiles>>) {
  return files.map((file) => `${file.path} ${file.kind}${file.isAppliedMigration ? ' applied' : ''}`);
}

describe('getFileKind', () => {
  it('sorts files into code, sql and ignored', () => {
    expect(['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.d.ts', 'a.sql', 'a.SQL', 'a.json', 'a.md', 'Makefile'].map(getFileKind)).toEqual([
      'code', 'code', 'code', 'code', 'code', 'code', 'code', 'code', 'code', 'sql', 'sql', null, null, null,
    ]);
  });
});

describe('discoverFiles', () => {
  it('in a git work tree lists tracked and untracked files, respecting .gitignore and skipping node_modules', async () => {
    const project = createProject(tree, { git: true });
    project.write('src/untracked.ts', 'export {}');
    expect(summarize(await discoverFiles({ cwd: project.root }))).toEqual([
      'dist/index.js code',
      'drizzle/0000_init.sql sql applied',
      'sql/migrations/notes.sql sql',
      'src/legacy.cjs code',
      'src/page.tsx code',
      'src/schema.ts code',
      'src/seed.sql sql',
      'src/untracked.ts code',
      'supabase/migrations/20240101000000_init.sql sql applied',
      'supabase/migrations/20240102000000-3f1c2d9e-7a6b-4c1d-9e8f-0a1b2c3d4e5f.sql sql applied',
      'supabase/migrations/functions.sql sql',
      'supabase/migrations/rollback_20240102000000_rename_tables.sql sql applied',
      'supabase/migrations/rollbacks/20240101000000_init_ROLLBACK.sql sql',
    ]);
  });

  it('outside git walks the tree, skipping node_modules, .git and dist', async () => {
    const project = createProject(tree);
    expect(summarize(await discoverFiles({ cwd: project.root }))).toEqual([
      'drizzle/0000_init.sql sql applied',
      'generated/out.ts code',
      'sql/migrations/notes.sql sql',
      'src/legacy.cjs code',
      'src/page.tsx code',
      'src/schema.ts code',
      'src/seed.sql sql',
      'supabase/migrations/20240101000000_init.sql sql applied',
      'supabase/migrations/20240102000000-3f1c2d9e-7a6b-4c1d-9e8f-0a1b2c3d4e5f.sql sql applied',
      'supabase/migrations/functions.sql sql',
      'supabase/migrations/rollback_20240102000000_rename_tables.sql sql applied',
      'supabase/migrations/rollbacks/20240101000000_init_ROLLBACK.sql sql',
    ]);
  });

  it('follows the Supabase CLI: only <digits>_name.sql (or a platform\'s <digits>-<uuid>.sql) directly in supabase/migrations is applied; subfolders are ordinary SQL, never replayed', async () => {
    const project = createProject(tree);
    const files = await discoverFiles({ cwd: project.root, paths: ['supabase', 'src'] });
    expect(files.filter((file) => file.kind === 'sql').map((file) => `${file.path}${file.isAppliedMigration ? ' applied' : ''}${file.isReplayed ? ' replayed' : ''}`)).toEqual([
      'src/seed.sql replayed',
      'supabase/migrations/20240101000000_init.sql applied replayed',
      'supabase/migrations/20240102000000-3f1c2d9e-7a6b-4c1d-9e8f-0a1b2c3d4e5f.sql applied replayed',
      'supabase/migrations/functions.sql',
      'supabase/migrations/rollback_20240102000000_rename_tables.sql applied',
      'supabase/migrations/rollbacks/20240101000000_init_ROLLBACK.sql',
    ]);
  });

  it('follows drizzle-kit: only the files its journal names are applied', async () => {
    const project = createProject({
      'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './src/schema.ts', out: './db/out' };\n",
      'db/out/0000_init.sql': 'create table a (id int);',
      'db/out/0001_more.sql': 'create table b (id int);',
      'db/out/0002_not_in_journal.sql': 'create table c (id int);',
      'db/out/meta/_journal.json': JSON.stringify({ version: '7', dialect: 'postgresql', entries: [{ idx: 0, tag: '0000_init' }, { idx: 1, tag: '0001_more' }] }),
    });
    expect(summarize(await discoverFiles({ cwd: project.root }))).toEqual([
      'db/out/0000_init.sql sql applied',
      'db/out/0001_more.sql sql applied',
      'db/out/0002_not_in_journal.sql sql',
      'drizzle.config.ts code',
    ]);
  });

  it('limits the run to the given paths', async () => {
    for (const git of [true, false]) {
      const project = createProject(tree, { git });
      expect(summarize(await discoverFiles({ cwd: project.root, paths: ['src/schema.ts', 'drizzle'] }))).toEqual(['drizzle/0000_init.sql sql applied', 'src/schema.ts code']);
    }
  });

  it('refuses a path that does not exist', async () => {
    const project = createProject(tree);
    await expect(discoverFiles({ cwd: project.root, paths: ['nope'] })).rejects.toThrow(new UsageError('nope: no such file or folder'));
  });

  it('uses the given applied-migration folders instead of the default detection', async () => {
    const project = createProject(tree);
    const files = await discoverFiles({ cwd: project.root, paths: ['sql', 'drizzle', 'src/seed.sql'], appliedMigrations: ['sql/migrations'] });
    expect(summarize(files)).toEqual(['drizzle/0000_init.sql sql', 'sql/migrations/notes.sql sql applied', 'src/seed.sql sql']);
  });

  it('does not follow symbolic links, so a link loop ends', async () => {
    const project = createProject({ 'a/b/file.ts': 'export {}' });
    symlinkSync(path.join(project.root, 'a'), path.join(project.root, 'a/b/loop'));
    symlinkSync(path.join(project.root, 'a/b/file.ts'), path.join(project.root, 'a/link.ts'));
    expect(summarize(await discoverFiles({ cwd: project.root }))).toEqual(['a/b/file.ts code']);
  });

  it('refuses a given path that is a symbolic link loop, and skips a given link to a file', async () => {
    const project = createProject({ 'a/file.sql': 'select 1;\n' });
    symlinkSync('loop2', path.join(project.root, 'loop1'));
    symlinkSync('loop1', path.join(project.root, 'loop2'));
    symlinkSync('a/file.sql', path.join(project.root, 'link.sql'));
    await expect(discoverFiles({ cwd: project.root, paths: ['loop1'] })).rejects.toThrow(new UsageError('loop1: a loop of symbolic links, not a file or folder'));
    expect(summarize(await discoverFiles({ cwd: project.root, paths: ['link.sql', 'a/file.sql'] }))).toEqual(['a/file.sql sql']);
  });

  it('skips symbolic links listed by git too', async () => {
    const project = createProject({ 'a/file.ts': 'export {}' });
    symlinkSync('file.ts', path.join(project.root, 'a/link.ts'));
    project.git('init', '-q');
    project.git('add', '-A');
    project.git('commit', '-qm', 'initial');
    expect(summarize(await discoverFiles({ cwd: project.root }))).toEqual(['a/file.ts code']);
  });
});
