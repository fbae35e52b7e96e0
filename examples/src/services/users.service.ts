import { eq } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import type { Queryable } from '../db/pool.js';
import { users } from '../db/schema/index.js';
import type { AppSupabaseClient } from '../lib/supabase.js';
import type { Tables } from '../types/database.types.js';

/** Raw SQL kept for the nightly report job (runs outside the app, on the pool). */
const UNVERIFIED_USERS_SQL = 'select id, email from users where "emailVerified" = false order by created_at';

export async function listAdmins(supabase: AppSupabaseClient): Promise<Tables<'users'>[]> {
  const { data, error } = await supabase.from('users').select('*').eq('isAdmin', true).order('email');
  if (error) throw error;
  return data;
}

export async function listAdminEmails(db: Db): Promise<string[]> {
  const rows = await db.select({ email: users.email }).from(users).where(eq(users.isAdmin, true));
  return rows.map((row) => row.email);
}

export async function isAdmin(pool: Queryable, userId: string): Promise<boolean> {
  const result = await pool.query<{ admin: boolean }>('select "isAdmin" as admin from users where id = $1', [userId]);
  return result.rows[0]?.admin ?? false;
}

export async function listUnverified(pool: Queryable): Promise<{ id: string; email: string }[]> {
  const result = await pool.query<{ id: string; email: string }>(UNVERIFIED_USERS_SQL);
  return result.rows;
}

export async function markEmailVerified(supabase: AppSupabaseClient, userId: string): Promise<void> {
  const { error } = await supabase.from('users').update({ emailVerified: true }).eq('id', userId);
  if (error) throw error;
}

/** Called by the auth webhook with the id Supabase Auth assigned. */
export async function createUser(supabase: AppSupabaseClient, authUserId: string, email: string): Promise<void> {
  const { error } = await supabase.from('users').insert({ id: authUserId, email, supabaseId: authUserId });
  if (error) throw error;
}

export async function promoteToAdmin(db: Db, userId: string) {
  const [row] = await db.update(users).set({ isAdmin: true }).where(eq(users.id, userId)).returning();
  return row ?? null;
}
