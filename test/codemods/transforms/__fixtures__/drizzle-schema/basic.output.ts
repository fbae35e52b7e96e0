import { relations } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { users } from './users.schema.js';

// messages: outbound and inbound SMS shown in the inbox (this comment stays)
export const messages = pgTable(
  'comms_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('author_id').references(() => users.id, { onDelete: 'cascade' }),
    callId: uuid("call_id").references(() => calls.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { precision: 3 }).notNull(),
  },
  (t) => [
    index('comms_messages_author_id_created_at_idx').on(t.userId, t.createdAt),
    index('comms_messages_call_id_idx').on(t.callId),
    index('user_comms_messages_idx').on(t.body),
  ],
);

export const calls = pgTable("comms_calls", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
});

export const scheduledMessages = pgTable(
  'scheduled_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    messageId: uuid('message_id').references(() => messages.id).unique('scheduled_messages_message_id_key'),
  },
  (t) => [index('scheduled_messages_user_id_idx').on(t.userId)],
);

export const messagesRelations = relations(messages, ({ one }) => ({
  call: one(calls, { fields: [messages.callId], references: [calls.id] }),
}));

export const INBOX_TITLE = 'messages';
