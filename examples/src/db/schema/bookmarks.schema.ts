import { index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';

import { createdAtColumn, requiredTextColumn, updatedAtColumn } from './shared.schema.js';
import { users } from './users.schema.js';

export const bookmarks = pgTable(
  'bookmarks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('userId')
      .references(() => users.id, { onDelete: 'cascade' })
      .notNull(),
    url: requiredTextColumn('url'),
    title: text('title'),
    description: text('description'),
    siteName: text('site_name'),
    imageUrl: text('image_url'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    unique('bookmarks_user_id_url_key').on(t.userId, t.url),
    index('bookmarks_created_at_idx').on(t.createdAt),
  ],
);

export type Bookmark = typeof bookmarks.$inferSelect;
