import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

import { requiredTextColumn, requiredUuidColumn } from './shared.schema.js';
import { users } from './users.schema.js';

/** Workouts and other activity entries, imported from wearables. */
export const health = pgTable(
  'health',
  {
    id: serial('id').primaryKey(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    date: timestamp('date').notNull(),
    activityType: requiredTextColumn('activity_type'),
    duration: integer('duration'),
    caloriesBurned: integer('calories_burned'),
    notes: text('notes'),
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (t) => [index('health_user_id_date_idx').on(t.userId, t.date)],
);

export type HealthEntry = typeof health.$inferSelect;
