import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/uuid-primary-key.js';
import { ruleTester, settingsFor } from './rule-tester.js';

// RuleTester lints with `cwd` '/', so the helper module is given as an absolute path.
const HELPERS = path.resolve('test/fixtures/helpers/uuid-primary-key/shared.schema.ts');
const helperSettings = settingsFor({ helperModules: [HELPERS] });
/** A file next to the helper module, so `./shared.schema.js` resolves to it. */
const helperFilename = path.resolve('test/fixtures/helpers/uuid-primary-key/tables.ts');

/** Source lines joined with newlines: line N of the case is the N-th argument. */
const src = (...lines: string[]) => lines.join('\n');
const PG = (names: string) => `import { ${names} } from 'drizzle-orm/pg-core';`;
/** The `expected` of messages under the default options, and with `defaults: ['v7', …]`. */
const RANDOM = '.defaultRandom()';
const V7 = '.default(sql`uuidv7()`)';

type Invalid = InvalidTestCase<MessageIds, Options>;
/** Where the error is: line, column, end column (errors here span one line). */
type Loc = [number, number, number];

/** A uuid key without a default: one error with its autofix (no suggestions). */
function missingDefault(
  code: string,
  output: string,
  data: { table: string; column: string; expected?: string },
  [line, column, endColumn]: Loc,
  extra: Partial<Invalid> = {},
): Invalid {
  return {
    code,
    output,
    errors: [{ messageId: 'missingDefault', data: { expected: RANDOM, ...data }, line, column, endLine: line, endColumn, suggestions: [] }],
    ...extra,
  };
}

/** A non-uuid key: one error, never an autofix, with the switch-to-uuid suggestion (or none). */
function notUuid(
  code: string,
  suggestion: string | null,
  data: { table: string; column: string; builder: string; expected?: string },
  [line, column, endColumn]: Loc,
  extra: Partial<Invalid> = {},
): Invalid {
  const { table, column: name } = data;
  return {
    code,
    output: null,
    errors: [
      {
        messageId: 'notUuid',
        data: { expected: RANDOM, ...data },
        line,
        column,
        endLine: line,
        endColumn,
        suggestions: suggestion === null ? [] : [{ messageId: 'suggestUuid', data: { table, column: name, expected: data.expected ?? RANDOM }, output: suggestion }],
      },
    ],
    ...extra,
  };
}

const valid: (ValidTestCase<Options> | string)[] = [
  src(PG('pgTable, uuid'), `export const users = pgTable('users', { id: uuid('id').primaryKey().defaultRandom() });`),
  // `.default(sql\`gen_random_uuid()\`)` is a database default too; the order of calls does not matter.
  src(
    `import { sql } from 'drizzle-orm';`,
    PG('pgTable, uuid'),
    'export const a = pgTable(\'a\', { id: uuid(\'id\').default(sql`gen_random_uuid()`).primaryKey() });',
    `export const b = pgTable('b', { id: uuid('id').defaultRandom().primaryKey().notNull() });`,
  ),
  // A database default plus an application-side generator (uuidv7) is fine: the database still has a default.
  src(PG('pgTable, uuid'), `export const c = pgTable('c', { id: uuid('id').primaryKey().defaultRandom().$defaultFn(() => uuidv7()) });`),
  // Composite keys in the third argument, as an array and as an object; no column-level key.
  src(
    PG('pgTable, integer, primaryKey, uuid'),
    `export const m = pgTable('m', { a: uuid('a').notNull(), b: integer('b').notNull() }, (t) => [primaryKey({ columns: [t.a, t.b] })]);`,
    `export const n = pgTable('n', { a: uuid('a'), b: uuid('b') }, (t) => ({ pk: primaryKey({ columns: [t.a, t.b] }) }));`,
  ),
  // No primary key at all is not this rule's concern.
  src(PG('pgTable, text'), `export const logs = pgTable('logs', { line: text('line') });`),
  // A key that references another table takes its value from the parent row.
  src(PG('pgTable, uuid'), `export const profiles = pgTable('profiles', { id: uuid('id').primaryKey().references(() => users.id) });`),
  // Callback form and name-less builders.
  src(PG('pgTable'), `export const p = pgTable('p', (t) => ({ id: t.uuid().primaryKey().defaultRandom() }));`),
  { code: src(PG('pgTable, uuid'), `export const q = pgTable('q', { userId: uuid().primaryKey().defaultRandom() });`), settings: settingsFor({ casing: 'snake_case' }) },
  // allowTables: plain and schema-qualified names.
  { code: src(PG('pgTable, serial'), `export const legacy = pgTable('legacy', { id: serial('id').primaryKey() });`), options: [{ allowTables: ['legacy'] }] },
  {
    code: src(PG('pgSchema, serial'), `const career = pgSchema('career');`, `export const jobs = career.table('jobs', { id: serial('id').primaryKey() });`),
    options: [{ allowTables: ['career.jobs'] }],
  },
  // A look-alike local pgTable is not Drizzle.
  src(`function pgTable(name: string, columns: object) { return columns; }`, `const serial = (n: string) => ({ primaryKey: () => n });`, `export const t = pgTable('t', { id: serial('id').primaryKey() });`),
  // MySQL and SQLite are not checked: `defaultRandom()` exists only in pg-core.
  src(`import { mysqlTable, serial } from 'drizzle-orm/mysql-core';`, `export const m = mysqlTable('m', { id: serial('id').primaryKey() });`),
  src(`import * as s from 'drizzle-orm/sqlite-core';`, `export const l = s.sqliteTable('l', { id: s.integer('id').primaryKey({ autoIncrement: true }) });`),
  // uuid v7 keys with the `defaults` option: a Postgres 18 default, or one minted by the application.
  {
    code: src(`import { sql } from 'drizzle-orm';`, PG('pgTable, uuid'), 'export const a = pgTable(\'a\', { id: uuid(\'id\').primaryKey().default(sql`uuidv7()`) });'),
    options: [{ defaults: ['v7'] }],
  },
  {
    code: src(`import { uuidv7 } from 'uuidv7';`, PG('pgTable, uuid'), `export const a = pgTable('a', { id: uuid('id').primaryKey().$defaultFn(() => uuidv7()) });`),
    options: [{ defaults: ['v7-app', 'v7'] }],
  },
  {
    code: src(`import { v7 } from 'uuid';`, PG('pgTable, uuid'), `export const a = pgTable('a', { id: uuid('id').primaryKey().$defaultFn(v7) });`),
    options: [{ defaults: ['random', 'v7-app'] }],
  },
  // The default options accept a v7 database default too? No: but any `.default(...)` the rule can't classify is accepted.
  src(`import { sql } from 'drizzle-orm';`, PG('pgTable, uuid'), 'export const a = pgTable(\'a\', { id: uuid(\'id\').primaryKey().default(sql`my_schema.next_id()`) });'),
  // A single-column key in the extra config, in both forms, with a default; a composite key is not checked.
  src(PG('pgTable, primaryKey, uuid'), `export const k = pgTable('k', { id: uuid('id').defaultRandom() }, (t) => [primaryKey({ columns: [t.id] })]);`),
  src(PG('pgTable, primaryKey, uuid'), `export const k = pgTable('k', { id: uuid('id').defaultRandom() }, (t) => ({ pk: primaryKey(t.id) }));`),
  // A helper whose body is the standard key.
  {
    code: src(PG('pgTable'), `import { standardPrimaryKey } from './shared.schema.js';`, `export const h = pgTable('h', { id: standardPrimaryKey() });`),
    settings: helperSettings,
    filename: helperFilename,
  },
];

const invalid: Invalid[] = [
  // uuid without a default: autofix right after `.primaryKey()`, keeping the rest of the chain.
  missingDefault(
    src(PG('pgTable, uuid'), `export const users = pgTable('users', { id: uuid('id').primaryKey().notNull() });`),
    src(PG('pgTable, uuid'), `export const users = pgTable('users', { id: uuid('id').primaryKey().defaultRandom().notNull() });`),
    { table: 'users', column: 'id' }, [2, 45, 55],
  ),
  // Aliased imports, and the third argument as an array.
  missingDefault(
    src(
      `import { pgTable as table, uuid as id, index } from 'drizzle-orm/pg-core';`,
      `export const posts = table('posts', { postId: id('post_id').primaryKey(), authorId: id('author_id') }, (t) => [index('posts_author_id_idx').on(t.authorId)]);`,
    ),
    src(
      `import { pgTable as table, uuid as id, index } from 'drizzle-orm/pg-core';`,
      `export const posts = table('posts', { postId: id('post_id').primaryKey().defaultRandom(), authorId: id('author_id') }, (t) => [index('posts_author_id_idx').on(t.authorId)]);`,
    ),
    { table: 'posts', column: 'post_id' }, [2, 47, 60],
  ),
  // Namespace import, and the third argument as an object.
  missingDefault(
    src(`import * as pg from 'drizzle-orm/pg-core';`, `export const tags = pg.pgTable('tags', { id: pg.uuid('id').primaryKey() }, (t) => ({ idIdx: pg.index().on(t.id) }));`),
    src(`import * as pg from 'drizzle-orm/pg-core';`, `export const tags = pg.pgTable('tags', { id: pg.uuid('id').primaryKey().defaultRandom() }, (t) => ({ idIdx: pg.index().on(t.id) }));`),
    { table: 'tags', column: 'id' }, [2, 46, 59],
  ),
  // pgSchema tables are named schema-qualified.
  missingDefault(
    src(PG('pgSchema, uuid'), `export const jobs = pgSchema('career').table('jobs', { id: uuid('id').primaryKey() });`),
    src(PG('pgSchema, uuid'), `export const jobs = pgSchema('career').table('jobs', { id: uuid('id').primaryKey().defaultRandom() });`),
    { table: 'career.jobs', column: 'id' }, [2, 60, 70],
  ),
  // Name-less columns: the effective name under each casing (settings and drizzle 1.0's snakeCase.table).
  ...(['preserve', 'camelCase', 'snake_case'] as const).map((casing) =>
    missingDefault(
      src(PG('pgTable, uuid'), `export const a = pgTable('a', { post_id: uuid().primaryKey() });`),
      src(PG('pgTable, uuid'), `export const a = pgTable('a', { post_id: uuid().primaryKey().defaultRandom() });`),
      { table: 'a', column: casing === 'camelCase' ? 'postId' : 'post_id' }, [2, 42, 48],
      { settings: settingsFor({ casing }) },
    ),
  ),
  missingDefault(
    src(PG('snakeCase, uuid'), `export const b = snakeCase.table('b', { postId: uuid().primaryKey() });`),
    src(PG('snakeCase, uuid'), `export const b = snakeCase.table('b', { postId: uuid().primaryKey().defaultRandom() });`),
    { table: 'b', column: 'post_id' }, [2, 49, 55],
  ),
  // Helpers: `.primaryKey()` written locally, or inside the helper's body (the fix goes at the end of the local chain).
  missingDefault(
    src(PG('pgTable'), `import { requiredUuidColumn, uuidPrimaryKey } from './shared.schema.js';`, `export const u = pgTable('u', { id: requiredUuidColumn('id').primaryKey().unique() });`),
    src(PG('pgTable'), `import { requiredUuidColumn, uuidPrimaryKey } from './shared.schema.js';`, `export const u = pgTable('u', { id: requiredUuidColumn('id').primaryKey().defaultRandom().unique() });`),
    { table: 'u', column: 'id' }, [3, 37, 61],
    { settings: helperSettings, filename: helperFilename },
  ),
  missingDefault(
    src(PG('pgTable'), `import { uuidPrimaryKey } from './shared.schema.js';`, `export const v = pgTable('v', { key: uuidPrimaryKey('key').notNull() });`),
    src(PG('pgTable'), `import { uuidPrimaryKey } from './shared.schema.js';`, `export const v = pgTable('v', { key: uuidPrimaryKey('key').notNull().defaultRandom() });`),
    { table: 'v', column: 'key' }, [3, 38, 59],
    { settings: helperSettings, filename: helperFilename },
  ),
  // A local helper function.
  missingDefault(
    src(PG('pgTable, uuid'), `const idKey = () => uuid('id').primaryKey();`, `export const w = pgTable('w', { id: idKey() });`),
    src(PG('pgTable, uuid'), `const idKey = () => uuid('id').primaryKey();`, `export const w = pgTable('w', { id: idKey().defaultRandom() });`),
    { table: 'w', column: 'id' }, [3, 37, 44],
  ),

  // A single-column key declared in the extra config: `primaryKey({ columns: [t.id] })` (array form) and the older
  // `primaryKey(t.id)` (object form) are the same key as `.primaryKey()`.
  missingDefault(
    src(PG('pgTable, primaryKey, uuid'), `export const k = pgTable('k', { id: uuid('id').notNull() }, (t) => [primaryKey({ columns: [t.id] })]);`),
    src(PG('pgTable, primaryKey, uuid'), `export const k = pgTable('k', { id: uuid('id').notNull().defaultRandom() }, (t) => [primaryKey({ columns: [t.id] })]);`),
    { table: 'k', column: 'id' }, [2, 37, 47],
  ),
  missingDefault(
    src(PG('pgTable, primaryKey, uuid'), `export const k = pgTable('k', { keyId: uuid() }, (t) => ({ pk: primaryKey(t.keyId) }));`),
    src(PG('pgTable, primaryKey, uuid'), `export const k = pgTable('k', { keyId: uuid().defaultRandom() }, (t) => ({ pk: primaryKey(t.keyId) }));`),
    { table: 'k', column: 'key_id' }, [2, 40, 46],
    { settings: settingsFor({ casing: 'snake_case' }) },
  ),
  notUuid(
    src(PG('pgTable, primaryKey, serial'), `export const k = pgTable('k', { id: serial('id') }, (t) => [primaryKey({ columns: [t.id], name: 'k_pk' })]);`),
    src(PG('pgTable, primaryKey, uuid'), `export const k = pgTable('k', { id: uuid('id').defaultRandom() }, (t) => [primaryKey({ columns: [t.id], name: 'k_pk' })]);`),
    { table: 'k', column: 'id', builder: 'serial' }, [2, 37, 49],
  ),
  // pgSchema table with a namespace import.
  missingDefault(
    src(`import * as pg from 'drizzle-orm/pg-core';`, `export const j = pg.pgSchema('hr').table('j', { id: pg.uuid('id') }, (t) => [pg.primaryKey({ columns: [t.id] })]);`),
    src(`import * as pg from 'drizzle-orm/pg-core';`, `export const j = pg.pgSchema('hr').table('j', { id: pg.uuid('id').defaultRandom() }, (t) => [pg.primaryKey({ columns: [t.id] })]);`),
    { table: 'hr.j', column: 'id' }, [2, 53, 66],
  ),

  // defaults: ['v7']: the missing default is `.default(sql\`uuidv7()\`)`, `sql` imported from drizzle-orm (merged or added).
  missingDefault(
    src(PG('pgTable, uuid'), `export const a = pgTable('a', { id: uuid('id').primaryKey() });`),
    src(PG('pgTable, uuid'), `import { sql } from 'drizzle-orm';`, 'export const a = pgTable(\'a\', { id: uuid(\'id\').primaryKey().default(sql`uuidv7()`) });'),
    { table: 'a', column: 'id', expected: V7 }, [2, 37, 47],
    { options: [{ defaults: ['v7'] }] },
  ),
  missingDefault(
    src(`import { relations as r } from 'drizzle-orm';`, PG('pgTable, uuid'), `export const a = pgTable('a', { id: uuid('id').primaryKey() });`),
    src(`import { relations as r, sql } from 'drizzle-orm';`, PG('pgTable, uuid'), 'export const a = pgTable(\'a\', { id: uuid(\'id\').primaryKey().default(sql`uuidv7()`) });'),
    { table: 'a', column: 'id', expected: V7 }, [3, 37, 47],
    { options: [{ defaults: ['v7', 'random'] }] },
  ),
  // defaults: ['v7-app']: reported, never fixed (which package mints the uuid is the project's choice).
  missingDefault(
    src(PG('pgTable, uuid'), `export const a = pgTable('a', { id: uuid('id').primaryKey() });`),
    null as unknown as string,
    { table: 'a', column: 'id', expected: '.$defaultFn(() => uuidv7())' }, [2, 37, 47],
    { options: [{ defaults: ['v7-app'] }] },
  ),
  // A v4 key where only v7 is accepted: a suggestion (it changes the column default), an autofix with autofix 'all'.
  {
    code: src(`import { sql } from 'drizzle-orm';`, PG('pgTable, uuid'), `export const a = pgTable('a', { id: uuid('id').primaryKey().defaultRandom() });`),
    output: null,
    options: [{ defaults: ['v7'] }],
    errors: [
      {
        messageId: 'disallowedDefault',
        data: { table: 'a', column: 'id', expected: V7, actual: '.defaultRandom()', allowed: '`.default(sql`uuidv7()`)`' },
        line: 3,
        column: 37,
        endColumn: 47,
        suggestions: [
          {
            messageId: 'suggestDefault',
            data: { table: 'a', column: 'id', expected: V7, actual: '.defaultRandom()', allowed: '`.default(sql`uuidv7()`)`' },
            output: src(`import { sql } from 'drizzle-orm';`, PG('pgTable, uuid'), 'export const a = pgTable(\'a\', { id: uuid(\'id\').primaryKey().default(sql`uuidv7()`) });'),
          },
        ],
      },
    ],
  },
  {
    code: src(`import { sql as s } from 'drizzle-orm';`, PG('pgTable, uuid'), 'export const a = pgTable(\'a\', { id: uuid(\'id\').default(s`gen_random_uuid()`).primaryKey() });'),
    output: src(`import { sql as s } from 'drizzle-orm';`, PG('pgTable, uuid'), 'export const a = pgTable(\'a\', { id: uuid(\'id\').default(s`uuidv7()`).primaryKey() });'),
    options: [{ defaults: ['v7', 'v7-app'] }],
    settings: settingsFor({ autofix: 'all' }),
    errors: [
      {
        messageId: 'disallowedDefault',
        data: { table: 'a', column: 'id', expected: V7, actual: '.default(s`gen_random_uuid()`)', allowed: '`.default(sql`uuidv7()`)`, `.$defaultFn(() => uuidv7())`' },
        line: 3,
        column: 37,
        endColumn: 47,
        suggestions: [],
      },
    ],
  },
  // An application v7 where only database defaults are accepted: the runtime-default report, replaced by the v7 default.
  {
    code: src(`import { uuidv7 } from 'uuidv7';`, PG('pgTable, uuid'), `export const a = pgTable('a', { id: uuid('id').primaryKey().$defaultFn(() => uuidv7()) });`),
    output: null,
    options: [{ defaults: ['v7'] }],
    errors: [
      {
        messageId: 'disallowedDefault',
        data: { table: 'a', column: 'id', expected: V7, actual: '.$defaultFn(() => uuidv7())', allowed: '`.default(sql`uuidv7()`)`' },
        line: 3,
        column: 37,
        endColumn: 47,
        suggestions: [
          {
            messageId: 'suggestDefault',
            data: { table: 'a', column: 'id', expected: V7, actual: '.$defaultFn(() => uuidv7())', allowed: '`.default(sql`uuidv7()`)`' },
            output: src(`import { uuidv7 } from 'uuidv7';`, PG('pgTable, uuid'), `import { sql } from 'drizzle-orm';`, 'export const a = pgTable(\'a\', { id: uuid(\'id\').primaryKey().default(sql`uuidv7()`) });'),
          },
        ],
      },
    ],
  },
  // A serial key under defaults: ['v7']: the switch suggestion writes the v7 default.
  notUuid(
    src(PG('pgTable, serial'), `export const h = pgTable('h', { id: serial('id').primaryKey() });`),
    src(PG('pgTable, uuid'), `import { sql } from 'drizzle-orm';`, 'export const h = pgTable(\'h\', { id: uuid(\'id\').primaryKey().default(sql`uuidv7()`) });'),
    { table: 'h', column: 'id', builder: 'serial', expected: V7 }, [2, 37, 49],
    { options: [{ defaults: ['v7'] }] },
  ),

  // serial: a suggestion only, even with autofix 'all'; the now-unused `serial` import becomes `uuid`.
  notUuid(
    src(PG('pgTable, serial, text'), `export const health = pgTable('health', { id: serial('id').primaryKey(), note: text('note') });`),
    src(PG('pgTable, uuid, text'), `export const health = pgTable('health', { id: uuid('id').primaryKey().defaultRandom(), note: text('note') });`),
    { table: 'health', column: 'id', builder: 'serial' }, [2, 47, 59],
    { settings: settingsFor({ autofix: 'all' }) },
  ),
  // uuid already imported: the unused `serial` specifier is removed; `.notNull()` is kept.
  notUuid(
    src(PG('pgTable, serial, uuid'), `export const token = pgTable('token', { id: serial('id').primaryKey().notNull(), userId: uuid('user_id') });`),
    src(PG('pgTable, uuid'), `export const token = pgTable('token', { id: uuid('id').primaryKey().defaultRandom().notNull(), userId: uuid('user_id') });`),
    { table: 'token', column: 'id', builder: 'serial' }, [2, 45, 57],
  ),
  // Identity columns: identity calls and the config are dropped; `integer` stays imported (still used).
  notUuid(
    src(PG('pgTable, integer'), `export const t = pgTable('t', { id: integer('id').primaryKey().generatedAlwaysAsIdentity(), n: integer('n') });`),
    src(PG('pgTable, integer, uuid'), `export const t = pgTable('t', { id: uuid('id').primaryKey().defaultRandom(), n: integer('n') });`),
    { table: 't', column: 'id', builder: 'integer' }, [2, 37, 50],
  ),
  notUuid(
    src(PG('bigint, pgTable'), `export const big = pgTable('big', { id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity({ startWith: 1000 }).primaryKey() });`),
    src(PG('uuid, pgTable'), `export const big = pgTable('big', { id: uuid('id').primaryKey().defaultRandom() });`),
    { table: 'big', column: 'id', builder: 'bigint' }, [2, 41, 73],
  ),
  // A text key with an application-side generator: the generator goes with the type.
  notUuid(
    src(PG('pgTable, text'), `export const s = pgTable('s', { slug: text('slug').primaryKey().$defaultFn(() => nanoid()) });`),
    src(PG('pgTable, uuid'), `export const s = pgTable('s', { slug: uuid('slug').primaryKey().defaultRandom() });`),
    { table: 's', column: 'slug', builder: 'text' }, [2, 39, 51],
  ),
  // Namespace import: `pg.varchar(...)` becomes `pg.uuid(...)`, no import change.
  notUuid(
    src(`import * as pg from 'drizzle-orm/pg-core';`, `export const c = pg.pgTable('currencies', { code: pg.varchar('code', { length: 3 }).primaryKey() });`),
    src(`import * as pg from 'drizzle-orm/pg-core';`, `export const c = pg.pgTable('currencies', { code: pg.uuid('code').primaryKey().defaultRandom() });`),
    { table: 'currencies', column: 'code', builder: 'varchar' }, [2, 51, 84],
  ),
  // Columns callback: `t.serial()` becomes `t.uuid()`; a key that references its parent gets no default.
  notUuid(
    src(PG('pgTable'), `export const d = pgTable('d', (t) => ({ parentId: t.smallserial().primaryKey().references(() => p.id) }));`),
    src(PG('pgTable'), `export const d = pgTable('d', (t) => ({ parentId: t.uuid().primaryKey().references(() => p.id) }));`),
    { table: 'd', column: 'parentId', builder: 'smallserial' }, [2, 51, 66],
  ),
  // `uuid` is taken by another import: the pg-core builder is imported under an alias.
  notUuid(
    src(`import { v4 as uuid } from 'uuid';`, PG('pgTable, bigserial'), `export const e = pgTable('e', { id: bigserial('id', { mode: 'number' }).primaryKey() });`),
    src(`import { v4 as uuid } from 'uuid';`, PG('pgTable, uuid as pgUuid'), `export const e = pgTable('e', { id: pgUuid('id').primaryKey().defaultRandom() });`),
    { table: 'e', column: 'id', builder: 'bigserial' }, [3, 37, 72],
  ),
  // A serial key from a helper module: rebuilt from the helper's facts, `uuid` added to the import.
  notUuid(
    src(PG('pgTable'), `import { legacySerialKey } from './shared.schema.js';`, `export const f = pgTable('f', { id: legacySerialKey() });`),
    src(PG('pgTable, uuid'), `import { legacySerialKey } from './shared.schema.js';`, `export const f = pgTable('f', { id: uuid('id').primaryKey().defaultRandom() });`),
    { table: 'f', column: 'id', builder: 'serial' }, [3, 37, 54],
    { settings: helperSettings, filename: helperFilename },
  ),

  // Runtime-only defaults: a suggestion (a database change) unless autofix is 'all'.
  {
    code: src(`import { randomUUID } from 'node:crypto';`, PG('pgTable, uuid'), `export const g = pgTable('g', { id: uuid('id').primaryKey().$defaultFn(() => randomUUID()) });`),
    output: null,
    errors: [
      {
        messageId: 'runtimeDefault',
        data: { table: 'g', column: 'id', method: '$defaultFn', expected: RANDOM },
        line: 3,
        column: 37,
        endColumn: 47,
        suggestions: [
          {
            messageId: 'suggestDefaultRandom',
            data: { table: 'g', column: 'id', method: '$defaultFn', expected: RANDOM },
            output: src(`import { randomUUID } from 'node:crypto';`, PG('pgTable, uuid'), `export const g = pgTable('g', { id: uuid('id').primaryKey().defaultRandom() });`),
          },
        ],
      },
    ],
  },
  {
    code: src(PG('pgTable, uuid'), `export const h = pgTable('h', {`, `  id: uuid('id')`, `    .primaryKey()`, `    .$default(() => crypto.randomUUID()),`, `});`),
    output: src(PG('pgTable, uuid'), `export const h = pgTable('h', {`, `  id: uuid('id')`, `    .primaryKey()`, `    .defaultRandom(),`, `});`),
    settings: settingsFor({ autofix: 'all' }),
    errors: [{ messageId: 'runtimeDefault', data: { table: 'h', column: 'id', method: '$default', expected: RANDOM }, line: 3, column: 7, endColumn: 17, suggestions: [] }],
  },
  // The runtime default lives in a helper module: reported, fixable only in the helper.
  {
    code: src(PG('pgTable'), `import { runtimeUuidKey } from './shared.schema.js';`, `export const i = pgTable('i', { id: runtimeUuidKey() });`),
    output: null,
    settings: helperSettings,
    filename: helperFilename,
    errors: [{ messageId: 'runtimeDefault', data: { table: 'i', column: 'id', method: '$defaultFn', expected: RANDOM }, line: 3, column: 37, endColumn: 53, suggestions: [] }],
  },
];

ruleTester.run('uuid-primary-key', rule, { valid, invalid });
