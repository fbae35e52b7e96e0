import { pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const commsMessages = pgTable('messages', { id: uuid('id').primaryKey(), body: text('body') });
