import { index, pgTable, uuid } from 'drizzle-orm/pg-core';

import { createdAtColumn, referenceColumn, requiredUuidColumn as ownerColumn } from './shared-helpers.js';

export const bookmarks = pgTable(
  'bookmarks',
  {
    id: uuid('id').primaryKey(),
    // The name is the helper's (first) name parameter.
    userId: ownerColumn('owner_id'),
    // The name is the SECOND parameter: 'users' is a table, not this column's name.
    authorId: referenceColumn('users', 'writer_id'),
    // The name is fixed inside the helper: for review.
    createdAt: createdAtColumn(),
  },
  (t) => [index('bookmarks_owner_id_idx').on(t.userId)],
);
