import { afterAll } from 'vitest';
import { writeTree } from '../drizzle-model/write-tree.js';
import rule from '../../rules/require-foreign-key.js';
import { ruleTester, settingsFor } from './rule-tester.js';

const ALL = settingsFor({ autofix: 'all' });

const users = "export const users = pgTable('users', { id: uuid('id').primaryKey().defaultRandom() });";
/** `users` on line 2, then a `posts` table whose column is on line 4. */
const posts = (column: string, imports = 'pgTable, uuid', extra = '') => `import { ${imports} } from 'drizzle-orm/pg-core';
${users}
export const posts = pgTable('posts', {
  ${column}
}${extra});
`;

const found = (table: string, column: string, stem: string, target: string, reference: string) => ({ table, column, stem, target, reference });
/** One error on the column key at `line`:3 whose suggestion adds `reference`. */
const suggested = (data: ReturnType<typeof found>, line: number, output: string) => ({
  messageId: 'missingForeignKey' as const,
  data,
  line,
  column: 3,
  suggestions: [{ messageId: 'addReference' as const, data: { table: data.table, column: data.column, reference: data.reference }, output }],
});

ruleTester.run('require-foreign-key', rule, {
  valid: [
    posts("authorId: uuid('author_id').references(() => users.id),"),
    posts("userId: uuid('user_id'),", 'foreignKey, pgTable, uuid', ', (t) => [foreignKey({ columns: [t.userId], foreignColumns: [users.id] })]'),
    posts("userId: uuid('user_id'),", 'foreignKey, pgTable, uuid', ', (t) => ({ fk: foreignKey({ columns: [t.userId], foreignColumns: [users.id] }) })'),
    // An external id: text, and no table of that name.
    posts("stripeCustomerId: text('stripe_customer_id'),", 'pgTable, text, uuid'),
    // A polymorphic pair: no foreign key can say which table `commentable_id` points at.
    posts("commentableId: uuid('commentable_id'),\n  commentableType: text('commentable_type'),", 'pgTable, text, uuid'),
    // Generated values are not references.
    posts("requestId: uuid('request_id').defaultRandom(),"),
    posts("traceId: uuid('trace_id').$defaultFn(() => crypto.randomUUID()),"),
    // The primary key itself.
    posts("id: uuid('id').primaryKey(),"),
    { code: posts("externalId: uuid('external_id'),"), options: [{ ignoreColumns: ['^external_'] }] },
    { code: posts("ownerId: uuid('owner_id'),"), options: [{ ignoreColumns: ['^posts\\.owner_id$'] }] },
    { code: posts("ownerId: uuid('owner_id'),"), options: [{ ignoreTables: ['posts'] }] },
    // No known table matches `github_app`, `owner`, `customer` (ids of other systems look the same): not reported by default.
    posts("githubAppId: integer('github_app_id'),", 'integer, pgTable, uuid'),
    posts("ownerId: uuid('owner_id'),"),
    `import { int, mysqlTable } from 'drizzle-orm/mysql-core';
export const orders = mysqlTable('orders', { customerId: int('customer_id').notNull() });`,
    { code: posts("githubAppId: integer('github_app_id'),", 'integer, pgTable, uuid'), options: [{ reportUnresolved: false }] },
    // Not Drizzle: a look-alike pgTable.
    `import { uuid } from 'drizzle-orm/pg-core';
function pgTable(name: string, columns: object) { return { name, columns }; }
export const posts = pgTable('posts', { userId: uuid('user_id') });`,
  ],
  invalid: [
    // The target is a table of the file (singular stem, plural table): the suggestion adds the reference.
    {
      code: posts("userId: uuid('user_id').notNull(),"),
      errors: [suggested(found('posts', 'user_id', 'user', 'users', '.references(() => users.id)'), 4, posts("userId: uuid('user_id').notNull().references(() => users.id),"))],
      output: null,
    },
    {
      code: posts("userId: uuid('user_id').notNull(),"),
      settings: ALL,
      errors: [{ messageId: 'missingForeignKey', data: found('posts', 'user_id', 'user', 'users', '.references(() => users.id)'), line: 4, column: 3 }],
      output: posts("userId: uuid('user_id').notNull().references(() => users.id),"),
    },
    // No table of that name here: reported only with reportUnresolved, with no suggestion.
    {
      code: posts("ownerId: uuid('owner_id'),"),
      options: [{ reportUnresolved: true }],
      errors: [{ messageId: 'missingForeignKeyNoTarget', data: { table: 'posts', column: 'owner_id', stem: 'owner' }, line: 4, column: 3, suggestions: [] }],
      output: null,
    },
    // Any column named after a table of the project counts, whatever its type; a polymorphic exemption can be turned off.
    {
      code: posts("userId: text('user_id'),\n  subjectId: uuid('subject_id'),\n  subjectType: text('subject_type'),", 'pgTable, text, uuid'),
      options: [{ allowPolymorphic: false, reportUnresolved: true }],
      errors: [
        suggested(found('posts', 'user_id', 'user', 'users', '.references(() => users.id)'), 4,
          posts("userId: text('user_id').references(() => users.id),\n  subjectId: uuid('subject_id'),\n  subjectType: text('subject_type'),", 'pgTable, text, uuid')),
        { messageId: 'missingForeignKeyNoTarget', data: { table: 'posts', column: 'subject_id', stem: 'subject' }, line: 5, column: 3 },
      ],
      output: null,
    },
    // pgSchema tables, a helper-free chain, the seed's job_applications.company_id; irregular plurals (person → people).
    {
      code: `import { pgSchema, uuid } from 'drizzle-orm/pg-core';
export const career = pgSchema('career');
export const companies = career.table('companies', { id: uuid('id').primaryKey().defaultRandom() });
export const people = career.table('people', { key: uuid('key').primaryKey() });
export const jobApplications = career.table('job_applications', {
  companyId: uuid('company_id'),
  personId: uuid('person_id'),
});`,
      errors: [
        {
          ...suggested(found('career.job_applications', 'company_id', 'company', 'career.companies', '.references(() => companies.id)'), 6, ''),
          suggestions: [{ messageId: 'addReference', data: { table: 'career.job_applications', column: 'company_id', reference: '.references(() => companies.id)' }, output: `import { pgSchema, uuid } from 'drizzle-orm/pg-core';
export const career = pgSchema('career');
export const companies = career.table('companies', { id: uuid('id').primaryKey().defaultRandom() });
export const people = career.table('people', { key: uuid('key').primaryKey() });
export const jobApplications = career.table('job_applications', {
  companyId: uuid('company_id').references(() => companies.id),
  personId: uuid('person_id'),
});` }],
        },
        {
          ...suggested(found('career.job_applications', 'person_id', 'person', 'career.people', '.references(() => people.key)'), 7, ''),
          suggestions: [{ messageId: 'addReference', data: { table: 'career.job_applications', column: 'person_id', reference: '.references(() => people.key)' }, output: `import { pgSchema, uuid } from 'drizzle-orm/pg-core';
export const career = pgSchema('career');
export const companies = career.table('companies', { id: uuid('id').primaryKey().defaultRandom() });
export const people = career.table('people', { key: uuid('key').primaryKey() });
export const jobApplications = career.table('job_applications', {
  companyId: uuid('company_id'),
  personId: uuid('person_id').references(() => people.key),
});` }],
        },
      ],
      output: null,
    },
    // Namespace import, name-less columns: snake_case gives `category_id` from the key; the target is found by its variable.
    {
      code: `import * as p from 'drizzle-orm/pg-core';
export const categories = p.pgTable('category_list', { id: p.uuid().primaryKey() });
export const events = p.pgTable('events', { categoryId: p.uuid() });`,
      settings: settingsFor({ casing: 'snake_case' }),
      errors: [
        {
          messageId: 'missingForeignKey',
          data: found('events', 'category_id', 'category', 'category_list', '.references(() => categories.id)'),
          line: 3, column: 45,
          suggestions: [{ messageId: 'addReference', data: { table: 'events', column: 'category_id', reference: '.references(() => categories.id)' }, output: `import * as p from 'drizzle-orm/pg-core';
export const categories = p.pgTable('category_list', { id: p.uuid().primaryKey() });
export const events = p.pgTable('events', { categoryId: p.uuid().references(() => categories.id) });` }],
        },
      ],
      output: null,
    },
    // camelCase / preserve: the DB name is `userId`; an aliased import.
    {
      code: `import { pgTable as table, uuid as id } from 'drizzle-orm/pg-core';
export const users = table('users', { id: id().primaryKey() });
export const posts = table('posts', { userId: id() });`,
      settings: settingsFor({ casing: 'camelCase' }),
      errors: [
        {
          messageId: 'missingForeignKey',
          data: found('posts', 'userId', 'user', 'users', '.references(() => users.id)'),
          line: 3, column: 39,
          suggestions: [{ messageId: 'addReference', data: { table: 'posts', column: 'userId', reference: '.references(() => users.id)' }, output: `import { pgTable as table, uuid as id } from 'drizzle-orm/pg-core';
export const users = table('users', { id: id().primaryKey() });
export const posts = table('posts', { userId: id().references(() => users.id) });` }],
        },
      ],
      output: null,
    },
    // preserve: the key is the DB name.
    {
      code: posts('user_id: uuid(),'),
      settings: settingsFor({ casing: 'preserve' }),
      errors: [suggested(found('posts', 'user_id', 'user', 'users', '.references(() => users.id)'), 4, posts('user_id: uuid().references(() => users.id),'))],
      output: null,
    },
    // MySQL and SQLite integer keys.
    {
      code: `import { int, mysqlTable } from 'drizzle-orm/mysql-core';
export const orders = mysqlTable('orders', { customerId: int('customer_id').notNull() });`,
      options: [{ reportUnresolved: true }],
      errors: [{ messageId: 'missingForeignKeyNoTarget', data: { table: 'orders', column: 'customer_id', stem: 'customer' }, line: 2, column: 46 }],
      output: null,
    },
    {
      code: `import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
export const orders = sqliteTable('orders', { customer_id: integer() });`,
      options: [{ reportUnresolved: true }],
      errors: [{ messageId: 'missingForeignKeyNoTarget', data: { table: 'orders', column: 'customer_id', stem: 'customer' }, line: 2, column: 47 }],
      output: null,
    },
  ],
});

/** A schema split into one file per table (`db/schema/*.ts`): tables of the folder's other files are known too. */
const folder = writeTree({
  'db/schema/authors.ts': "import { pgTable, uuid } from 'drizzle-orm/pg-core';\n\nexport const authors = pgTable('authors', { id: uuid().primaryKey().defaultRandom() });\n",
  // Not Drizzle: a look-alike table function, so no table `github_apps` is known.
  'db/schema/github.ts': "const pgTable = (name: string, columns: object) => ({ name, columns });\n\nexport const githubApps = pgTable('github_apps', {});\n",
  'db/schema/queries.ts': "export const byAuthor = (id: string) => ({ authorId: id });\n",
});
afterAll(() => folder.remove());
const postsFile = folder.file('db/schema/posts.ts');
const folderPosts = (column: string, imports = '') => `${imports}import { integer, pgTable, uuid } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', {
  id: uuid().primaryKey().defaultRandom(),
  ${column}
});
`;

ruleTester.run('require-foreign-key (tables of the folder)', rule, {
  valid: [
    // `github_app` names no Drizzle table of the file or the folder: an id of another system.
    { code: folderPosts("githubAppId: integer('github_app_id'),"), filename: postsFile },
    // A text column named like a table of another file: only key-typed columns count across files.
    { code: folderPosts("authorId: text('author_id'),").replace('integer, pgTable', 'integer, pgTable, text'), filename: postsFile },
    { code: folderPosts("authorId: uuid('author_id').references(() => authors.id),", "import { authors } from './authors';\n"), filename: postsFile },
  ],
  invalid: [
    // The target is in another file that this one does not import: the message says what to import, no suggestion.
    {
      code: folderPosts("authorId: uuid('author_id'),"),
      filename: postsFile,
      errors: [
        {
          messageId: 'missingForeignKeyInOtherFile',
          data: { ...found('posts', 'author_id', 'author', 'authors', '.references(() => authors.id)'), file: './authors.ts', variable: 'authors' },
          line: 4,
          column: 3,
          suggestions: [],
        },
      ],
      output: null,
    },
    // Imported already: the suggestion adds the reference.
    {
      code: folderPosts("authorId: uuid('author_id'),", "import { authors } from './authors.js';\n"),
      filename: postsFile,
      errors: [
        suggested(
          found('posts', 'author_id', 'author', 'authors', '.references(() => authors.id)'),
          5,
          folderPosts("authorId: uuid('author_id').references(() => authors.id),", "import { authors } from './authors.js';\n"),
        ),
      ],
      output: null,
    },
  ],
});
