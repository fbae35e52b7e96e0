import { index, integer, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { createdAtColumn, requiredTextColumn, requiredUuidColumn } from './shared.schema.js';
import { users } from './users.schema.js';

export const callDirection = pgEnum('call_direction', ['inbound', 'outbound']);

/** Phone calls placed or received through the voice provider. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    direction: callDirection('direction').notNull(),
    phoneNumber: requiredTextColumn('phone_number'),
    providerCallId: text('provider_call_id').unique(),
    startedAt: timestamp('started_at', { precision: 3, mode: 'string' }),
    endedAt: timestamp('ended_at', { precision: 3, mode: 'string' }),
    durationSeconds: integer('duration_seconds'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('calls_user_id_created_at_idx').on(t.userId, t.createdAt)],
);

/** One transcript per call, produced after the recording is processed. */
export const transcripts = pgTable(
  'transcripts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: requiredUuidColumn('call_id').references(() => calls.id, { onDelete: 'cascade' }),
    language: requiredTextColumn('language').default('en'),
    fullText: text('full_text'),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('transcripts_call_id_idx').on(t.callId)],
);

export const transcriptSegments = pgTable(
  'transcript_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transcriptId: requiredUuidColumn('transcript_id').references(() => transcripts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    speaker: requiredTextColumn('speaker'),
    content: requiredTextColumn('content'),
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms').notNull(),
    confidence: real('confidence'),
  },
  (t) => [uniqueIndex('transcript_segments_transcript_id_position_idx').on(t.transcriptId, t.position)],
);

export type Call = typeof calls.$inferSelect;
export type Transcript = typeof transcripts.$inferSelect;
