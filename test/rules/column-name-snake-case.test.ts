import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/column-name-snake-case.js';
import { ruleTester, settingsFor } from './rule-tester.js';

// RuleTester lints with `cwd` '/', so the helper module is given as an absolute path.
const HELPERS = path.resolve('test/fixtures/helpers/column-name-snake-case/shared.schema.ts');
/** A file next to the helper module, so `./shared.schema.js` resolves to it. */
const helperFilename = path.resolve('test/fixtures/helpers/column-name-snake-case/tables.ts');
const helperCase = { settings: settingsFor({ helperModules: [HELPERS] }), filename: helperFilename };

/** Source lines joined with newlines: line N of the case is the N-th argument. */
const src = (...lines: string[]) => lines.join('\n');
const PG = (names: string) => `import { ${names} } from 'drizzle-orm/pg-core';`;

type Invalid = InvalidTestCase<MessageIds, Options>;
/** Where the error is: line, column, end column (errors here span one line). */
type Loc = [number, number, number];

/**
 * A fixable name: by default reported with the rename suggestion (output null); with `autofix: 'all'`
 * in `extra.settings`, pass `autofix: true` and the fixed code is the output.
 */
function rename(
  code: string,
  fixed: string,
  data: { table: string; column: string; suggested: string },
  [line, column, endColumn]: Loc,
  extra: Partial<Invalid> & { autofix?: boolean } = {},
): Invalid {
  const { autofix = false, ...rest } = extra;
  return {
    code,
    output: autofix ? fixed : null,
    errors: [
      {
        messageId: 'notSnakeCase',
        data,
        line,
        column,
        endLine: line,
        endColumn,
        suggestions: autofix ? [] : [{ messageId: 'suggestRename', data, output: fixed }],
      },
    ],
    ...rest,
  };
}

const valid: (ValidTestCase<Options> | string)[] = [
  src(PG('pgTable, text, uuid'), `export const users = pgTable('users', { userId: uuid('user_id'), email: text('email'), line2: text('line2') });`),
  // Name-less columns whose effective name is snake_case: the casing setting, or drizzle 1.0's snakeCase.table.
  { code: src(PG('pgTable, uuid'), `export const a = pgTable('a', { userId: uuid(), createdAt: uuid() });`), settings: settingsFor({ casing: 'snake_case' }) },
  src(PG('snakeCase, uuid'), `export const b = snakeCase.table('b', { userId: uuid().notNull() });`),
  { code: src(PG('pgTable, text'), `export const c = pgTable('c', { email: text() });`), settings: settingsFor({ casing: 'camelCase' }) },
  src(PG('pgTable, text'), `export const d = pgTable('d', { email: text() });`),
  // allow: a column name, table.column, schema.table.column.
  { code: src(PG('pgTable, text'), `export const e = pgTable('e', { externalId: text('externalID') });`), options: [{ allow: ['externalID'] }] },
  { code: src(PG('pgTable, text'), `export const users = pgTable('users', { displayName: text('displayName') });`), options: [{ allow: ['users.displayName'] }] },
  {
    code: src(PG('pgSchema, text'), `export const jobs = pgSchema('career').table('jobs', { jobTitle: text('jobTitle') });`),
    options: [{ allow: ['career.jobs.jobTitle'] }],
  },
  // A name computed at runtime can't be judged.
  src(PG('pgTable, uuid'), `const USER_ID = 'userId';`, `export const f = pgTable('f', { userId: uuid(USER_ID) });`),
  // A look-alike local pgTable is not Drizzle.
  src(`import { text } from 'drizzle-orm/pg-core';`, `function pgTable(name: string, columns: object) { return columns; }`, `export const g = pgTable('g', { firstName: text('firstName') });`),
  // Helpers with snake_case names, from a helper module, in a table with both extra-config forms.
  {
    code: src(
      PG('index, pgTable'),
      `import { displayNameColumn, requiredUuidColumn } from './shared.schema.js';`,
      `export const h = pgTable('h', { name: displayNameColumn(), ownerId: requiredUuidColumn('owner_id') }, (t) => [index().on(t.ownerId)]);`,
      `export const i = pgTable('i', { ownerId: requiredUuidColumn('owner_id') }, (t) => ({ ownerIdx: index().on(t.ownerId) }));`,
    ),
    ...helperCase,
  },
];

const invalid: Invalid[] = [
  rename(
    src(PG('pgTable, uuid'), `export const chats = pgTable('chats', { userId: uuid('userId').notNull() });`),
    src(PG('pgTable, uuid'), `export const chats = pgTable('chats', { userId: uuid('user_id').notNull() });`),
    { table: 'chats', column: 'userId', suggested: 'user_id' },
    [2, 54, 62],
  ),
  // The original quote character is kept; PascalCase and upper-case names too.
  rename(
    src(PG('pgTable, text'), `export const p = pgTable("profiles", { displayName: text("DisplayName") });`),
    src(PG('pgTable, text'), `export const p = pgTable("profiles", { displayName: text("display_name") });`),
    { table: 'profiles', column: 'DisplayName', suggested: 'display_name' },
    [2, 58, 71],
  ),
  rename(
    src(PG('pgTable, text'), 'export const q = pgTable(\'q\', { status: text(`STATUS_CODE`) });'),
    src(PG('pgTable, text'), 'export const q = pgTable(\'q\', { status: text(`status_code`) });'),
    { table: 'q', column: 'STATUS_CODE', suggested: 'status_code' },
    [2, 46, 59],
  ),
  // Aliased imports and the third argument as an array.
  rename(
    src(
      `import { pgTable as table, text as t, index } from 'drizzle-orm/pg-core';`,
      `export const people = table('people', { firstName: t('firstName') }, (x) => [index('people_first_name_idx').on(x.firstName)]);`,
    ),
    src(
      `import { pgTable as table, text as t, index } from 'drizzle-orm/pg-core';`,
      `export const people = table('people', { firstName: t('first_name') }, (x) => [index('people_first_name_idx').on(x.firstName)]);`,
    ),
    { table: 'people', column: 'firstName', suggested: 'first_name' },
    [2, 54, 65],
  ),
  // Namespace import and the third argument as an object.
  rename(
    src(`import * as pg from 'drizzle-orm/pg-core';`, `export const notes = pg.pgTable('notes', { noteId: pg.uuid('noteId') }, (t) => ({ noteIdx: pg.index().on(t.noteId) }));`),
    src(`import * as pg from 'drizzle-orm/pg-core';`, `export const notes = pg.pgTable('notes', { noteId: pg.uuid('note_id') }, (t) => ({ noteIdx: pg.index().on(t.noteId) }));`),
    { table: 'notes', column: 'noteId', suggested: 'note_id' },
    [2, 60, 68],
  ),
  // pgSchema tables are named schema-qualified, as the rename codemod accepts them.
  rename(
    src(PG('pgSchema, text'), `const career = pgSchema('career');`, `export const jobs = career.table('jobs', { jobTitle: text('jobTitle') });`),
    src(PG('pgSchema, text'), `const career = pgSchema('career');`, `export const jobs = career.table('jobs', { jobTitle: text('job_title') });`),
    { table: 'career.jobs', column: 'jobTitle', suggested: 'job_title' },
    [3, 59, 69],
  ),
  // Name-less columns: the name comes from the key, so the snake_case name is inserted as the first argument.
  rename(
    src(PG('boolean, pgTable'), `export const users = pgTable('users', { isAdmin: boolean().default(false) });`),
    src(PG('boolean, pgTable'), `export const users = pgTable('users', { isAdmin: boolean('is_admin').default(false) });`),
    { table: 'users', column: 'isAdmin', suggested: 'is_admin' },
    [2, 41, 48],
  ),
  rename(
    src(PG('pgTable, varchar'), `export const rates = pgTable("rates", { country_code: varchar({ length: 3 }) });`),
    src(PG('pgTable, varchar'), `export const rates = pgTable("rates", { country_code: varchar("country_code", { length: 3 }) });`),
    { table: 'rates', column: 'countryCode', suggested: 'country_code' },
    [2, 41, 53],
    { settings: settingsFor({ casing: 'camelCase' }) },
  ),
  rename(
    src(PG('pgTable'), `export const flags = pgTable('flags', (t) => ({ isOn: t.boolean() }));`),
    src(PG('pgTable'), `export const flags = pgTable('flags', (t) => ({ isOn: t.boolean('is_on') }));`),
    { table: 'flags', column: 'isOn', suggested: 'is_on' },
    [2, 49, 53],
    { settings: settingsFor({ casing: 'preserve' }) },
  ),
  // autofix 'all': the rename is applied as an autofix.
  rename(
    src(PG('pgTable, uuid'), `export const chats = pgTable('chats', { chatId: uuid('chatId'), ownerId: uuid() });`),
    src(PG('pgTable, uuid'), `export const chats = pgTable('chats', { chatId: uuid('chat_id'), ownerId: uuid() });`),
    { table: 'chats', column: 'chatId', suggested: 'chat_id' },
    [2, 54, 62],
    { settings: settingsFor({ autofix: 'all', casing: 'snake_case' }), autofix: true },
  ),
  // A helper whose name parameter is passed here: the string at the call is renamed (module and local helpers).
  rename(
    src(PG('pgTable'), `import { requiredUuidColumn } from './shared.schema.js';`, `export const t1 = pgTable('t1', { ownerId: requiredUuidColumn('ownerId') });`),
    src(PG('pgTable'), `import { requiredUuidColumn } from './shared.schema.js';`, `export const t1 = pgTable('t1', { ownerId: requiredUuidColumn('owner_id') });`),
    { table: 't1', column: 'ownerId', suggested: 'owner_id' },
    [3, 63, 72],
    helperCase,
  ),
  rename(
    src(PG('pgTable, uuid'), `function idColumn(name: string) { return uuid(name).notNull(); }`, `export const t2 = pgTable('t2', { parentId: idColumn('parentId') });`),
    src(PG('pgTable, uuid'), `function idColumn(name: string) { return uuid(name).notNull(); }`, `export const t2 = pgTable('t2', { parentId: idColumn('parent_id') });`),
    { table: 't2', column: 'parentId', suggested: 'parent_id' },
    [3, 54, 64],
  ),
  // MySQL and SQLite are checked too.
  rename(
    src(`import { mysqlTable, varchar } from 'drizzle-orm/mysql-core';`, `export const m = mysqlTable('m', { lastName: varchar('lastName', { length: 50 }) });`),
    src(`import { mysqlTable, varchar } from 'drizzle-orm/mysql-core';`, `export const m = mysqlTable('m', { lastName: varchar('last_name', { length: 50 }) });`),
    { table: 'm', column: 'lastName', suggested: 'last_name' },
    [2, 54, 64],
  ),
  rename(
    src(`import * as s from 'drizzle-orm/sqlite-core';`, `export const l = s.sqliteTable('l', { createdAt: s.integer({ mode: 'timestamp' }) });`),
    src(`import * as s from 'drizzle-orm/sqlite-core';`, `export const l = s.sqliteTable('l', { createdAt: s.integer('created_at', { mode: 'timestamp' }) });`),
    { table: 'l', column: 'createdAt', suggested: 'created_at' },
    [2, 39, 48],
  ),

  // Names set inside a helper module's body: reported at the call, fixable only in the helper.
  {
    code: src(PG('pgTable'), `import { createdAtColumn, flagColumn } from './shared.schema.js';`, `export const t3 = pgTable('t3', { createdAt: createdAtColumn(), isActive: flagColumn() });`),
    output: null,
    ...helperCase,
    errors: [
      {
        messageId: 'notSnakeCaseInHelper',
        data: { table: 't3', column: 'createdAt', suggested: 'created_at', helper: 'createdAtColumn' },
        line: 3,
        column: 46,
        endColumn: 63,
        suggestions: [],
      },
      {
        messageId: 'notSnakeCaseInHelper',
        data: { table: 't3', column: 'isActive', suggested: 'is_active', helper: 'flagColumn' },
        line: 3,
        column: 75,
        endColumn: 87,
        suggestions: [],
      },
    ],
  },
  // Columns of a shared object spread into the table: reported at the spread, once per table, never fixed there.
  {
    code: src(
      PG('pgTable, timestamp, uuid'),
      `const audit = { createdAt: timestamp('created_at'), updatedBy: uuid() };`,
      `export const a1 = pgTable('a1', { id: uuid('id'), ...audit });`,
      `export const a2 = pgTable('a2', { ...audit, ...{ someFlag: uuid('someFlag') } });`,
    ),
    output: null,
    errors: [
      {
        messageId: 'notSnakeCaseInSpread',
        data: { table: 'a1', column: 'updatedBy', suggested: 'updated_by', spread: 'audit', module: 'this file' },
        line: 3,
        column: 51,
        endColumn: 59,
        suggestions: [],
      },
      {
        messageId: 'notSnakeCaseInSpread',
        data: { table: 'a2', column: 'updatedBy', suggested: 'updated_by', spread: 'audit', module: 'this file' },
        line: 4,
        column: 35,
        endColumn: 43,
        suggestions: [],
      },
      {
        messageId: 'notSnakeCaseInSpread',
        data: { table: 'a2', column: 'someFlag', suggested: 'some_flag', spread: "{ someFlag: uuid('someFlag') }", module: 'this file' },
        line: 4,
        column: 45,
        endColumn: 78,
        suggestions: [],
      },
    ],
  },
  // No automatic snake_case form (a digit first): reported without a fix.
  {
    code: src(PG('pgTable, text'), `export const mfa = pgTable('mfa', { secret: text('2faSecret') });`),
    output: null,
    settings: settingsFor({ autofix: 'all' }),
    errors: [{ messageId: 'notSnakeCaseManual', data: { table: 'mfa', column: '2faSecret' }, line: 2, column: 50, endColumn: 61, suggestions: [] }],
  },
  // Several columns of one table, each with its own suggestion.
  {
    code: src(PG('pgTable, text'), `export const a = pgTable('a', { x: text('fooBar'), y: text('baz'), z: text('quxQuux') });`),
    output: null,
    errors: [
      {
        messageId: 'notSnakeCase',
        data: { table: 'a', column: 'fooBar', suggested: 'foo_bar' },
        line: 2,
        column: 41,
        suggestions: [{ messageId: 'suggestRename', output: src(PG('pgTable, text'), `export const a = pgTable('a', { x: text('foo_bar'), y: text('baz'), z: text('quxQuux') });`) }],
      },
      {
        messageId: 'notSnakeCase',
        data: { table: 'a', column: 'quxQuux', suggested: 'qux_quux' },
        line: 2,
        column: 76,
        suggestions: [{ messageId: 'suggestRename', output: src(PG('pgTable, text'), `export const a = pgTable('a', { x: text('fooBar'), y: text('baz'), z: text('qux_quux') });`) }],
      },
    ],
  },
];

ruleTester.run('column-name-snake-case', rule, { valid, invalid });
