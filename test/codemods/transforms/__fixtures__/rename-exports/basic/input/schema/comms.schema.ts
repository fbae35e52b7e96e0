import { relations } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { users } from './users.schema.js';

export const messages = pgTable('messages', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').references(() => users.id),
  body: text('body'),
});

export const calls = pgTable('calls', { id: uuid('id').primaryKey() });

export const messagesRelations = relations(messages, ({ one }) => ({
  user: one(users, { fields: [messages.userId], references: [users.id] }),
}));

export type Message = typeof messages.$inferSelect;
