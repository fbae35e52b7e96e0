import { relations } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { users } from '../users.schema.js';

export const messages = pgTable('messages', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  body: text('body').notNull(),
});

export const messagesRelations = relations(messages, ({ one }) => ({
  user: one(users, { fields: [messages.userId], references: [users.id] }),
}));
