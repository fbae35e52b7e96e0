import { eq, sql } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { featureFlags, usageLogs } from '../db/schema/index.js';
import type { AppSupabaseClient } from '../lib/supabase.js';

export async function isEnabled(db: Db, key: string): Promise<boolean> {
  const [flag] = await db.select({ enabled: featureFlags.enabled }).from(featureFlags).where(eq(featureFlags.key, key));
  return flag?.enabled ?? false;
}

export async function setFlag(supabase: AppSupabaseClient, key: string, enabled: boolean): Promise<void> {
  const { error } = await supabase.from('feature_flags').upsert({ key, enabled }, { onConflict: 'key' });
  if (error) throw error;
}

export async function listFlags(supabase: AppSupabaseClient) {
  const { data, error } = await supabase.from('feature_flags').select('key, enabled, rollout_percentage').order('key');
  if (error) throw error;
  return data;
}

/** Kill switch used by the ops CLI. */
export async function disableEverywhere(db: Db, key: string): Promise<void> {
  await db.execute(sql`update feature_flags set enabled = false, updated_at = now() where key = ${key}`);
}

export async function recordUsage(db: Db, userId: string, feature: string, units = 1): Promise<void> {
  await db.insert(usageLogs).values({ userId, feature, units });
}

export async function usageThisMonth(db: Db, userId: string): Promise<number> {
  const result = await db.execute<{ total: number }>(sql`
    select coalesce(sum(units), 0)::int as total
    from usage_logs
    where user_id = ${userId} and created_at >= date_trunc('month', now())
  `);
  return result.rows[0]?.total ?? 0;
}
