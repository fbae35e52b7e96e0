import { desc, eq } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { calls, transcriptSegments, transcripts } from '../db/schema/index.js';
import type { Logger } from '../lib/logger.js';
import type { AppSupabaseClient } from '../lib/supabase.js';
import type { Database, TablesInsert } from '../types/database.types.js';

type CallRow = Database['public']['Tables']['comms_calls']['Row'];

export interface TranscriptSegmentInput {
  speaker: string;
  content: string;
  startMs: number;
  endMs: number;
}

/** Calls of a user with their transcript, newest first. */
export async function listCallsWithTranscripts(supabase: AppSupabaseClient, userId: string) {
  const { data, error } = await supabase
    .from('comms_calls')
    .select('id, direction, phone, started_at, call_transcripts!call_transcripts_source_call_id_fkey(*)')
    .eq('user_id', userId)
    .order('started_at', { ascending: false, nullsFirst: false });
  if (error) throw error;
  return data;
}

export async function getCalls(supabase: AppSupabaseClient, ids: string[]): Promise<CallRow[]> {
  const { data, error } = await supabase.from('comms_calls').select('*').in('id', ids);
  if (error) throw error;
  return data;
}

/** Admin tooling reads the table untyped, as exported by older code. */
export async function countCallsUntyped(supabase: AppSupabaseClient): Promise<number> {
  const { count, error } = await supabase.from('comms_calls' as any).select('id', { count: 'exact', head: true });
  if (error) throw error;
  return count ?? 0;
}

/** Transcript text of one call (server side, Drizzle join). */
export async function getTranscriptText(db: Db, callId: string) {
  const [row] = await db
    .select({ callId: calls.id, fullText: transcripts.fullText, language: transcripts.language })
    .from(calls)
    .innerJoin(transcripts, eq(transcripts.callId, calls.id))
    .where(eq(calls.id, callId));
  return row ?? null;
}

export async function recentCalls(db: Db, userId: string) {
  return db.select().from(calls).where(eq(calls.userId, userId)).orderBy(desc(calls.createdAt)).limit(20);
}

/** Stores the segments the speech-to-text provider returned for one transcript. */
export async function saveSegments(
  supabase: AppSupabaseClient,
  logger: Logger,
  transcriptId: string,
  segments: TranscriptSegmentInput[],
): Promise<void> {
  logger.info('processing calls', { transcriptId, segments: segments.length });
  const rows: TablesInsert<'transcript_segments'>[] = segments.map((segment, position) => ({
    transcript_id: transcriptId,
    position,
    speaker: segment.speaker,
    content: segment.content,
    start_ms: segment.startMs,
    end_ms: segment.endMs,
  }));
  const { error } = await supabase.from('transcript_segments').insert(rows);
  if (error) throw error;
}

export async function upsertTranscript(supabase: AppSupabaseClient, callId: string, fullText: string): Promise<void> {
  const { error } = await supabase
    .from('call_transcripts')
    .upsert({ source_call_id: callId, full_text: fullText }, { onConflict: 'source_call_id' });
  if (error) throw error;
}

/** Server-side cleanup of segments of a deleted transcript. */
export async function deleteSegments(db: Db, transcriptId: string): Promise<void> {
  await db.delete(transcriptSegments).where(eq(transcriptSegments.transcriptId, transcriptId));
}
