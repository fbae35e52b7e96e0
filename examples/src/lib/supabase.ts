import { createClient, type SupabaseClient } from '@supabase/supabase-js';

import type { Database } from '../types/database.types.js';

export type AppSupabaseClient = SupabaseClient<Database>;

export function createSupabaseClient(env: NodeJS.ProcessEnv = process.env): AppSupabaseClient {
  const url = env['SUPABASE_URL'];
  const key = env['SUPABASE_ANON_KEY'];
  if (!url || !key) {
    throw new Error('SUPABASE_URL and SUPABASE_ANON_KEY must be set');
  }
  return createClient<Database>(url, key, { auth: { persistSession: false } });
}
