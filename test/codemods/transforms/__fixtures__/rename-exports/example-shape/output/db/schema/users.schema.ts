import { relations } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { commsMessages } from './comms/messages.schema.js';

export const users = pgTable('users', { id: uuid('id').primaryKey(), email: text('email').notNull() });

export const usersRelations = relations(users, ({ many }) => ({ messages: many(commsMessages) }));
