import { boolean, index, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

import { createdAtColumn, requiredTextColumn, requiredUuidColumn, updatedAtColumn } from './shared.schema.js';
import { users } from './users.schema.js';

/** Where each user is in the onboarding flow (one row per user). */
export const onboardingStatus = pgTable('onboarding_status', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: requiredUuidColumn('user_id')
    .references(() => users.id, { onDelete: 'cascade' })
    .unique(),
  currentStep: requiredTextColumn('current_step').default('welcome'),
  completed: boolean('completed').default(false).notNull(),
  completedAt: timestamp('completed_at', { precision: 3, mode: 'string' }),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});

/** Snooze / dismiss state of each reminder a user has seen. */
export const reminderStates = pgTable(
  'reminder_states',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    reminderKey: requiredTextColumn('reminder_key'),
    timesShown: integer('times_shown').default(0).notNull(),
    snoozedUntil: timestamp('snoozed_until', { precision: 3, mode: 'string' }),
    dismissedAt: timestamp('dismissed_at', { precision: 3, mode: 'string' }),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index('reminder_states_user_id_reminder_key_idx').on(t.userId, t.reminderKey)],
);
