import { pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const messages = pgTable('messages', { id: uuid('id').primaryKey(), body: text('body') });
