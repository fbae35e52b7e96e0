/**
 * The recognizer across files: each case is a small project under the temp folder whose schema file gets its
 * Drizzle values (schema objects, table creators, enums, custom types, helpers, shared columns, casing) from
 * somewhere else.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { collectFacts } from './collect-facts.js';
import { writeTree, type Tree } from './write-tree.js';

const trees: Tree[] = [];
afterAll(() => {
  for (const tree of trees) tree.remove();
});

function project(files: Record<string, string>, links: Record<string, string> = {}): Tree {
  const tree = writeTree(files, links);
  trees.push(tree);
  return tree;
}

/** The facts of one file of the tree, linted from the tree's root (or `cwd`). */
function factsOf(tree: Tree, file: string, options: { settings?: Record<string, unknown>; cwd?: string } = {}) {
  return collectFacts(tree.read(file), { filename: tree.file(file), cwd: options.cwd ?? tree.dir, settings: options.settings ?? {} });
}

describe('project model: schema objects and table creators from other modules', () => {
  const tree = project({
    'src/db/schemas.ts': "import { pgSchema, pgTableCreator } from 'drizzle-orm/pg-core';\nexport const authSchema = pgSchema('auth');\nexport const billing = pgSchema('billing');\nexport const createTable = pgTableCreator((name) => `shop_${name}`);\n",
    'src/db/index.ts': "export * from './schemas.js';\n",
    'src/db/auth/users.ts': [
      "import { uuid, text } from 'drizzle-orm/pg-core';",
      "import { authSchema } from '../schemas.js';",
      'const { table } = authSchema;',
      "export const users = table('users', { id: uuid('id').primaryKey().defaultRandom(), displayName: text('displayName') });",
      '',
    ].join('\n'),
    'src/db/billing/invoices.ts': [
      "import { uuid } from 'drizzle-orm/pg-core';",
      "import { billing as b, createTable } from '..';",
      "import * as db from '../index';",
      "export const invoices = b.table('invoices', { id: uuid('id').primaryKey() });",
      "export const carts = createTable('carts', { id: uuid('id').primaryKey() });",
      "export const refunds = db.billing.table('refunds', { id: uuid('id').primaryKey() });",
      "export const orders = db.createTable('orders', { id: uuid('id') });",
      '',
    ].join('\n'),
  });

  it('sees tables made by a destructured `table` of a pgSchema defined in another file', () => {
    expect(factsOf(tree, 'src/db/auth/users.ts').map((t) => [t.schema, t.name, t.variable, t.columns])).toEqual([
      ['auth', 'users', 'users', ['id→id uuid.primaryKey.defaultRandom', 'displayName→displayName text']],
    ]);
  });

  it('follows aliases, barrels (`export *`, folder index) and namespace imports of project modules', () => {
    expect(factsOf(tree, 'src/db/billing/invoices.ts').map((t) => [t.schema, t.name])).toEqual([
      ['billing', 'invoices'],
      [null, 'shop_carts'],
      ['billing', 'refunds'],
      [null, 'shop_orders'],
    ]);
  });
});

describe('project model: enum and customType columns', () => {
  const tree = project({
    'src/types.ts': [
      "import { customType, pgEnum } from 'drizzle-orm/pg-core';",
      "export const roleEnum = pgEnum('member_role', ['owner', 'member']);",
      "export const citext = customType<{ data: string }>({ dataType() { return 'citext'; } });",
      '',
    ].join('\n'),
    'src/schema.ts': [
      "import { pgTable, pgEnum, pgSchema, customType, uuid } from 'drizzle-orm/pg-core';",
      "import { roleEnum, citext } from './types';",
      "const level = pgSchema('hr').enum('seniority', ['junior', 'senior']);",
      "const status = pgEnum('status', ['on', 'off']);",
      "const money = customType<{ data: number }>({ dataType: () => 'numeric(12, 2)' });",
      "export const members = pgTable('members', {",
      "  id: uuid('id').primaryKey().defaultRandom(),",
      "  role: roleEnum('memberRole').notNull(),",
      '  status: status(),',
      "  email: citext('Email').unique(),",
      '  balanceCents: money(),',
      "  seniorityLevel: level('seniorityLevel'),",
      '});',
      '',
    ].join('\n'),
  });

  it('recognizes columns built from local and imported pgEnum and customType values, with and without a name', () => {
    expect(factsOf(tree, 'src/schema.ts', { settings: { 'drizzle-schema': { casing: 'snake_case' } } })[0]).toMatchObject({
      columns: [
        'id→id uuid.primaryKey.defaultRandom',
        'role→memberRole pgEnum.notNull type member_role',
        'status→status pgEnum type status',
        'email→Email customType.unique type citext',
        'balanceCents→balance_cents customType type numeric(12, 2)',
        'seniorityLevel→seniorityLevel pgEnum type seniority',
      ],
      indexes: ['primaryKey[id]', 'unique[email]'],
    });
  });
});

describe('project model: helpers without configuration', () => {
  const helpers = [
    "import { uuid, timestamp } from 'drizzle-orm/pg-core';",
    'export const requiredUuidColumn = (name: string) => uuid(name).notNull();',
    "export function createdAtColumn() { return timestamp('created_at', { precision: 3, withTimezone: true }).defaultNow().notNull(); }",
    '',
  ].join('\n');
  const schema = (specifier: string) =>
    [
      "import { pgTable, uuid } from 'drizzle-orm/pg-core';",
      `import { requiredUuidColumn, createdAtColumn } from '${specifier}';`,
      "export const posts = pgTable('posts', {",
      "  id: uuid('id').primaryKey().defaultRandom(),",
      "  authorId: requiredUuidColumn('author_id').references(() => posts.id),",
      '  createdAt: createdAtColumn(),',
      '});',
      '',
    ].join('\n');
  const expected = [
    'id→id uuid.primaryKey.defaultRandom',
    'authorId→author_id uuid.notNull.references via requiredUuidColumn',
    'createdAt→created_at timestamp.defaultNow.notNull via createdAtColumn {config}',
  ];

  it('finds helpers of a workspace package through its node_modules link and package.json exports', () => {
    const tree = project(
      {
        'package.json': '{ "name": "root", "private": true, "workspaces": ["packages/*", "apps/*"] }',
        'packages/db-kit/package.json': JSON.stringify({
          name: '@acme/db-kit',
          exports: { '.': { types: './dist/index.d.ts', import: './src/index.ts' }, './columns': './src/columns.ts' },
        }),
        'packages/db-kit/dist/index.d.ts': 'export declare const requiredUuidColumn: (name: string) => unknown;\n',
        'packages/db-kit/src/index.ts': "export * from './columns.js';\nexport { createdAtColumn } from './columns.js';\n",
        'packages/db-kit/src/columns.ts': helpers,
        'apps/api/src/schema.ts': schema('@acme/db-kit'),
        'apps/api/src/schema-subpath.ts': schema('@acme/db-kit/columns'),
      },
      { 'node_modules/@acme/db-kit': 'packages/db-kit' },
    );
    expect(factsOf(tree, 'apps/api/src/schema.ts')[0]?.columns).toEqual(expected);
    expect(factsOf(tree, 'apps/api/src/schema-subpath.ts')[0]?.columns).toEqual(expected);
  });

  it('finds helpers through tsconfig paths inherited with extends (baseUrl of the base config)', () => {
    const tree = project({
      'tsconfig.base.json': '{\n  // shared\n  "compilerOptions": { "baseUrl": ".", "paths": { "@db/*": ["src/db/*"], "@helpers": ["src/db/columns.ts"] }, },\n}\n',
      'tsconfig.json': '{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true } }',
      'src/db/columns.ts': helpers,
      'src/db/schema/posts.ts': schema('@db/columns'),
      'src/db/schema/exact.ts': schema('@helpers'),
    });
    expect(factsOf(tree, 'src/db/schema/posts.ts')[0]?.columns).toEqual(expected);
    expect(factsOf(tree, 'src/db/schema/exact.ts')[0]?.columns).toEqual(expected);
  });

  it('keeps the single-file view of an import it cannot resolve', () => {
    const tree = project({ 'src/schema.ts': schema('@nowhere/columns') });
    expect(factsOf(tree, 'src/schema.ts')[0]?.columns).toEqual(['id→id uuid.primaryKey.defaultRandom']);
  });
});

describe('project model: shared column objects spread into tables', () => {
  const tree = project({
    'src/columns.ts': [
      "import { timestamp, uuid } from 'drizzle-orm/pg-core';",
      "const createdAt = timestamp('created_at', { precision: 3 }).defaultNow().notNull();",
      'export const timestamps = { createdAt, updatedAt: timestamp({ precision: 3 }) };',
      "export const owned = { ...timestamps, ownerId: uuid('ownerId').references(() => ({}) as never) };",
      '',
    ].join('\n'),
    'src/schema.ts': [
      "import { pgTable, uuid } from 'drizzle-orm/pg-core';",
      "import { owned } from './columns';",
      "export const notes = pgTable('notes', { id: uuid('id').primaryKey(), ...owned });",
      '',
    ].join('\n'),
  });

  it('reads the columns of an imported object (and of the objects it spreads), reported at the spread', () => {
    const [facts] = factsOf(tree, 'src/schema.ts', { settings: { 'drizzle-schema': { casing: 'snake_case' } } });
    expect(facts).toMatchObject({
      columns: ['id→id uuid.primaryKey'],
      opaque: 1,
      spread: [
        'createdAt→created_at timestamp.defaultNow.notNull from owned',
        'updatedAt→updated_at timestamp from owned',
        'ownerId→ownerId uuid.references from owned',
      ],
      foreignKeys: ['column[ownerId]'],
    });
  });
});

describe('project model: casing from drizzle.config.*', () => {
  const tree = project({
    'db/drizzle.config.ts': "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', schema: './schema', casing: 'snake_case' });\n",
    'db/schema/users.ts': [
      "import { pgTable, text, snakeCase, camelCase } from 'drizzle-orm/pg-core';",
      "export const users = pgTable('users', { displayName: text() });",
      "export const legacy = camelCase.table('legacy', { display_name: text() });",
      '',
    ].join('\n'),
    'other/users.ts': "import { pgTable, text } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', { displayName: text() });\n",
  });

  it('takes the nearest config above the file; a per-table casing and the setting still win', () => {
    const columns = (file: string, settings?: Record<string, unknown>) => factsOf(tree, file, { settings }).map((t) => t.columns[0]);
    expect(columns('db/schema/users.ts')).toEqual(['displayName→display_name text', 'display_name→displayName text']);
    expect(columns('db/schema/users.ts', { 'drizzle-schema': { casing: 'preserve' } })).toEqual(['displayName→displayName text', 'display_name→displayName text']);
    expect(columns('other/users.ts')).toEqual(['displayName→displayName text']);
  });
});
