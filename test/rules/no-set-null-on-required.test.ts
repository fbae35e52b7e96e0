import path from 'node:path';
import rule from '../../rules/no-set-null-on-required.js';
import { ruleTester, settingsFor } from './rule-tester.js';

const HELPERS_DIR = path.join(process.cwd(), 'test/fixtures/helpers/no-set-null-on-required');
// RuleTester lints with cwd '/', so the helper module is given absolute.
const helperSettings = settingsFor({ helperModules: [path.join(HELPERS_DIR, 'shared.schema.ts')] });
const helperFile = path.join(HELPERS_DIR, 'posts.schema.ts');

/** `posts` with one column on line 3; the rest of the file is fixed. */
const posts = (column: string, imports = 'pgTable, uuid', extra = '') => `import { ${imports} } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', {
  ${column}
}${extra});
`;

const data = (column: string, reason: string, option = 'onDelete', action = 'set null', verb = 'deleting') => ({ table: 'posts', column, reason, option, action, verb });
const useAction = (value: string, output: string, option = 'onDelete') => ({ messageId: 'useAction' as const, data: { option, value }, output });

const required = "authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'set null' }),";

ruleTester.run('no-set-null-on-required', rule, {
  valid: [
    posts("authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),"),
    posts("authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),"),
    posts("authorId: uuid('author_id').notNull().references(() => users.id),"),
    // 'set default' with a database default is fine.
    posts("authorId: uuid('author_id').notNull().default(sql`'00000000-0000-0000-0000-000000000000'`).references(() => users.id, { onDelete: 'set default' }),"),
    // 'set default' on a nullable column writes NULL: fine.
    posts("authorId: uuid('author_id').references(() => users.id, { onUpdate: 'set default' }),"),
    // A nullable helper column.
    {
      code: `import { pgTable } from 'drizzle-orm/pg-core';
import { optionalUuidColumn } from './shared.schema';
export const posts = pgTable('posts', { authorId: optionalUuidColumn('author_id').references(() => users.id, { onDelete: 'set null' }) });`,
      filename: helperFile,
      settings: helperSettings,
    },
    // Both extra-config forms, nullable column.
    posts("authorId: uuid('author_id'),", 'foreignKey, pgTable, uuid', ", (t) => [foreignKey({ columns: [t.authorId], foreignColumns: [users.id] }).onDelete('set null')]"),
    posts("authorId: uuid('author_id'),", 'foreignKey, pgTable, uuid', ", (t) => ({ fk: foreignKey({ columns: [t.authorId], foreignColumns: [users.id] }).onDelete('set null') })"),
    // Not Drizzle: a look-alike pgTable.
    `import { uuid } from 'drizzle-orm/pg-core';
function pgTable(name: string, columns: object) { return { name, columns }; }
export const posts = pgTable('posts', { ${required} });`,
    // The dialects option.
    {
      code: `import { mysqlTable, varchar } from 'drizzle-orm/mysql-core';
export const posts = mysqlTable('posts', { authorId: varchar('author_id', { length: 36 }).notNull().references(() => users.id, { onDelete: 'set null' }) });`,
      options: [{ dialects: ['pg'] }],
    },
    // An action that is not a static string is not judged.
    posts("authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: ACTION }),"),
  ],
  invalid: [
    // Inline, `.notNull()` written here: make it nullable, or another action.
    {
      code: posts(required),
      errors: [
        {
          messageId: 'setNullOnRequired',
          data: data('author_id', '`.notNull()`'),
          line: 3, column: 80, endLine: 3, endColumn: 90,
          suggestions: [
            { messageId: 'makeNullable', data: data('author_id', '`.notNull()`'), output: posts("authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),") },
            useAction('restrict', posts("authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'restrict' }),")),
            useAction('cascade', posts("authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),")),
          ],
        },
      ],
      output: null,
    },
    // onUpdate, double quotes, `.notNull()` after `.references()`.
    {
      code: posts('authorId: uuid("author_id").references(() => users.id, { onUpdate: "set null" }).notNull(),'),
      errors: [
        {
          messageId: 'setNullOnRequired',
          data: data('author_id', '`.notNull()`', 'onUpdate', 'set null', 'updating the key of'),
          line: 3, column: 70,
          suggestions: [
            { messageId: 'makeNullable', data: data('author_id', '`.notNull()`', 'onUpdate', 'set null', 'updating the key of'), output: posts('authorId: uuid("author_id").references(() => users.id, { onUpdate: "set null" }),') },
            useAction('restrict', posts('authorId: uuid("author_id").references(() => users.id, { onUpdate: "restrict" }).notNull(),'), 'onUpdate'),
            useAction('cascade', posts('authorId: uuid("author_id").references(() => users.id, { onUpdate: "cascade" }).notNull(),'), 'onUpdate'),
          ],
        },
      ],
      output: null,
    },
    // NOT NULL from `.primaryKey()`: removing `.notNull()` would not help, so only the actions are suggested.
    {
      code: posts("userId: uuid('user_id').primaryKey().notNull().references(() => users.id, { onDelete: 'set null' }),"),
      errors: [
        {
          messageId: 'setNullOnRequired',
          data: data('user_id', 'its `.primaryKey()`'),
          line: 3, column: 89,
          suggestions: [
            useAction('restrict', posts("userId: uuid('user_id').primaryKey().notNull().references(() => users.id, { onDelete: 'restrict' }),")),
            useAction('cascade', posts("userId: uuid('user_id').primaryKey().notNull().references(() => users.id, { onDelete: 'cascade' }),")),
          ],
        },
      ],
      output: null,
    },
    // NOT NULL from a helper module's body: only the actions.
    {
      code: `import { pgTable } from 'drizzle-orm/pg-core';
import { requiredUuidColumn } from './shared.schema';
export const posts = pgTable('posts', { authorId: requiredUuidColumn('author_id').references(() => users.id, { onDelete: 'set null' }) });`,
      filename: helperFile,
      settings: helperSettings,
      errors: [
        {
          messageId: 'setNullOnRequired',
          data: { ...data('author_id', '`.notNull()` (from `requiredUuidColumn()`)') },
          line: 3, column: 122,
          suggestions: [
            useAction('restrict', `import { pgTable } from 'drizzle-orm/pg-core';
import { requiredUuidColumn } from './shared.schema';
export const posts = pgTable('posts', { authorId: requiredUuidColumn('author_id').references(() => users.id, { onDelete: 'restrict' }) });`),
            useAction('cascade', `import { pgTable } from 'drizzle-orm/pg-core';
import { requiredUuidColumn } from './shared.schema';
export const posts = pgTable('posts', { authorId: requiredUuidColumn('author_id').references(() => users.id, { onDelete: 'cascade' }) });`),
          ],
        },
      ],
      output: null,
    },
    // 'set default' on a NOT NULL column without a database default ($defaultFn runs in JavaScript only).
    {
      code: posts("authorId: uuid('author_id').notNull().$defaultFn(() => crypto.randomUUID()).references(() => users.id, { onDelete: 'set default' }),"),
      errors: [
        {
          messageId: 'setDefaultWithoutDefault',
          data: data('author_id', '`.notNull()`', 'onDelete', 'set default'),
          line: 3, column: 118,
          suggestions: [
            { messageId: 'makeNullable', data: data('author_id', '`.notNull()`', 'onDelete', 'set default'), output: posts("authorId: uuid('author_id').$defaultFn(() => crypto.randomUUID()).references(() => users.id, { onDelete: 'set default' }),") },
            useAction('restrict', posts("authorId: uuid('author_id').notNull().$defaultFn(() => crypto.randomUUID()).references(() => users.id, { onDelete: 'restrict' }),")),
            useAction('cascade', posts("authorId: uuid('author_id').notNull().$defaultFn(() => crypto.randomUUID()).references(() => users.id, { onDelete: 'cascade' }),")),
          ],
        },
      ],
      output: null,
    },
    // foreignKey() in the array form, NOT NULL from the composite primary key.
    {
      code: `import { foreignKey, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
export const members = pgTable('members', {
  teamId: uuid('team_id'),
  userId: uuid('user_id'),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('set null')]);`,
      errors: [
        {
          messageId: 'setNullOnRequired',
          data: { ...data('user_id', "the table's `primaryKey({ columns })`"), table: 'members' },
          line: 5, column: 132,
          suggestions: [
            useAction('restrict', `import { foreignKey, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
export const members = pgTable('members', {
  teamId: uuid('team_id'),
  userId: uuid('user_id'),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('restrict')]);`),
            useAction('cascade', `import { foreignKey, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
export const members = pgTable('members', {
  teamId: uuid('team_id'),
  userId: uuid('user_id'),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade')]);`),
          ],
        },
      ],
      output: null,
    },
    // The object form, an aliased import and a multi-column key (no "make nullable" for one of several columns).
    {
      code: `import { foreignKey as fk, pgTable as table, uuid } from 'drizzle-orm/pg-core';
export const posts = table('posts', {
  orgId: uuid('org_id').notNull(),
  authorId: uuid('author_id'),
}, (t) => ({ author: fk({ columns: [t.orgId, t.authorId], foreignColumns: [users.orgId, users.id] }).onDelete('set null') }));`,
      errors: [
        {
          messageId: 'setNullOnRequired',
          data: data('org_id', '`.notNull()`'),
          line: 5, column: 111,
          suggestions: [
            useAction('restrict', `import { foreignKey as fk, pgTable as table, uuid } from 'drizzle-orm/pg-core';
export const posts = table('posts', {
  orgId: uuid('org_id').notNull(),
  authorId: uuid('author_id'),
}, (t) => ({ author: fk({ columns: [t.orgId, t.authorId], foreignColumns: [users.orgId, users.id] }).onDelete('restrict') }));`),
            useAction('cascade', `import { foreignKey as fk, pgTable as table, uuid } from 'drizzle-orm/pg-core';
export const posts = table('posts', {
  orgId: uuid('org_id').notNull(),
  authorId: uuid('author_id'),
}, (t) => ({ author: fk({ columns: [t.orgId, t.authorId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade') }));`),
          ],
        },
      ],
      output: null,
    },
    // Namespace import, pgSchema table, name-less column under snake_case (the DB name comes from the key).
    {
      code: `import * as p from 'drizzle-orm/pg-core';
const career = p.pgSchema('career');
export const jobs = career.table('jobs', {
  companyId: p.uuid().notNull().references(() => companies.id, { onDelete: 'set null' }),
});`,
      settings: settingsFor({ casing: 'snake_case' }),
      errors: [
        {
          messageId: 'setNullOnRequired',
          data: { ...data('company_id', '`.notNull()`'), table: 'career.jobs' },
          line: 4, column: 76,
          suggestions: [
            {
              messageId: 'makeNullable',
              data: { ...data('company_id', '`.notNull()`'), table: 'career.jobs' },
              output: `import * as p from 'drizzle-orm/pg-core';
const career = p.pgSchema('career');
export const jobs = career.table('jobs', {
  companyId: p.uuid().references(() => companies.id, { onDelete: 'set null' }),
});`,
            },
            useAction('restrict', `import * as p from 'drizzle-orm/pg-core';
const career = p.pgSchema('career');
export const jobs = career.table('jobs', {
  companyId: p.uuid().notNull().references(() => companies.id, { onDelete: 'restrict' }),
});`),
            useAction('cascade', `import * as p from 'drizzle-orm/pg-core';
const career = p.pgSchema('career');
export const jobs = career.table('jobs', {
  companyId: p.uuid().notNull().references(() => companies.id, { onDelete: 'cascade' }),
});`),
          ],
        },
      ],
      output: null,
    },
    // preserve: the DB name is the key as written.
    {
      code: posts("author_id: uuid().notNull().references(() => users.id, { onDelete: 'set null' }),"),
      settings: settingsFor({ casing: 'preserve' }),
      errors: [
        {
          messageId: 'setNullOnRequired',
          data: data('author_id', '`.notNull()`'),
          line: 3, column: 70,
          suggestions: [
            { messageId: 'makeNullable', data: data('author_id', '`.notNull()`'), output: posts("author_id: uuid().references(() => users.id, { onDelete: 'set null' }),") },
            useAction('restrict', posts("author_id: uuid().notNull().references(() => users.id, { onDelete: 'restrict' }),")),
            useAction('cascade', posts("author_id: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),")),
          ],
        },
      ],
      output: null,
    },
    // camelCase casing: the DB name is the key in camelCase; MySQL and SQLite are checked too.
    {
      code: `import { sqliteTable, integer } from 'drizzle-orm/sqlite-core';
export const posts = sqliteTable('posts', { author_id: integer().notNull().references(() => users.id, { onDelete: 'set null' }) });`,
      settings: settingsFor({ casing: 'camelCase' }),
      errors: [
        {
          messageId: 'setNullOnRequired',
          data: data('authorId', '`.notNull()`'),
          line: 2, column: 115,
          suggestions: [
            { messageId: 'makeNullable', data: data('authorId', '`.notNull()`'), output: `import { sqliteTable, integer } from 'drizzle-orm/sqlite-core';
export const posts = sqliteTable('posts', { author_id: integer().references(() => users.id, { onDelete: 'set null' }) });` },
            useAction('restrict', `import { sqliteTable, integer } from 'drizzle-orm/sqlite-core';
export const posts = sqliteTable('posts', { author_id: integer().notNull().references(() => users.id, { onDelete: 'restrict' }) });`),
            useAction('cascade', `import { sqliteTable, integer } from 'drizzle-orm/sqlite-core';
export const posts = sqliteTable('posts', { author_id: integer().notNull().references(() => users.id, { onDelete: 'cascade' }) });`),
          ],
        },
      ],
      output: null,
    },
  ],
});
