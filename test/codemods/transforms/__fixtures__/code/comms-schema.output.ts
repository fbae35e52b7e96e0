import { relations } from 'drizzle-orm';
import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

import { calls } from './calls.schema.js';
import { createdAtColumn, optionalUuidColumn, requiredTextColumn, requiredUuidColumn } from './shared.schema.js';
import { users } from './users.schema.js';

/** Outbound and inbound SMS / e-mail messages shown in the inbox. */
export const messages = pgTable(
  'comms_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('author_id').references(() => users.id, { onDelete: 'cascade' }),
    callId: optionalUuidColumn('call_id').references(() => calls.id, { onDelete: 'set null' }),
    channel: requiredTextColumn('channel').$type<'sms' | 'email'>().default('sms'),
    body: requiredTextColumn('body'),
    readAt: timestamp('read_at', { precision: 3, mode: 'string' }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('comms_messages_author_id_created_at_idx').on(t.userId, t.createdAt), index('comms_messages_call_id_idx').on(t.callId)],
);

export const scheduledMessages = pgTable(
  'scheduled_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    messageId: optionalUuidColumn('message_id')
      .references(() => messages.id, { onDelete: 'cascade' })
      .unique(),
    sendAt: timestamp('send_at', { precision: 3, mode: 'string' }).notNull(),
    status: requiredTextColumn('status').$type<'pending' | 'sent' | 'cancelled'>().default('pending'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('scheduled_messages_user_id_send_at_idx').on(t.userId, t.sendAt)],
);

export const messagesRelations = relations(messages, ({ one }) => ({
  user: one(users, { fields: [messages.userId], references: [users.id] }),
  call: one(calls, { fields: [messages.callId], references: [calls.id] }),
}));

export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
