import rule from '../../rules/identifier-length.js';
import { ruleTester, settingsFor } from './rule-tester.js';

const ALL = settingsFor({ autofix: 'all' });
/** A 48-character table name: every derived name of its columns runs past 63 bytes. */
const T = 'organization_membership_invitation_audit_entries';
const cut = (name: string, limit = 63) => name.slice(0, limit);

const pgData = (what: string, name: string) => ({
  what,
  name,
  length: Buffer.byteLength(name),
  unit: 'bytes',
  dialect: 'Postgres',
  limit: 63,
  consequence: `Postgres silently cuts it to \`${cut(name)}\`, so the database's name differs from the schema's: drizzle-kit sees a difference on every push and pull, and another name with the same first 63 bytes collides with it.`,
});

/** One error whose single suggestion (`rename` to `short`) produces `output`. */
const suggested = (messageId: 'tooLong' | 'derivedTooLong', data: Record<string, unknown>, loc: object, short: string, output: string) => ({
  messageId,
  data,
  ...loc,
  suggestions: [{ messageId: 'rename' as const, data: { short }, output }],
});

const users = `export const users = pgTable('users', { id: uuid('id').primaryKey().defaultRandom() });`;

ruleTester.run('identifier-length', rule, {
  valid: [
    `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const audit = pgTable('${T}', { id: uuid('id').primaryKey() }, (t) => [index('audit_id_idx').on(t.id)]);`,
    // Exactly 63 bytes; 31 two-byte characters (62 bytes).
    `import { pgTable, text } from 'drizzle-orm/pg-core';
export const t = pgTable('${'a'.repeat(63)}', { name: text('${'é'.repeat(31)}') });`,
    // The column primary key's constraint (`<table>_pkey`) and a serial's sequence are named by Postgres, which shortens them itself.
    `import { pgTable, serial } from 'drizzle-orm/pg-core';
export const t = pgTable('${'a'.repeat(60)}', { id: serial('id').primaryKey() });`,
    // SQLite has no limit.
    `import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
export const t = sqliteTable('${'a'.repeat(100)}', { name: text('${'b'.repeat(100)}') });`,
    // MySQL counts characters: 64 of them are fine.
    `import { mysqlTable, varchar } from 'drizzle-orm/mysql-core';
export const t = mysqlTable('${'é'.repeat(64)}', { name: varchar('name', { length: 10 }) });`,
    // Not Drizzle: a look-alike pgTable.
    `import { text } from 'drizzle-orm/pg-core';
function pgTable(name: string, columns: object) { return { name, columns }; }
export const t = pgTable('${'a'.repeat(80)}', { name: text('name') });`,
    // A foreign key to a table of another file: its derived name is not known here.
    `import { pgTable, uuid } from 'drizzle-orm/pg-core';
export const audit = pgTable('${T}', { invitedByUserId: uuid('invited_by_user_id').references(() => users.id) });`,
  ],
  invalid: [
    // An explicit table name: the suggestion is the name Postgres keeps.
    {
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
export const t = pgTable('${'a'.repeat(70)}', { id: uuid('id') });`,
      errors: [
        suggested('tooLong', pgData(`Table ${'a'.repeat(70)}`, 'a'.repeat(70)), { line: 2, column: 26, endColumn: 98 }, 'a'.repeat(63), `import { pgTable, uuid } from 'drizzle-orm/pg-core';
export const t = pgTable('${'a'.repeat(63)}', { id: uuid('id') });`),
      ],
      output: null,
    },
    // Bytes, not characters: 32 two-byte characters are 64 bytes; Postgres keeps 31 of them.
    {
      code: `import { pgTable, text } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { name: text("${'é'.repeat(32)}") });`,
      errors: [
        suggested('tooLong', { ...pgData(`Column t.${'é'.repeat(32)}`, 'é'.repeat(32)), consequence: `Postgres silently cuts it to \`${'é'.repeat(31)}\`, so the database's name differs from the schema's: drizzle-kit sees a difference on every push and pull, and another name with the same first 63 bytes collides with it.` }, { line: 2, column: 44 }, 'é'.repeat(31), `import { pgTable, text } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { name: text("${'é'.repeat(31)}") });`),
      ],
      output: null,
    },
    // Derived names: an index without a name (`<table>_<cols>_index`), a column `.unique()` (`<table>_<col>_unique`),
    // a composite primary key (`<table>_<cols>_pk`) and a foreignKey() (`<table>_<cols>_<ref table>_<ref cols>_fk`);
    // the array form. With autofix 'all' every name is written in one pass; the primary key's and the foreign key's
    // cut names would be the unique constraint's and the index's, so they are numbered.
    {
      code: `import { foreignKey, index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
${users}
export const audit = pgTable('${T}', {
  orgId: uuid('organization_id').unique(),
  invitedByUserId: uuid('invited_by_user_id'),
}, (t) => [
  index().on(t.invitedByUserId),
  primaryKey({ columns: [t.orgId, t.invitedByUserId] }),
  foreignKey({ columns: [t.invitedByUserId], foreignColumns: [users.id] }),
]);`,
      settings: ALL,
      errors: [
        { messageId: 'derivedTooLong', data: pgData(`Unique constraint of ${T} (organization_id)`, `${T}_organization_id_unique`), line: 4, column: 10 },
        { messageId: 'derivedTooLong', data: pgData(`Index of ${T} (invited_by_user_id)`, `${T}_invited_by_user_id_index`), line: 7, column: 3 },
        { messageId: 'derivedTooLong', data: pgData(`Primary key of ${T} (organization_id, invited_by_user_id)`, `${T}_organization_id_invited_by_user_id_pk`), line: 8, column: 3 },
        { messageId: 'derivedTooLong', data: pgData(`Foreign key ${T}.invited_by_user_id`, `${T}_invited_by_user_id_users_id_fk`), line: 9, column: 3 },
      ],
      output: `import { foreignKey, index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
${users}
export const audit = pgTable('${T}', {
  orgId: uuid('organization_id').unique('${cut(`${T}_organization_id_unique`)}'),
  invitedByUserId: uuid('invited_by_user_id'),
}, (t) => [
  index('${cut(`${T}_invited_by_user_id_index`)}').on(t.invitedByUserId),
  primaryKey({ columns: [t.orgId, t.invitedByUserId], name: '${cut(`${T}_organization_id_invited_by_user_id_pk`, 61)}_2' }),
  foreignKey({ columns: [t.invitedByUserId], foreignColumns: [users.id], name: '${cut(`${T}_invited_by_user_id_users_id_fk`, 61)}_2' }),
]);`,
    },
    // An inline reference cannot take a name: reported without a suggestion. The object form, an aliased import.
    {
      code: `import { pgTable as table, uniqueIndex as uidx, uuid } from 'drizzle-orm/pg-core';
export const users = table('users', { id: uuid('id').primaryKey() });
export const audit = table('${T}', {
  invitedByUserId: uuid('invited_by_user_id').references(() => users.id),
}, (t) => ({ byInviter: uidx('${'x'.repeat(64)}').on(t.invitedByUserId) }));`,
      errors: [
        { messageId: 'derivedTooLong', data: pgData(`Foreign key ${T}.invited_by_user_id`, `${T}_invited_by_user_id_users_id_fk`), line: 4, column: 47, suggestions: [] },
        suggested('tooLong', pgData(`Unique index of ${T} (invited_by_user_id)`, 'x'.repeat(64)), { line: 5, column: 30 }, 'x'.repeat(63), `import { pgTable as table, uniqueIndex as uidx, uuid } from 'drizzle-orm/pg-core';
export const users = table('users', { id: uuid('id').primaryKey() });
export const audit = table('${T}', {
  invitedByUserId: uuid('invited_by_user_id').references(() => users.id),
}, (t) => ({ byInviter: uidx('${'x'.repeat(63)}').on(t.invitedByUserId) }));`),
      ],
      output: null,
    },
    // An identity column's sequence (`<table>_<col>_seq`); namespace import, pgSchema table (the schema is not part of the name).
    {
      code: `import * as p from 'drizzle-orm/pg-core';
export const career = p.pgSchema('career');
export const audit = career.table('${T}', {
  sequenceNumber: p.integer('sequence_number').generatedAlwaysAsIdentity(),
});`,
      errors: [
        suggested('derivedTooLong', pgData(`Identity sequence of career.${T}.sequence_number`, `${T}_sequence_number_seq`), { line: 4, column: 19 }, cut(`${T}_sequence_number_seq`), `import * as p from 'drizzle-orm/pg-core';
export const career = p.pgSchema('career');
export const audit = career.table('${T}', {
  sequenceNumber: p.integer('sequence_number').generatedAlwaysAsIdentity({ name: '${cut(`${T}_sequence_number_seq`)}' }),
});`),
      ],
      output: null,
    },
    // Name-less columns: the key under snake_case gives the name; the suggestion writes a name string.
    {
      code: `import { pgTable, text } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { aVeryLongColumnNameThatKeepsGoingAndGoingPastTheLimitOfPostgres: text() });`,
      settings: settingsFor({ casing: 'snake_case' }),
      errors: [
        suggested('tooLong', pgData(`Column t.a_very_long_column_name_that_keeps_going_and_going_past_the_limit_of_postgres`, `a_very_long_column_name_that_keeps_going_and_going_past_the_limit_of_postgres`), { line: 2, column: 33 }, cut(`a_very_long_column_name_that_keeps_going_and_going_past_the_limit_of_postgres`), `import { pgTable, text } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { aVeryLongColumnNameThatKeepsGoingAndGoingPastTheLimitOfPostgres: text('${cut(`a_very_long_column_name_that_keeps_going_and_going_past_the_limit_of_postgres`)}') });`),
      ],
      output: null,
    },
    // ... and under camelCase / preserve the key itself (with a config argument kept after the new name).
    {
      code: `import { pgTable, varchar } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { ${'a'.repeat(64)}: varchar({ length: 10 }) });`,
      settings: settingsFor({ casing: 'camelCase' }),
      errors: [
        suggested('tooLong', pgData(`Column t.${'a'.repeat(64)}`, 'a'.repeat(64)), { line: 2, column: 33 }, 'a'.repeat(63), `import { pgTable, varchar } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { ${'a'.repeat(64)}: varchar('${'a'.repeat(63)}', { length: 10 }) });`),
      ],
      output: null,
    },
    {
      code: `import { pgTable, varchar } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { ${'a'.repeat(64)}: varchar() });`,
      settings: settingsFor({ casing: 'preserve' }),
      errors: [
        suggested('tooLong', pgData(`Column t.${'a'.repeat(64)}`, 'a'.repeat(64)), { line: 2, column: 33 }, 'a'.repeat(63), `import { pgTable, varchar } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { ${'a'.repeat(64)}: varchar('${'a'.repeat(63)}') });`),
      ],
      output: null,
    },
    // Two names that cut to the same 63 bytes: the second suggestion is numbered.
    {
      code: `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { a: uuid('a'), b: uuid('b') }, (t) => [index('${'i'.repeat(63)}_a').on(t.a), index('${'i'.repeat(63)}_b').on(t.b)]);`,
      errors: [
        suggested('tooLong', pgData('Index of t (a)', `${'i'.repeat(63)}_a`), { line: 2, column: 77 }, 'i'.repeat(63), `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { a: uuid('a'), b: uuid('b') }, (t) => [index('${'i'.repeat(63)}').on(t.a), index('${'i'.repeat(63)}_b').on(t.b)]);`),
        suggested('tooLong', pgData('Index of t (b)', `${'i'.repeat(63)}_b`), { line: 2, column: 161 }, `${'i'.repeat(61)}_2`, `import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
export const t = pgTable('t', { a: uuid('a'), b: uuid('b') }, (t) => [index('${'i'.repeat(63)}_a').on(t.a), index('${'i'.repeat(61)}_2').on(t.b)]);`),
      ],
      output: null,
    },
    // MySQL: 65 characters are refused.
    {
      code: `import { mysqlTable, varchar } from 'drizzle-orm/mysql-core';
export const t = mysqlTable('${'m'.repeat(65)}', { name: varchar('name', { length: 10 }) });`,
      errors: [
        suggested('tooLong', {
          what: `Table ${'m'.repeat(65)}`,
          name: 'm'.repeat(65),
          length: 65,
          unit: 'characters',
          dialect: 'MySQL',
          limit: 64,
          consequence: 'MySQL refuses the statement (ER_TOO_LONG_IDENT), so the migration fails.',
        }, { line: 2, column: 29 }, 'm'.repeat(64), `import { mysqlTable, varchar } from 'drizzle-orm/mysql-core';
export const t = mysqlTable('${'m'.repeat(64)}', { name: varchar('name', { length: 10 }) });`),
      ],
      output: null,
    },
  ],
});
