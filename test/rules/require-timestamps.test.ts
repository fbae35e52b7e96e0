import path from 'node:path';
import rule from '../../rules/require-timestamps.js';
import { ruleTester, settingsFor } from './rule-tester.js';

const HELPERS_DIR = path.join(process.cwd(), 'test/fixtures/helpers/require-timestamps');
// RuleTester lints with cwd '/', so the helper module is given absolute.
const helperSettings = settingsFor({ helperModules: [path.join(HELPERS_DIR, 'shared.schema.ts')] });
const helperFile = path.join(HELPERS_DIR, 'posts.schema.ts');
const ALL = settingsFor({ autofix: 'all' });

const INLINE_CREATED = "timestamp('created_at', { precision: 3, mode: 'string' }).defaultNow().notNull()";
const INLINE_UPDATED = "timestamp('updated_at', { precision: 3, mode: 'string' }).defaultNow().notNull()";

const data = (table: string, missing: string, columns: string) => ({ table, missing, columns });
const both = (table = 'posts', created = "`createdAt: timestamp('created_at', …)`", updated = "`updatedAt: timestamp('updated_at', …)`") =>
  data(table, 'created_at or updated_at', `${created} and ${updated}`);

/** One error at `line`:`column` whose single suggestion produces `output`. */
const suggested = (d: ReturnType<typeof data>, line: number, column: number, output: string) => ({
  messageId: 'missingTimestamps' as const,
  data: d,
  line,
  column,
  suggestions: [{ messageId: 'addTimestamps' as const, data: d, output }],
});

ruleTester.run('require-timestamps', rule, {
  valid: [
    `import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { id: uuid('id'), createdAt: timestamp('created_at'), updatedAt: timestamp('updated_at') });`,
    // Helper columns count by the name their body gives.
    {
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn } from './shared.schema';
export const posts = pgTable('posts', { id: uuid('id'), createdAt: createdAtColumn(), updatedAt: updatedAtColumn() });`,
      filename: helperFile,
      settings: helperSettings,
    },
    // Name-less columns: the casing in force gives `created_at`.
    {
      code: `import { pgTable, timestamp } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { createdAt: timestamp(), updatedAt: timestamp() });`,
      settings: settingsFor({ casing: 'snake_case' }),
    },
    // Name-less under preserve: the key is the name; both extra-config forms leave the columns alone.
    `import { index, pgTable, timestamp } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { created_at: timestamp(), updated_at: timestamp() }, (t) => [index('posts_created_at_idx').on(t.created_at)]);`,
    `import { index, pgTable, timestamp } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { created_at: timestamp(), updated_at: timestamp() }, (t) => ({ byCreated: index('posts_created_at_idx').on(t.created_at) }));`,
    // A spread may hold them: an unresolved one is not judged, a resolved one counts with its columns.
    `import { pgTable, uuid } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { id: uuid('id'), ...timestamps });`,
    `import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
const timestamps = { createdAt: timestamp('created_at'), updatedAt: timestamp('updated_at') };
export const posts = pgTable('posts', { id: uuid('id'), ...timestamps });`,
    // Other names through options; ignored tables.
    {
      code: `import { pgTable, timestamp } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { insertedAt: timestamp('inserted_at'), modifiedAt: timestamp('modified_at') });`,
      options: [{ createdAt: { names: ['created_at', 'inserted_at'] }, updatedAt: { names: ['modified_at'] } }],
    },
    {
      code: `import { pgSchema, uuid } from 'drizzle-orm/pg-core';
export const postTags = pgSchema('blog').table('post_tags', { postId: uuid('post_id') });`,
      options: [{ ignoreTables: ['blog.post_tags'] }],
    },
    // Not Drizzle: a look-alike pgTable.
    `import { uuid } from 'drizzle-orm/pg-core';
function pgTable(name: string, columns: object) { return { name, columns }; }
export const posts = pgTable('posts', { id: uuid('id') });`,
  ],
  invalid: [
    // No helper module: the standard inline columns, and `timestamp` merged into the import.
    {
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { id: uuid('id') });`,
      errors: [suggested(both(), 2, 30, `import { pgTable, uuid, timestamp } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { id: uuid('id'), createdAt: ${INLINE_CREATED}, updatedAt: ${INLINE_UPDATED} });`)],
      output: null,
    },
    // The helpers of the helper module, imported; one column per line keeps its layout. autofix 'all' applies it.
    {
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn } from './shared.schema';
export const posts = pgTable('posts', {
  id: uuid('id'),
  createdAt: createdAtColumn(),
});`,
      filename: helperFile,
      settings: { 'drizzle-schema': { ...helperSettings['drizzle-schema'], autofix: 'all' } },
      errors: [{ messageId: 'missingTimestamps', data: data('posts', 'updated_at', '`updatedAt: updatedAtColumn()`'), line: 3, column: 30 }],
      output: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn } from './shared.schema';
export const posts = pgTable('posts', {
  id: uuid('id'),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});`,
    },
    // No import of the module yet: a new import declaration; the `helper` option picks another helper.
    {
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { id: uuid('id') });`,
      filename: helperFile,
      settings: helperSettings,
      options: [{ updatedAt: { names: ['modified_at'], helper: 'modifiedAtColumn' } }],
      errors: [
        suggested(data('posts', 'created_at or modified_at', '`createdAt: createdAtColumn()` and `modifiedAt: modifiedAtColumn()`'), 2, 30, `import { pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn } from './shared.schema';
import { modifiedAtColumn } from './shared.schema';
export const posts = pgTable('posts', { id: uuid('id'), createdAt: createdAtColumn(), modifiedAt: modifiedAtColumn() });`),
      ],
      output: null,
    },
    // pgSchema table, namespace import: `p.timestamp`.
    {
      code: `import * as p from 'drizzle-orm/pg-core';
export const jobs = p.pgSchema('career').table('jobs', { id: p.uuid('id'), updatedAt: p.timestamp('updated_at') });`,
      errors: [
        suggested(data('career.jobs', 'created_at', "`createdAt: timestamp('created_at', …)`"), 2, 48, `import * as p from 'drizzle-orm/pg-core';
export const jobs = p.pgSchema('career').table('jobs', { id: p.uuid('id'), updatedAt: p.timestamp('updated_at'), createdAt: ${INLINE_CREATED.replace('timestamp', 'p.timestamp')} });`),
      ],
      output: null,
    },
    // The columns callback form, an aliased import; camelCase casing makes `createdAt` the DB name, not `created_at`.
    // The keys `createdAt` / `updatedAt` are taken, so there is no suggestion.
    {
      code: `import { pgTable as table, timestamp as ts } from 'drizzle-orm/pg-core';
export const posts = table('posts', (t) => ({ createdAt: ts(), updatedAt: ts() }));`,
      settings: settingsFor({ casing: 'camelCase' }),
      errors: [{ messageId: 'missingTimestamps', data: both(), line: 2, column: 28, suggestions: [] }],
      output: null,
    },
    // The object form of the third argument: the columns object still gets the new columns.
    {
      code: `import { index, pgTable, timestamp } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { createdAt: timestamp('created_at') }, (t) => ({ byCreated: index('posts_created_at_idx').on(t.createdAt) }));`,
      errors: [
        suggested(data('posts', 'updated_at', "`updatedAt: timestamp('updated_at', …)`"), 2, 30, `import { index, pgTable, timestamp } from 'drizzle-orm/pg-core';
export const posts = pgTable('posts', { createdAt: timestamp('created_at'), updatedAt: ${INLINE_UPDATED} }, (t) => ({ byCreated: index('posts_created_at_idx').on(t.createdAt) }));`),
      ],
      output: null,
    },
    // MySQL: fsp instead of precision. SQLite without a helper: reported, nothing to suggest.
    {
      code: `import { mysqlTable, int } from 'drizzle-orm/mysql-core';
export const posts = mysqlTable('posts', { id: int('id') });`,
      errors: [suggested(both(), 2, 33, `import { mysqlTable, int, timestamp } from 'drizzle-orm/mysql-core';
export const posts = mysqlTable('posts', { id: int('id'), createdAt: timestamp('created_at', { fsp: 3, mode: 'string' }).defaultNow().notNull(), updatedAt: timestamp('updated_at', { fsp: 3, mode: 'string' }).defaultNow().notNull() });`)],
      output: null,
    },
    {
      code: `import { sqliteTable, integer } from 'drizzle-orm/sqlite-core';
export const posts = sqliteTable('posts', { id: integer('id') });`,
      settings: ALL,
      errors: [{ messageId: 'missingTimestamps', data: both(), line: 2, column: 34 }],
      output: null,
    },
  ],
});
