/**
 * A small monorepo linted through ESLint's Node API with nothing but the parser and `configs.recommended`:
 * the schema object, helpers, enum and custom type come from a workspace package (linked in node_modules, as
 * npm/pnpm workspaces do), an id helper through tsconfig paths, shared columns through a spread, and `casing`
 * only from drizzle.config.ts. The same findings come out whether ESLint runs from the repository root (an
 * editor in a monorepo) or from a sub-folder (`cd apps/api/src && eslint db`).
 */
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { writeTree } from '../drizzle-model/write-tree.js';

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*', 'apps/*'] }),
  'packages/db/package.json': JSON.stringify({ name: '@acme/db', type: 'module', exports: { '.': { types: './src/index.ts', default: './dist/index.js' } } }),
  'packages/db/src/index.ts': "export * from './schemas.js';\nexport * from './columns.js';\nexport * from './types.js';\n",
  'packages/db/src/schemas.ts': "import { pgSchema } from 'drizzle-orm/pg-core';\n\nexport const authSchema = pgSchema('auth');\n",
  'packages/db/src/columns.ts': [
    "import { timestamp, uuid } from 'drizzle-orm/pg-core';",
    '',
    'export const requiredUuidColumn = (name: string) => uuid(name).notNull();',
    "export const createdAtColumn = () => timestamp('created_at', { precision: 3, withTimezone: true }).defaultNow().notNull();",
    'export const timestamps = {',
    "  createdAt: timestamp('created_at', { precision: 3, withTimezone: true }).defaultNow().notNull(),",
    "  updatedAt: timestamp('updatedAt', { precision: 3, withTimezone: true }),",
    '};',
    '',
  ].join('\n'),
  'packages/db/src/types.ts': [
    "import { customType, pgEnum } from 'drizzle-orm/pg-core';",
    '',
    "export const roleEnum = pgEnum('user_role', ['admin', 'member']);",
    "export const citext = customType<{ data: string }>({ dataType: () => 'citext' });",
    '',
  ].join('\n'),
  'apps/api/package.json': JSON.stringify({ name: 'api', private: true, dependencies: { '@acme/db': '*' } }),
  'apps/api/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
  'apps/api/drizzle.config.ts': "import { defineConfig } from 'drizzle-kit';\n\nexport default defineConfig({ dialect: 'postgresql', schema: './src/db/schema', casing: 'snake_case' });\n",
  'apps/api/src/db/ids.ts': "import { serial } from 'drizzle-orm/pg-core';\n\nexport const idColumn = () => serial('id').primaryKey();\n",
  'apps/api/src/db/schema/users.ts': [
    "import { text, uuid } from 'drizzle-orm/pg-core';",
    "import { authSchema, citext, roleEnum, timestamps } from '@acme/db';",
    '',
    'const { table } = authSchema;',
    '',
    "export const users = table('users', {",
    '  id: uuid().primaryKey().defaultRandom(),',
    "  email: citext('Email').notNull(),",
    "  role: roleEnum('userRole'),",
    '  displayName: text(),',
    '  ...timestamps,',
    '});',
    '',
  ].join('\n'),
  'apps/api/src/db/schema/posts.ts': [
    "import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';",
    "import { requiredUuidColumn } from '@acme/db';",
    "import { idColumn } from '@/db/ids';",
    "import { users } from './users';",
    '',
    "export const posts = pgTable('posts', {",
    '  id: idColumn(),',
    "  authorId: requiredUuidColumn('author_id').references(() => users.id),",
    '  bodyText: text(),',
    "  publishedAt: timestamp('published_at', { precision: 3, withTimezone: true }).defaultNow().notNull(),",
    "  createdAt: timestamp('created_at', { precision: 3, withTimezone: true }).defaultNow().notNull(),",
    '});',
    '',
  ].join('\n'),
};

const tree = writeTree(files, { 'node_modules/@acme/db': 'packages/db' });
afterAll(() => tree.remove());

const config = (extra: Linter.Config[] = []): Linter.Config[] => [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
  plugin.configs.recommended,
  ...extra,
];

async function lint(cwd: string, patterns: string[], extra: Linter.Config[] = []): Promise<string[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config(extra) });
  const results = await eslint.lintFiles(patterns);
  return results
    .flatMap((r) => r.messages.map((m) => `${path.relative(tree.dir, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.messageId ?? m.message}`))
    .sort();
}

const EXPECTED = [
  // The FK built by a workspace helper has no index.
  'apps/api/src/db/schema/posts.ts:8:45 drizzle-schema/index-foreign-keys missingIndex',
  // The key comes from a helper found through tsconfig paths: serial, not uuid.
  'apps/api/src/db/schema/posts.ts:7:7 drizzle-schema/uuid-primary-key notUuid',
  // An inline copy of the workspace package's createdAtColumn body.
  'apps/api/src/db/schema/posts.ts:11:14 drizzle-schema/prefer-shared-helpers useHelper',
  // A customType and a pgEnum column from the package, checked by their DB names.
  'apps/api/src/db/schema/users.ts:8:17 drizzle-schema/column-name-snake-case notSnakeCase',
  'apps/api/src/db/schema/users.ts:9:18 drizzle-schema/column-name-snake-case notSnakeCase',
  // A column of the package's shared `timestamps` object, reported at the spread.
  'apps/api/src/db/schema/users.ts:11:3 drizzle-schema/column-name-snake-case notSnakeCaseInSpread',
].sort();

describe('zero configuration: a workspace linted with configs.recommended only', () => {
  it('finds the schema object, helpers, enum, custom type and casing across files and packages', async () => {
    expect(await lint(tree.dir, ['apps/api/src/**/*.ts'])).toEqual(EXPECTED);
  });

  it('reports the same from a sub-folder working directory', async () => {
    expect(await lint(tree.file('apps/api/src'), ['db/**/*.ts'])).toEqual(EXPECTED);
  });

  it('finds a configured helper module from a sub-folder; a wrong one is one message per schema file, nothing else changes', async () => {
    const helperModules = (entries: string[]): Linter.Config[] => [{ settings: { 'drizzle-schema': { helperModules: entries } } }];
    expect(await lint(tree.file('apps/api/src'), ['db/**/*.ts'], helperModules(['apps/api/src/db/ids.ts']))).toEqual(EXPECTED);
    const wrong = await lint(tree.file('apps/api/src'), ['db/**/*.ts'], helperModules(['src/db/missing.ts']));
    const message = (file: string) =>
      `${file}:1:1 drizzle-schema/column-name-snake-case eslint-plugin-drizzle-schema: settings['drizzle-schema'].helperModules: "src/db/missing.ts" was not found, neither from ESLint's working directory (${tree.file('apps/api/src')}) nor from any folder above this file. Give a path relative to the folder ESLint runs in (where eslint.config.* is), or remove the entry: helpers imported by schema files are found without it.`;
    expect(wrong).toEqual([...EXPECTED, message('apps/api/src/db/schema/posts.ts'), message('apps/api/src/db/schema/users.ts')].sort());
  });
});
