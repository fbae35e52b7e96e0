import { randomUUID } from 'node:crypto';

import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { createdAtColumn, requiredTextColumn, requiredUuidColumn, updatedAtColumn } from './shared.schema.js';
import { users } from './users.schema.js';

export const featureFlags = pgTable('feature_flags', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: requiredTextColumn('key').unique(),
  description: text('description'),
  enabled: boolean('enabled').default(false).notNull(),
  rolloutPercentage: integer('rollout_percentage').default(0).notNull(),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});

export const rateLimits = pgTable(
  'rate_limits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    bucket: requiredTextColumn('bucket'),
    windowStart: timestamp('window_start', { precision: 3, mode: 'string' }).notNull(),
    requestCount: integer('request_count').default(0).notNull(),
  },
  (t) => ({
    userBucketWindow: uniqueIndex('rate_limits_user_id_bucket_window_idx').on(t.userId, t.bucket, t.windowStart),
  }),
);

export const usageLogs = pgTable(
  'usage_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    requestId: requiredUuidColumn('request_id').$defaultFn(() => randomUUID()),
    feature: requiredTextColumn('feature'),
    units: integer('units').default(1).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index('usage_logs_user_id_created_at_idx').on(t.userId, t.createdAt)],
);

/** Password reset tokens; only the hash is stored. */
export const resetTokens = pgTable(
  'reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: requiredTextColumn('token_hash').unique(),
    expiresAt: timestamp('expires_at', { precision: 3, mode: 'string' }).notNull(),
    usedAt: timestamp('used_at', { precision: 3, mode: 'string' }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('reset_tokens_user_id_idx').on(t.userId)],
);
