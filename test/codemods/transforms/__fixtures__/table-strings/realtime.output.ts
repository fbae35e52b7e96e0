import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';

export function subscribeToInbox(supabase: SupabaseClient, userId: string, onChange: () => void): RealtimeChannel {
  return supabase
    .channel(`inbox:${userId}`)
    .on('postgres_changes', { event: '*', schema: 'public', table: 'comms_messages', filter: `author_id=eq.${userId}` }, () => onChange())
    .on('postgres_changes', { event: 'INSERT', table: "comms_calls" }, () => onChange())
    .on('postgres_changes', { event: 'UPDATE', table: 'users', filter: 'is_admin=eq.true' }, () => onChange())
    .on('postgres_changes', { event: '*', schema: 'career', table: 'job_postings' }, () => onChange())
    .on('postgres_changes', { event: '*', schema: 'other', table: 'messages' }, () => onChange())
    .on('broadcast', { event: 'messages' }, () => onChange())
    .subscribe();
}

export const emitter = { on: (event: string, options: { table: string }) => [event, options] };
emitter.on('messages', { table: 'messages' });
