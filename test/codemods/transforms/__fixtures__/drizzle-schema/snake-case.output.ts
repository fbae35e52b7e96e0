import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

// Under `casing: 'snake_case'` the name-less `isAdmin` is the column is_admin, `displayName` is display_name.
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    isAdmin: boolean('admin').notNull(),
    displayName: text('full_name'),
    createdAt: text(),
  },
  (t) => [index('users_admin_idx').on(t.isAdmin)],
);
