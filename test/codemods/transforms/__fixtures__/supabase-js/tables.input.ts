import type { AppSupabaseClient } from '../lib/supabase.js';
import { t } from '../lib/i18n.js';

// Reads the messages table (this comment is left for review by the CLI)
export async function fetchInbox(supabase: AppSupabaseClient, userId: string) {
  const { data } = await supabase
    .from('messages')
    .select('id, body, calls(*), caller:calls!messages_call_id_fkey(id), ...calls!inner(started_at)')
    .eq('user_id', userId);
  return data;
}

export async function untyped(supabase: AppSupabaseClient) {
  await supabase.from("calls" as any).select("id", { count: "exact", head: true });
  await supabase.from('calls' as const).delete().eq('id', 1);
}

export async function jobs(supabase: AppSupabaseClient) {
  const career = await supabase.schema('career').from('jobs').select('*');
  const publicJobs = await supabase.from('jobs').select('*');
  return { career, publicJobs };
}

export async function traps(supabase: AppSupabaseClient, mock: { calls: unknown[] }) {
  const attachments = supabase.storage.from('messages');
  const letters = Array.from('messages');
  const payload = { messages: [{ id: 1 }], calls: mock.calls };
  const label = t('messages');
  const route = '/calls';
  const tableName = 'messages';
  return { attachments, letters, payload, label, route, tableName };
}
