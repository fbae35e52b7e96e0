import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { requiredTextColumn, requiredUuidColumn, updatedAtColumn } from './shared.schema.js';
import { users } from './users.schema.js';

export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    content: requiredTextColumn('content').default(''),
    tags: jsonb('tags').$type<string[]>().default([]).notNull(),
    createdAt: timestamp('created_at', { precision: 3, mode: 'string' }).defaultNow().notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index('notes_user_id_idx').on(t.userId)],
);

export type Note = typeof notes.$inferSelect;
export type NoteInsert = typeof notes.$inferInsert;
