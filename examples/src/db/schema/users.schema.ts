import { boolean, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { createdAtColumn, requiredTextColumn, updatedAtColumn } from './shared.schema.js';

/**
 * Application users. Rows are created by the auth webhook, which passes the
 * id it got from Supabase Auth, so the primary key has no database default.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: requiredTextColumn('email'),
    name: text('name'),
    avatarUrl: text('avatar_url'),
    supabaseId: text('supabaseId').unique(),
    isAdmin: boolean('isAdmin').default(false).notNull(),
    emailVerified: boolean('emailVerified').default(false),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
