import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMigrationTools } from '../../../codemods/migration/detect-migration-tools.js';
import { getMigrationTargets } from '../../../codemods/migration/get-migration-targets.js';
import type { RenamePlan } from '../../../codemods/types.js';
import { UsageError } from '../../../codemods/types.js';
import { createProject } from '../run/temp-project.js';

const journal = (tag: string) => JSON.stringify({ version: '7', dialect: 'postgresql', entries: [{ idx: 0, version: '7', when: 1, tag, breakpoints: true }] });
const snapshot = (table: string) => JSON.stringify({ id: 'a', prevId: 'b', version: '7', dialect: 'postgresql', tables: { [`public.${table}`]: { name: table } } });
const config = (out: string, dialect = 'postgresql') => `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: '${dialect}', schema: './src/schema.ts', out: '${out}' });\n`;

const tree = {
  'apps/api/drizzle.config.ts': config('./drizzle'),
  'apps/api/drizzle/0000_init.sql': 'CREATE TABLE "users" ("id" integer);',
  'apps/api/drizzle/meta/_journal.json': journal('0000_init'),
  'apps/api/drizzle/meta/0000_snapshot.json': snapshot('users'),
  'apps/web/drizzle.config.ts': config('./migrations'),
  'apps/web/migrations/20250101000000_init/migration.sql': 'CREATE TABLE "pages" ("id" integer);',
  'apps/web/migrations/20250101000000_init/snapshot.json': JSON.stringify({ version: '8', id: 'x', prevIds: [], ddl: [{ entityType: 'tables', schema: 'public', name: 'pages' }] }),
  'apps/lite/drizzle.config.ts': config('./drizzle', 'sqlite'),
  'apps/lite/drizzle/0000_x.sql': 'create table users (id integer);',
  'supabase/config.toml': 'project_id = "x"\n',
  'supabase/migrations/20250101000000_init.sql': 'create table profiles (id uuid);',
  'db/migrations/001_init.sql': 'create table legacy (id int);',
};
const files = Object.keys(tree).filter((file) => /\.(sql|ts)$/.test(file));
const plan = (table: string): RenamePlan => ({ tables: [{ schema: 'public', from: table, to: `${table}_v2` }], columns: [], steps: [] });
const sources = (root: string) => Object.entries(tree).map(([file, source]) => ({ absolutePath: path.join(root, file), kind: file.endsWith('.sql') ? 'sql' : 'code', source }));

describe('detectMigrationTools', () => {
  it('finds every drizzle config of a monorepo, the Supabase folder and a plain folder, each once', () => {
    const project = createProject(tree);
    const tools = detectMigrationTools(project.root, files);
    expect(tools.map((tool) => [path.relative(project.root, tool.dir), tool.format, tool.source, tool.journalTags])).toEqual([
      ['apps/api/drizzle', 'drizzle-kit', 'apps/api/drizzle.config.ts', ['0000_init']],
      ['apps/web/migrations', 'drizzle-kit-v1', 'apps/web/drizzle.config.ts', []],
      ['supabase/migrations', 'supabase', 'supabase/migrations', []],
      // apps/lite/drizzle, the folder of a SQLite config, is none of them.
      ['db/migrations', 'plain', 'db/migrations', []],
    ]);
  });
});

describe('getMigrationTargets', () => {
  it('writes where the renamed table lives, and says where it does not', () => {
    const project = createProject(tree);
    const tools = detectMigrationTools(project.root, files);
    const users = getMigrationTargets(project.root, tools, sources(project.root), plan('users'), { mode: 'auto' });
    expect(users.targets.map((tool) => path.relative(project.root, tool.dir))).toEqual(['apps/api/drizzle']);
    expect(users.notes).toContain('migrations folder supabase/migrations (Supabase CLI): no renamed table there, no migration written; pass --migration-dir supabase/migrations to write one there');
    const pages = getMigrationTargets(project.root, tools, sources(project.root), plan('pages'), { mode: 'auto' });
    expect(pages.targets.map((tool) => tool.format)).toEqual(['drizzle-kit-v1']);
    const none = getMigrationTargets(project.root, tools, sources(project.root), plan('pages'), { mode: 'none' });
    expect(none).toEqual({
      targets: [],
      notes: ['migrations folder apps/web/migrations (drizzle-kit v1 (one folder per migration), from apps/web/drizzle.config.ts): no migration written (--no-migration); run without --no-migration to write it there'],
    });
  });

  it('takes --migration-dir in its detected format, and refuses a format that does not fit the folder', () => {
    const project = createProject(tree);
    const tools = detectMigrationTools(project.root, files);
    const chosen = getMigrationTargets(project.root, tools, [], plan('users'), { mode: 'auto', dir: path.join(project.root, 'apps/api/drizzle') });
    expect(chosen.targets.map((tool) => tool.format)).toEqual(['drizzle-kit']);
    const plain = getMigrationTargets(project.root, tools, [], plan('users'), { mode: 'auto', dir: path.join(project.root, 'apps/api/drizzle'), format: 'plain' });
    expect(plain.targets.map((tool) => tool.format)).toEqual(['plain']);
    const fresh = getMigrationTargets(project.root, tools, [], plan('users'), { mode: 'auto', dir: path.join(project.root, 'sql') });
    expect(fresh.targets.map((tool) => tool.format)).toEqual(['plain']);
    expect(() => getMigrationTargets(project.root, tools, [], plan('users'), { mode: 'auto', dir: path.join(project.root, 'sql'), format: 'drizzle-kit' })).toThrow(UsageError);
  });
});
