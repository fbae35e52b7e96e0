import path from 'node:path';
import rule from '../../rules/index-foreign-keys.js';
import { ruleTester, settingsFor } from './rule-tester.js';

const HELPERS_DIR = path.join(process.cwd(), 'test/fixtures/helpers/index-foreign-keys');
// RuleTester lints with cwd '/', so the helper module is given absolute.
const helperSettings = settingsFor({ helperModules: [path.join(HELPERS_DIR, 'shared.schema.ts')] });
const helperFile = path.join(HELPERS_DIR, 'posts.schema.ts');
const ALL = settingsFor({ autofix: 'all' });

/** `posts` with an inline FK on `authorId` (line 4, `references` at column 31) and the given third argument. */
const posts = (extra: string, imports = 'index, pgTable, uuid') => `import { ${imports} } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', {
  id: uuid('id').primaryKey().defaultRandom(),
  authorId: uuid('author_id').references(() => users.id),
}${extra});
`;
const AT_REFERENCES = { line: 4, column: 31, endLine: 4, endColumn: 41 };

const missing = (table: string, columns: string, index: string) => ({ table, columns, index });
const authorData = (param = 't', callee = 'index') => missing('posts', 'author_id', `${callee}('posts_author_id_idx').on(${param}.authorId)`);

/** One error at `loc` whose single suggestion produces `output`; nothing is autofixed under `autofix: 'safe'`. */
const suggested = (data: Record<string, string>, loc: object, output: string) => ({
  messageId: 'missingIndex' as const,
  data,
  ...loc,
  suggestions: [{ messageId: 'addIndex' as const, data, output }],
});

ruleTester.run('index-foreign-keys', rule, {
  valid: [
    posts(`, (t) => [index('posts_author_id_idx').on(t.authorId)]`),
    posts(`, (t) => ({ byAuthor: index('posts_author_id_idx').on(t.authorId) })`),
    // A longer index, unique index or unique constraint that starts with the FK's columns covers it.
    posts(`, (t) => [uniqueIndex('posts_author_id_slug_idx').on(t.authorId.asc(), t.id)]`, 'pgTable, uniqueIndex, uuid'),
    posts(`, (t) => { return [unique().on(t.authorId, t.id)]; }`, 'pgTable, unique, uuid'),
    // Column-level primary key / unique covers a one-column FK.
    `import { pgTable, uuid } from 'drizzle-orm/pg-core';
export const profiles = pgTable('profiles', { userId: uuid('user_id').primaryKey().references(() => users.id) });
export const avatars = pgTable('avatars', { userId: uuid('user_id').unique().references(() => users.id) });`,
    // A composite primary key covers an FK on its first column and one on all its columns.
    `import { foreignKey, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
export const members = pgTable('members', {
  teamId: uuid('team_id').references(() => teams.id),
  userId: uuid('user_id'),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), foreignKey({ columns: [t.teamId, t.userId], foreignColumns: [x.a, x.b] })]);`,
    // The FK's columns in another order at the head of an index (array and object forms), then further columns.
    `import { foreignKey, index, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
export const grants = pgTable('grants', {
  a: uuid('a'),
  b: uuid('b'),
  c: uuid('c'),
}, (t) => [index('grants_b_a_c_idx').on(t.b, t.a.desc(), t.c), foreignKey({ columns: [t.a, t.b], foreignColumns: [x.a, x.b] })]);
export const rights = pgTable('rights', {
  a: uuid('a'),
  b: uuid('b'),
}, (t) => ({ byBA: uniqueIndex('rights_b_a_idx').on(t.b, t.a), fk: foreignKey({ columns: [t.a, t.b], foreignColumns: [x.a, x.b] }) }));`,
    { code: posts(`, (t) => [index('posts_author_id_idx').on(t.authorId).where(sql\`true\`)]`), options: [{ countPartialIndexes: true }] },
    // Not Drizzle: a look-alike pgTable.
    `import { uuid } from 'drizzle-orm/pg-core';
function pgTable(name: string, columns: object) { return { name, columns }; }
export const posts = pgTable('posts', { authorId: uuid('author_id').references(() => users.id) });`,
    // The dialects option leaves MySQL out (InnoDB creates the index itself).
    {
      code: `import { mysqlTable, int } from 'drizzle-orm/mysql-core';
export const posts = mysqlTable('posts', { authorId: int('author_id').references(() => users.id) });`,
      options: [{ dialects: ['pg', 'sqlite'] }],
    },
    // A helper module column, covered.
    {
      code: `import { index, pgTable } from 'drizzle-orm/pg-core';
import { requiredUuidColumn } from './shared.schema';
export const posts = pgTable('posts', { authorId: requiredUuidColumn('author_id').references(() => users.id) }, (t) => [index('posts_author_id_idx').on(t.authorId)]);`,
      filename: helperFile,
      settings: helperSettings,
    },
  ],
  invalid: [
    // No third argument: it is created, and `index` is merged into the import in alphabetical position.
    {
      code: posts('', 'pgTable, uuid'),
      errors: [suggested(authorData('table'), AT_REFERENCES, posts(`, (table) => [\n  index('posts_author_id_idx').on(table.authorId),\n]`))],
      output: null,
    },
    {
      code: posts('', 'pgTable, uuid'),
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: authorData('table'), ...AT_REFERENCES }],
      output: posts(`, (table) => [\n  index('posts_author_id_idx').on(table.authorId),\n]`),
    },
    // An existing single-line array gets one more element.
    {
      code: posts(`, (t) => [index('posts_id_idx').on(t.id)]`),
      errors: [suggested(authorData(), AT_REFERENCES, posts(`, (t) => [index('posts_id_idx').on(t.id), index('posts_author_id_idx').on(t.authorId)]`))],
      output: null,
    },
    // A multi-line array keeps its indentation and trailing comma.
    {
      code: posts(`, (t) => [\n  index('posts_id_idx').on(t.id),\n]`),
      errors: [suggested(authorData(), AT_REFERENCES, posts(`, (t) => [\n  index('posts_id_idx').on(t.id),\n  index('posts_author_id_idx').on(t.authorId),\n]`))],
      output: null,
    },
    // The object form gets a property whose key no other property uses.
    {
      code: posts(`, (t) => ({ authorIdIdx: index('posts_id_idx').on(t.id) })`),
      errors: [suggested(authorData(), AT_REFERENCES, posts(`, (t) => ({ authorIdIdx: index('posts_id_idx').on(t.id), authorIdIdx2: index('posts_author_id_idx').on(t.authorId) })`))],
      output: null,
    },
    // A block body returning an array; the callback's parameter name is kept.
    {
      code: posts(`, (table) => {\n  return [];\n}`),
      errors: [suggested(authorData('table'), AT_REFERENCES, posts(`, (table) => {\n  return [index('posts_author_id_idx').on(table.authorId)];\n}`))],
      output: null,
    },
    // A partial index does not count by default; its name is taken, so the new one gets a suffix.
    {
      code: posts(`, (t) => [index('posts_author_id_idx').on(t.authorId).where(sql\`true\`)]`),
      errors: [
        suggested(missing('posts', 'author_id', "index('posts_author_id_idx_2').on(t.authorId)"), AT_REFERENCES,
          posts(`, (t) => [index('posts_author_id_idx').on(t.authorId).where(sql\`true\`), index('posts_author_id_idx_2').on(t.authorId)]`)),
      ],
      output: null,
    },
    // An expression entry never matches a column.
    {
      code: posts(`, (t) => [index('posts_expr_idx').on(sql\`(author_id)\`)]`),
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: authorData(), ...AT_REFERENCES }],
      output: posts(`, (t) => [index('posts_expr_idx').on(sql\`(author_id)\`), index('posts_author_id_idx').on(t.authorId)]`),
    },
    // A composite primary key [team_id, user_id] does not cover an FK on user_id, but covers the FK on
    // (user_id, team_id): its leading columns are the FK's columns in another order.
    {
      code: `import { foreignKey, index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
export const members = pgTable('members', {
  teamId: uuid('team_id'),
  userId: uuid('user_id').references(() => users.id),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), foreignKey({ columns: [t.userId, t.teamId], foreignColumns: [x.a, x.b] })]);`,
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: missing('members', 'user_id', "index('members_user_id_idx').on(t.userId)"), line: 4, column: 27 }],
      output: `import { foreignKey, index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
export const members = pgTable('members', {
  teamId: uuid('team_id'),
  userId: uuid('user_id').references(() => users.id),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), foreignKey({ columns: [t.userId, t.teamId], foreignColumns: [x.a, x.b] }), index('members_user_id_idx').on(t.userId)]);`,
    },
    // A composite FK on (a, b): an index on (a, c, b) has another column among its first two, so it does not cover it.
    {
      code: `import { foreignKey, index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const grants = pgTable('grants', {
  a: uuid('a'),
  b: uuid('b'),
  c: uuid('c'),
}, (t) => [index('grants_a_c_b_idx').on(t.a, t.c, t.b), foreignKey({ columns: [t.a, t.b], foreignColumns: [x.a, x.b] })]);`,
      errors: [
        suggested(
          missing('grants', '(a, b)', "index('grants_a_b_idx').on(t.a, t.b)"),
          { line: 6, column: 57, endLine: 6, endColumn: 120 },
          `import { foreignKey, index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const grants = pgTable('grants', {
  a: uuid('a'),
  b: uuid('b'),
  c: uuid('c'),
}, (t) => [index('grants_a_c_b_idx').on(t.a, t.c, t.b), foreignKey({ columns: [t.a, t.b], foreignColumns: [x.a, x.b] }), index('grants_a_b_idx').on(t.a, t.b)]);`,
        ),
      ],
    },
    // Several uncovered FKs and no third argument: one fix (on the first report) creates it with every index, one
    // element per line as the columns are, so `--fix` needs a single pass.
    {
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
export const transactions = pgTable('transactions', {
  fromAccountId: uuid('from_account_id').references(() => accounts.id),
  toAccountId: uuid('to_account_id').references(() => accounts.id),
});`,
      settings: ALL,
      errors: [
        { messageId: 'missingIndex', data: missing('transactions', 'from_account_id', "index('transactions_from_account_id_idx').on(table.fromAccountId)"), line: 3, column: 42 },
        { messageId: 'missingIndex', data: missing('transactions', 'to_account_id', "index('transactions_to_account_id_idx').on(table.toAccountId)"), line: 4, column: 38 },
      ],
      output: `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const transactions = pgTable('transactions', {
  fromAccountId: uuid('from_account_id').references(() => accounts.id),
  toAccountId: uuid('to_account_id').references(() => accounts.id),
}, (table) => [
  index('transactions_from_account_id_idx').on(table.fromAccountId),
  index('transactions_to_account_id_idx').on(table.toAccountId),
]);`,
    },
    // Every table of the file in that one fix (one import edit), appended to existing arrays and objects.
    {
      code: `import { pgTable, unique, uuid } from 'drizzle-orm/pg-core';
export const a = pgTable('a', { x: uuid('x').references(() => p.id), y: uuid('y').references(() => p.id) }, (t) => [
  unique().on(t.x, t.y),
]);
export const b = pgTable('b', { x: uuid('x').references(() => p.id), y: uuid('y').references(() => p.id) }, (t) => ({}));`,
      settings: ALL,
      errors: [
        { messageId: 'missingIndex', data: missing('a', 'y', "index('a_y_idx').on(t.y)"), line: 2, column: 83 },
        { messageId: 'missingIndex', data: missing('b', 'x', "index('b_x_idx').on(t.x)"), line: 5, column: 46 },
        { messageId: 'missingIndex', data: missing('b', 'y', "index('b_y_idx').on(t.y)"), line: 5, column: 83 },
      ],
      output: `import { index, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
export const a = pgTable('a', { x: uuid('x').references(() => p.id), y: uuid('y').references(() => p.id) }, (t) => [
  unique().on(t.x, t.y),
  index('a_y_idx').on(t.y),
]);
export const b = pgTable('b', { x: uuid('x').references(() => p.id), y: uuid('y').references(() => p.id) }, (t) => ({ xIdx: index('b_x_idx').on(t.x), yIdx: index('b_y_idx').on(t.y) }));`,
    },
    // The index is named from the column's final name: the snake_case name column-name-snake-case renames it to
    // (in the same --fix run), not the camelCase one it has now. The message names the column as it is.
    {
      code: `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const application = pgTable('application', { customGitSSHKeyId: uuid('customGitSSHKeyId').references(() => k.id) }, (t) => [index('x').on(t.id)]);`,
      settings: ALL,
      errors: [
        {
          messageId: 'missingIndex',
          data: missing('application', 'customGitSSHKeyId', "index('application_custom_git_ssh_key_id_idx').on(t.customGitSSHKeyId)"),
          line: 2,
          column: 98,
        },
      ],
      output: `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const application = pgTable('application', { customGitSSHKeyId: uuid('customGitSSHKeyId').references(() => k.id) }, (t) => [index('x').on(t.id), index('application_custom_git_ssh_key_id_idx').on(t.customGitSSHKeyId)]);`,
    },
    // A table call laid out one argument per line (with a trailing comma): the new array follows the columns' indentation.
    {
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
export const notes = pgTable(
  'notes',
  {
    userId: uuid('user_id').references(() => users.id),
  },
);`,
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: missing('notes', 'user_id', "index('notes_user_id_idx').on(table.userId)"), line: 5, column: 29 }],
      output: `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const notes = pgTable(
  'notes',
  {
    userId: uuid('user_id').references(() => users.id),
  }, (table) => [
    index('notes_user_id_idx').on(table.userId),
  ],
);`,
    },
    // Aliased imports: the alias of `index` is used.
    {
      code: `import { pgTable as table, index as idx, uuid } from 'drizzle-orm/pg-core';
export const posts = table('posts', { authorId: uuid('author_id').references(() => users.id) }, (t) => [idx('posts_id_idx').on(t.id)]);`,
      errors: [suggested(authorData('t', 'idx'), { line: 2, column: 67 },
        `import { pgTable as table, index as idx, uuid } from 'drizzle-orm/pg-core';
export const posts = table('posts', { authorId: uuid('author_id').references(() => users.id) }, (t) => [idx('posts_id_idx').on(t.id), idx('posts_author_id_idx').on(t.authorId)]);`)],
      output: null,
    },
    // Aliased pgTable without `index`: the new callback's parameter is `table` (shadowing the alias only inside it).
    {
      code: `import { pgTable as table, uuid } from 'drizzle-orm/pg-core';
export const posts = table('posts', { authorId: uuid('author_id').references(() => users.id) });`,
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: authorData('table'), line: 2, column: 67 }],
      output: `import { index, pgTable as table, uuid } from 'drizzle-orm/pg-core';
export const posts = table('posts', { authorId: uuid('author_id').references(() => users.id) }, (table) => [index('posts_author_id_idx').on(table.authorId)]);`,
    },
    // Namespace import: `pg.index`, no import edit.
    {
      code: `import * as pg from 'drizzle-orm/pg-core';
export const posts = pg.pgTable('posts', { authorId: pg.uuid('author_id').references(() => users.id) });`,
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: authorData('table', 'pg.index'), line: 2, column: 75 }],
      output: `import * as pg from 'drizzle-orm/pg-core';
export const posts = pg.pgTable('posts', { authorId: pg.uuid('author_id').references(() => users.id) }, (table) => [pg.index('posts_author_id_idx').on(table.authorId)]);`,
    },
    // pgSchema tables; the object form.
    {
      code: `import { pgSchema, uuid } from 'drizzle-orm/pg-core';
export const jobs = pgSchema('career').table('jobs', { companyId: uuid('company_id').references(() => companies.id) }, (t) => ({}));`,
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: missing('career.jobs', 'company_id', "index('jobs_company_id_idx').on(t.companyId)"), line: 2, column: 86 }],
      output: `import { index, pgSchema, uuid } from 'drizzle-orm/pg-core';
export const jobs = pgSchema('career').table('jobs', { companyId: uuid('company_id').references(() => companies.id) }, (t) => ({ companyIdIdx: index('jobs_company_id_idx').on(t.companyId) }));`,
    },
    // Name-less columns: the message names the DB name under each casing; the index name its snake_case form.
    ...(['snake_case', 'camelCase', 'preserve'] as const).map((casing) => {
      const column = casing === 'snake_case' ? 'author_id' : 'authorId';
      return {
        code: `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { authorId: uuid().references(() => users.id) }, (t) => [index('x').on(t.id)]);`,
        settings: settingsFor({ casing, autofix: 'all' }),
        errors: [{ messageId: 'missingIndex' as const, data: missing('posts', column, `index('posts_author_id_idx').on(t.authorId)`), line: 2, column: 58 }],
        output: `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { authorId: uuid().references(() => users.id) }, (t) => [index('x').on(t.id), index('posts_author_id_idx').on(t.authorId)]);`,
      };
    }),
    {
      code: `import { snakeCase, uuid } from 'drizzle-orm/pg-core';
export const posts = snakeCase.table('posts', { authorId: uuid().references(() => users.id) });`,
      errors: [suggested(missing('posts', 'author_id', "index('posts_author_id_idx').on(table.authorId)"), { line: 2, column: 66 },
        `import { index, snakeCase, uuid } from 'drizzle-orm/pg-core';
export const posts = snakeCase.table('posts', { authorId: uuid().references(() => users.id) }, (table) => [index('posts_author_id_idx').on(table.authorId)]);`)],
      output: null,
    },
    // MySQL (checked by default) and SQLite.
    {
      code: `import { int, mysqlTable } from 'drizzle-orm/mysql-core';
export const posts = mysqlTable('posts', { authorId: int('author_id').references(() => users.id) });`,
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: authorData('table'), line: 2, column: 71 }],
      output: `import { index, int, mysqlTable } from 'drizzle-orm/mysql-core';
export const posts = mysqlTable('posts', { authorId: int('author_id').references(() => users.id) }, (table) => [index('posts_author_id_idx').on(table.authorId)]);`,
    },
    {
      code: `import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
export const posts = sqliteTable('posts', { authorId: integer('author_id').references(() => users.id) }, (t) => [
  index('posts_id_idx').on(t.id)
]);`,
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: authorData(), line: 2, column: 76 }],
      output: `import { index, integer, sqliteTable } from 'drizzle-orm/sqlite-core';
export const posts = sqliteTable('posts', { authorId: integer('author_id').references(() => users.id) }, (t) => [
  index('posts_id_idx').on(t.id),
  index('posts_author_id_idx').on(t.authorId)
]);`,
    },
    // Helper modules: the FK inside the helper's body is reported at the column.
    {
      code: `import {
  pgTable,
  uuid,
} from 'drizzle-orm/pg-core';
import { ownerIdColumn } from './shared.schema';
export const lists = pgTable('lists', { ownerId: ownerIdColumn() });`,
      filename: helperFile,
      settings: { 'drizzle-schema': { ...helperSettings['drizzle-schema'], autofix: 'all' } },
      errors: [{ messageId: 'missingIndex', data: missing('lists', 'owner_id', "index('lists_owner_id_idx').on(table.ownerId)"), line: 6, column: 50, endColumn: 65 }],
      output: `import {
  index,
  pgTable,
  uuid,
} from 'drizzle-orm/pg-core';
import { ownerIdColumn } from './shared.schema';
export const lists = pgTable('lists', { ownerId: ownerIdColumn() }, (table) => [index('lists_owner_id_idx').on(table.ownerId)]);`,
    },
    // A local helper plus `.references()` at the call.
    {
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
const requiredUuid = (name: string) => uuid(name).notNull();
export const posts = pgTable('posts', { authorId: requiredUuid('author_id').references(() => users.id) });`,
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: authorData('table'), line: 3, column: 77 }],
      output: `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
const requiredUuid = (name: string) => uuid(name).notNull();
export const posts = pgTable('posts', { authorId: requiredUuid('author_id').references(() => users.id) }, (table) => [index('posts_author_id_idx').on(table.authorId)]);`,
    },
    // The naming template option; unsorted imports get `index` appended.
    {
      code: posts('', 'uuid, pgTable'),
      options: [{ indexName: 'idx_{table}_{columns}' }],
      errors: [suggested(missing('posts', 'author_id', "index('idx_posts_author_id').on(table.authorId)"), AT_REFERENCES,
        posts(`, (table) => [\n  index('idx_posts_author_id').on(table.authorId),\n]`, 'uuid, pgTable, index'))],
      output: null,
    },
    // No safe fix: `index` is taken by a local binding; a destructured parameter; a parameter-less callback gets one.
    {
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
const index = 1;
export const posts = pgTable('posts', { authorId: uuid('author_id').references(() => users.id) });`,
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: authorData('table'), line: 3, column: 69, suggestions: [] }],
      output: null,
    },
    {
      code: posts(`, ({ id }) => [index('posts_id_idx').on(id)]`),
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: authorData('table'), ...AT_REFERENCES }],
      output: null,
    },
    {
      code: posts(`, () => []`),
      settings: ALL,
      errors: [{ messageId: 'missingIndex', data: authorData('table'), ...AT_REFERENCES }],
      output: posts(`, (table) => [index('posts_author_id_idx').on(table.authorId)]`),
    },
  ],
});
