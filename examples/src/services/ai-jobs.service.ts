import { and, eq, inArray } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { aiJobs } from '../db/schema/index.js';
import type { AppSupabaseClient } from '../lib/supabase.js';
import type { Enums, Json, Tables, TablesInsert, TablesUpdate } from '../types/database.types.js';

export type AiJob = Tables<'ai_jobs'>;
export type AiJobStatus = Enums<'ai_job_status'>;

const ACTIVE: AiJobStatus[] = ['queued', 'running'];

export async function enqueueJob(
  supabase: AppSupabaseClient,
  userId: string,
  kind: string,
  input: Json,
  callId?: string,
): Promise<AiJob> {
  const job: TablesInsert<'ai_jobs'> = { user_id: userId, kind, input, call_id: callId ?? null };
  const { data, error } = await supabase.from('ai_jobs').insert(job).select().single();
  if (error) throw error;
  return data;
}

export async function listActiveJobs(supabase: AppSupabaseClient, userId: string): Promise<AiJob[]> {
  const { data, error } = await supabase
    .from('ai_jobs')
    .select('*')
    .eq('user_id', userId)
    .in('status', ACTIVE)
    .order('created_at');
  if (error) throw error;
  return data;
}

export async function finishJob(supabase: AppSupabaseClient, id: string, output: Json): Promise<void> {
  const patch: TablesUpdate<'ai_jobs'> = {
    status: 'succeeded',
    output,
    completed_at: new Date().toISOString(),
  };
  const { error } = await supabase.from('ai_jobs').update(patch).eq('id', id);
  if (error) throw error;
}

/** Worker side: claim queued jobs of one kind (Drizzle). */
export async function claimJobs(db: Db, kind: string, ids: string[]) {
  return db
    .update(aiJobs)
    .set({ status: 'running', updatedAt: new Date().toISOString() })
    .where(and(eq(aiJobs.kind, kind), eq(aiJobs.status, 'queued'), inArray(aiJobs.id, ids)))
    .returning();
}

export async function failJob(db: Db, id: string, message: string): Promise<void> {
  await db.update(aiJobs).set({ status: 'failed', error: message }).where(eq(aiJobs.id, id));
}
