import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { calls } from './calls.schema.js';
import { createdAtColumn, optionalUuidColumn, requiredTextColumn, requiredUuidColumn } from './shared.schema.js';
import { users } from './users.schema.js';

export const aiJobStatus = pgEnum('ai_job_status', ['queued', 'running', 'succeeded', 'failed']);

/** Background jobs for the assistant: summaries, call follow-ups, drafting. */
export const aiJobs = pgTable(
  'ai_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    callId: optionalUuidColumn('call_id').references(() => calls.id, { onDelete: 'set null' }),
    kind: requiredTextColumn('kind'),
    status: aiJobStatus('status').default('queued').notNull(),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    output: jsonb('output').$type<Record<string, unknown>>(),
    error: text('error'),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { precision: 3, mode: 'string' }).defaultNow().notNull(),
    completedAt: timestamp('completed_at', { precision: 3, mode: 'string' }),
  },
  (t) => [
    index('ai_jobs_user_id_status_idx').on(t.userId, t.status),
    index('ai_jobs_call_id_idx').on(t.callId),
    index('ai_jobs_queued_idx').on(t.createdAt).where(sql`status = 'queued'`),
  ],
);

export type AiJob = typeof aiJobs.$inferSelect;
