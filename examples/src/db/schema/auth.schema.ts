import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

import { createdAtColumn, requiredTextColumn, requiredUuidColumn } from './shared.schema.js';
import { users } from './users.schema.js';

/** OAuth and e-mail verification tokens issued to a user. */
export const token = pgTable(
  'token',
  {
    id: serial('id').primaryKey().notNull(),
    userId: requiredUuidColumn('userId').references(() => users.id, { onDelete: 'cascade' }),
    emailToken: text('emailToken'),
    accessToken: text('accessToken'),
    refreshToken: text('refresh_token'),
    provider: requiredTextColumn('provider').default('email'),
    expiresAt: timestamp('expires_at', { precision: 3, mode: 'string' }),
    useCount: integer('use_count').default(0).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => ({
    byUser: index('token_user_id_idx').on(t.userId),
  }),
);
