import path from 'node:path';
import rule, { type MessageIds } from '../../rules/timestamp-precision.js';
import { ruleTester, settingsFor } from './rule-tester.js';

const HELPERS_DIR = path.join(process.cwd(), 'test/fixtures/helpers/timestamp-precision');
const helperFile = path.join(HELPERS_DIR, 'schema.ts');
const HELPER_MODULE = path.join(HELPERS_DIR, 'shared.schema.ts');
// RuleTester lints with cwd '/', so the helper module is given absolute; messages show it relative to that cwd.
const helperSettings = settingsFor({ helperModules: [HELPER_MODULE] });
const helperLabel = path.relative('/', HELPER_MODULE);
const ALL = settingsFor({ autofix: 'all' });

/** A Postgres schema file with one `events` table; the columns start on line 3, indented by 2. */
const pg = (columns: string, extra = '') =>
  `import { pgTable, timestamp } from 'drizzle-orm/pg-core';\nexport const events = pgTable('events', {\n${columns}\n}${extra});\n`;
const mysql = (columns: string) =>
  `import { mysqlTable, datetime, timestamp } from 'drizzle-orm/mysql-core';\nexport const events = mysqlTable('events', {\n${columns}\n});\n`;

/** One error with one suggestion (the default `autofix: 'safe'`). */
const suggested = (messageId: MessageIds, data: Record<string, unknown>, loc: { line: number; column: number }, suggestion: MessageIds, output: string) => ({
  messageId,
  data,
  ...loc,
  suggestions: [{ messageId: suggestion, data, output }],
});

const precisionData = (column: string, actual: number, key = 'precision', table = 'events') => ({ table, column, key, expected: 3, actual });

ruleTester.run('timestamp-precision', rule, {
  valid: [
    pg(`  createdAt: timestamp('created_at', { precision: 3 }),`),
    pg(`  createdAt: timestamp('created_at', { precision: 3, mode: 'string', withTimezone: true }).defaultNow().notNull(),`),
    pg(`  startsAt: timestamp({ precision: 3 }),`, `, (t) => [index('events_starts_at_idx').on(t.startsAt)]`),
    pg(`  startsAt: timestamp({ precision: 3 as const }),`, `, (t) => ({ byStart: index('events_starts_at_idx').on(t.startsAt) })`),
    // Not Drizzle: a local look-alike pgTable.
    `import { timestamp } from 'drizzle-orm/pg-core';
function pgTable(name: string, columns: object) { return { name, columns }; }
export const events = pgTable('events', { createdAt: timestamp('created_at') });`,
    // SQLite has no timestamp precision: integer/text timestamps are not checked.
    `import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
export const events = sqliteTable('events', { createdAt: integer('created_at', { mode: 'timestamp_ms' }), at: text('at') });`,
    mysql(`  createdAt: datetime('created_at', { fsp: 3 }),\n  updatedAt: timestamp('updated_at', { fsp: 3, mode: 'string' }),`),
    // Other Postgres date/time builders are not timestamps.
    `import { pgTable, date, time } from 'drizzle-orm/pg-core';
export const events = pgTable('events', { day: date('day'), at: time('at') });`,
    // A precision that is not a literal is not judged.
    pg(`  createdAt: timestamp('created_at', { precision: PRECISION }),`),
    // Spread helper objects are opaque.
    pg(`  ...timestamps,`),
    { code: pg(`  createdAt: timestamp('created_at', { precision: 6 }),`), options: [{ precision: 6 }] },
    { code: pg(`  createdAt: timestamp('created_at', { precision: 3, mode: 'string' }),`), options: [{ mode: 'string' }] },
    { code: pg(`  createdAt: timestamp('created_at', { precision: 3 }),`), options: [{ mode: 'date' }] },
    { code: pg(`  createdAt: timestamp('created_at', { precision: 3, withTimezone: true }),`), options: [{ withTimezone: 'always' }] },
    { code: pg(`  createdAt: timestamp('created_at', { precision: 3, withTimezone: false }),`), options: [{ withTimezone: 'never' }] },
    // MySQL has no withTimezone: the policy does not apply.
    { code: mysql(`  createdAt: datetime('created_at', { fsp: 3 }),`), options: [{ withTimezone: 'always' }] },
    // A helper whose body has precision 3, from a helper module and from this file.
    {
      code: `import { pgTable } from 'drizzle-orm/pg-core';
import { createdAtColumn } from './shared.schema';
export const events = pgTable('events', { createdAt: createdAtColumn() });`,
      filename: helperFile,
      settings: helperSettings,
    },
    `import { pgTable, timestamp } from 'drizzle-orm/pg-core';
const at = (name: string) => timestamp(name, { precision: 3 });
export const events = pgTable('events', { startsAt: at('starts_at') });`,
  ],
  invalid: [
    {
      code: pg(`  createdAt: timestamp('created_at'),`),
      errors: [
        {
          ...suggested('missingPrecision', precisionData('created_at', 6), { line: 3, column: 14 }, 'setPrecision',
            pg(`  createdAt: timestamp('created_at', { precision: 3 }),`)),
          endLine: 3,
          endColumn: 37,
        },
      ],
      output: null,
    },
    {
      code: pg(`  createdAt: timestamp('created_at'),`),
      settings: ALL,
      errors: [{ messageId: 'missingPrecision', data: precisionData('created_at', 6), line: 3, column: 14 }],
      output: pg(`  createdAt: timestamp('created_at', { precision: 3 }),`),
    },
    {
      code: pg(`  createdAt: timestamp('created_at', { mode: 'string' }),`),
      errors: [suggested('missingPrecision', precisionData('created_at', 6), { line: 3, column: 14 }, 'setPrecision',
        pg(`  createdAt: timestamp('created_at', { mode: 'string', precision: 3 }),`))],
      output: null,
    },
    {
      code: pg(`  createdAt: timestamp('created_at', { precision: 6, mode: 'string' }),`),
      errors: [{
        ...suggested('wrongPrecision', precisionData('created_at', 6), { line: 3, column: 51 }, 'setPrecision',
          pg(`  createdAt: timestamp('created_at', { precision: 3, mode: 'string' }),`)),
        endLine: 3,
        endColumn: 52,
      }],
      output: null,
    },
    // Name-less columns under each casing: the DB name in the message follows the casing.
    ...(['snake_case', 'camelCase', 'preserve'] as const).map((casing) => ({
      code: pg(`  createdAt: timestamp(),`),
      settings: settingsFor({ casing, autofix: 'all' }),
      errors: [{ messageId: 'missingPrecision' as const, data: precisionData(casing === 'snake_case' ? 'created_at' : 'createdAt', 6), line: 3, column: 14 }],
      output: pg(`  createdAt: timestamp({ precision: 3 }),`),
    })),
    {
      code: `import { snakeCase, timestamp } from 'drizzle-orm/pg-core';
export const events = snakeCase.table('events', { createdAt: timestamp({ mode: 'date' }) });`,
      errors: [suggested('missingPrecision', precisionData('created_at', 6), { line: 2, column: 62 }, 'setPrecision',
        `import { snakeCase, timestamp } from 'drizzle-orm/pg-core';
export const events = snakeCase.table('events', { createdAt: timestamp({ mode: 'date', precision: 3 }) });`)],
      output: null,
    },
    {
      code: `import { pgTable as table, timestamp as ts } from 'drizzle-orm/pg-core';
export const events = table('events', { at: ts('at', { precision: 0 }) }, (t) => [index('events_at_idx').on(t.at)]);`,
      errors: [suggested('wrongPrecision', precisionData('at', 0), { line: 2, column: 67 }, 'setPrecision',
        `import { pgTable as table, timestamp as ts } from 'drizzle-orm/pg-core';
export const events = table('events', { at: ts('at', { precision: 3 }) }, (t) => [index('events_at_idx').on(t.at)]);`)],
      output: null,
    },
    {
      code: `import * as pg from 'drizzle-orm/pg-core';
export const events = pg.pgTable('events', { at: pg.timestamp('at') }, (t) => ({ byAt: pg.index('events_at_idx').on(t.at) }));`,
      settings: ALL,
      errors: [{ messageId: 'missingPrecision', data: precisionData('at', 6), line: 2, column: 50 }],
      output: `import * as pg from 'drizzle-orm/pg-core';
export const events = pg.pgTable('events', { at: pg.timestamp('at', { precision: 3 }) }, (t) => ({ byAt: pg.index('events_at_idx').on(t.at) }));`,
    },
    {
      code: `import { pgSchema } from 'drizzle-orm/pg-core';
export const jobs = pgSchema('career').table('jobs', (t) => ({ postedAt: t.timestamp('posted_at', { mode: 'string' }) }));`,
      settings: ALL,
      errors: [{ messageId: 'missingPrecision', data: precisionData('posted_at', 6, 'precision', 'career.jobs'), line: 2, column: 74 }],
      output: `import { pgSchema } from 'drizzle-orm/pg-core';
export const jobs = pgSchema('career').table('jobs', (t) => ({ postedAt: t.timestamp('posted_at', { mode: 'string', precision: 3 }) }));`,
    },
    // A multi-line config keeps its layout and trailing comma.
    {
      code: pg(`  createdAt: timestamp('created_at', {\n    mode: 'string',\n    withTimezone: true,\n  }),`),
      settings: ALL,
      errors: [{ messageId: 'missingPrecision', data: precisionData('created_at', 6), line: 3, column: 14 }],
      output: pg(`  createdAt: timestamp('created_at', {\n    mode: 'string',\n    withTimezone: true,\n    precision: 3,\n  }),`),
    },
    // A config that is not an object literal: reported, not fixed.
    {
      code: pg(`  createdAt: timestamp('created_at', options),`),
      settings: ALL,
      errors: [{ messageId: 'missingPrecision', data: precisionData('created_at', 6), line: 3, column: 14 }],
      output: null,
    },
    // MySQL uses fsp; its default is 0.
    {
      code: mysql(`  createdAt: datetime('created_at'),\n  updatedAt: timestamp('updated_at', { fsp: 6 }),`),
      settings: ALL,
      errors: [
        { messageId: 'missingPrecision', data: precisionData('created_at', 0, 'fsp'), line: 3, column: 14 },
        { messageId: 'wrongPrecision', data: precisionData('updated_at', 6, 'fsp'), line: 4, column: 45 },
      ],
      output: mysql(`  createdAt: datetime('created_at', { fsp: 3 }),\n  updatedAt: timestamp('updated_at', { fsp: 3 }),`),
    },
    // Helpers: reported at the call, fixed in the helper.
    {
      code: `import { pgTable } from 'drizzle-orm/pg-core';
import { legacyTimestamp, microsTimestamp } from './shared.schema';
export const events = pgTable('events', { startsAt: legacyTimestamp('starts_at').defaultNow(), endsAt: microsTimestamp('ends_at') });`,
      filename: helperFile,
      settings: { 'drizzle-schema': { ...helperSettings['drizzle-schema'], autofix: 'all' } },
      errors: [
        {
          messageId: 'fixHelper',
          data: { table: 'events', column: 'starts_at', helper: 'legacyTimestamp', module: helperLabel, problem: 'has no `precision` (expected 3)' },
          line: 3, column: 53, endLine: 3, endColumn: 81,
        },
        {
          messageId: 'fixHelper',
          data: { table: 'events', column: 'ends_at', helper: 'microsTimestamp', module: helperLabel, problem: 'has `precision: 6` (expected 3)' },
          line: 3, column: 104,
        },
      ],
      output: null,
    },
    {
      code: `import { pgTable, timestamp } from 'drizzle-orm/pg-core';
function stamp(name = 'created_at') { return timestamp(name, { mode: 'string' }); }
export const events = pgTable('events', { createdAt: stamp() });`,
      options: [{ mode: 'date' }],
      errors: [
        { messageId: 'fixHelper', data: { table: 'events', column: 'created_at', helper: 'stamp', module: 'this file', problem: 'has no `precision` (expected 3)' }, line: 3, column: 54 },
        { messageId: 'fixHelper', data: { table: 'events', column: 'created_at', helper: 'stamp', module: 'this file', problem: "maps to mode 'string' (expected 'date')" }, line: 3, column: 54 },
      ],
      output: null,
    },
    // mode: a TypeScript-type change, so always a suggestion, even with autofix 'all'.
    {
      code: pg(`  createdAt: timestamp('created_at', { precision: 3 }),`),
      options: [{ mode: 'string' }],
      settings: ALL,
      errors: [suggested('wrongMode', { table: 'events', column: 'created_at', expected: 'string', actual: 'date' }, { line: 3, column: 14 }, 'setMode',
        pg(`  createdAt: timestamp('created_at', { precision: 3, mode: 'string' }),`))],
      output: null,
    },
    {
      code: pg(`  createdAt: timestamp("created_at", { mode: "date", precision: 3 }),`),
      options: [{ mode: 'string' }],
      errors: [suggested('wrongMode', { table: 'events', column: 'created_at', expected: 'string', actual: 'date' }, { line: 3, column: 46 }, 'setMode',
        pg(`  createdAt: timestamp("created_at", { mode: "string", precision: 3 }),`))],
      output: null,
    },
    // withTimezone policies.
    {
      code: pg(`  createdAt: timestamp('created_at', { precision: 3, withTimezone: false }),`),
      options: [{ withTimezone: 'always' }],
      errors: [suggested('missingTimezone', { table: 'events', column: 'created_at' }, { line: 3, column: 68 }, 'setTimezone',
        pg(`  createdAt: timestamp('created_at', { precision: 3, withTimezone: true }),`))],
      output: null,
    },
    {
      code: pg(`  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }),`),
      options: [{ withTimezone: 'never' }],
      settings: ALL,
      errors: [{ messageId: 'unexpectedTimezone', data: { table: 'events', column: 'created_at' }, line: 3, column: 40, endColumn: 58 }],
      output: pg(`  createdAt: timestamp('created_at', { precision: 3 }),`),
    },
    // Two problems on one config: the fixes touch the same object, so ESLint applies them in successive passes.
    {
      code: pg(`  createdAt: timestamp('created_at', { withTimezone: true }),`),
      options: [{ withTimezone: 'never' }],
      settings: ALL,
      errors: [
        { messageId: 'missingPrecision', data: precisionData('created_at', 6), line: 3, column: 14 },
        { messageId: 'unexpectedTimezone', data: { table: 'events', column: 'created_at' }, line: 3, column: 40 },
      ],
      output: [
        // The removal starts first in the file, so it is applied in the first pass.
        pg(`  createdAt: timestamp('created_at'),`),
        pg(`  createdAt: timestamp('created_at', { precision: 3 }),`),
      ],
    },
  ],
});
