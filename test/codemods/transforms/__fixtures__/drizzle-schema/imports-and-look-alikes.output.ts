import * as pg from 'drizzle-orm/pg-core';
import { pgSchema, pgTable as table, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { t } from './i18n.js';

const career = pgSchema('career');

export const jobs = career.table('job_postings', { id: uuid('id').primaryKey() });

/** A public table that shares the name of the career one: not renamed (the plan names career.jobs). */
export const publicJobs = table('jobs', { id: uuid('id').primaryKey() });

export const calls = pg.pgTable(
  'comms_calls',
  { id: pg.uuid('id'), otherId: pg.uuid('other_id') },
  (x) => [primaryKey({ name: 'comms_calls_pkey', columns: [x.id, x.otherId] }), pg.index('comms_calls_other_id_idx').on(x.otherId)],
);

export const mysqlMessages = mysqlTable('comms_messages', { id: varchar('id', { length: 36 }) });

function pgTable(name: string, columns: Record<string, unknown>) {
  return { name, columns };
}
export const notDrizzle = pgTable('messages', { user_id: 'user_id' });
export const label = t('messages');
