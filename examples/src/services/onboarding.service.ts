import { and, eq, sql } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import type { Queryable } from '../db/pool.js';
import { onboardingStatus, rateLimits, reminderStates } from '../db/schema/index.js';

export async function advanceOnboarding(db: Db, userId: string, step: string, completed = false) {
  const now = new Date().toISOString();
  await db
    .insert(onboardingStatus)
    .values({ userId, currentStep: step, completed, completedAt: completed ? now : null })
    .onConflictDoUpdate({
      target: onboardingStatus.userId,
      set: { currentStep: step, completed, completedAt: completed ? now : null, updatedAt: now },
    });
}

export async function recordReminderShown(db: Db, userId: string, reminderKey: string): Promise<void> {
  await db.execute(
    sql`update reminder_states set times_shown = times_shown + 1, updated_at = now() where user_id = ${userId} and reminder_key = ${reminderKey}`,
  );
}

export async function snoozedReminders(db: Db, userId: string) {
  return db
    .select({ key: reminderStates.reminderKey, until: reminderStates.snoozedUntil })
    .from(reminderStates)
    .where(and(eq(reminderStates.userId, userId), sql`${reminderStates.snoozedUntil} > now()`));
}

/** Housekeeping run by cron on the raw pool. */
export async function purgeExpiredResetTokens(pool: Queryable): Promise<number> {
  const result = await pool.query<{ id: string }>('delete from reset_tokens where expires_at < now() returning id');
  return result.rows.length;
}

export async function hitRateLimit(db: Db, userId: string, bucket: string, windowStart: string): Promise<number> {
  const [row] = await db
    .insert(rateLimits)
    .values({ userId, bucket, windowStart, requestCount: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.userId, rateLimits.bucket, rateLimits.windowStart],
      set: { requestCount: sql`${rateLimits.requestCount} + 1` },
    })
    .returning({ count: rateLimits.requestCount });
  return row?.count ?? 0;
}
