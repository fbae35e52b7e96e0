import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

// Under `casing: 'snake_case'` the name-less `isAdmin` is the column is_admin, `displayName` is display_name.
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    isAdmin: boolean().notNull(),
    displayName: text(),
    createdAt: text(),
  },
  (t) => [index('users_is_admin_idx').on(t.isAdmin)],
);
