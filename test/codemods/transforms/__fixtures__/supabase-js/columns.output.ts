import type { AppSupabaseClient } from '../lib/supabase.js';

export async function admins(supabase: AppSupabaseClient, name: string, isAdmin: boolean) {
  await supabase
    .from('users')
    .select('id, is_admin, admin:is_admin, settings->isAdmin, "is_admin"::text, is_admin.count()')
    .eq('is_admin', true)
    .order('is_admin', { ascending: false })
    .or('is_admin.eq.true,and(id.gt.5,not.and(is_admin.is.null,name.in.("isAdmin,x")))')
    .match({ is_admin: true, name });
  await supabase.from('users').insert({ is_admin: true, name });
  await supabase.from('users').insert([{ is_admin: isAdmin }, { 'is_admin': false, name }]);
  await supabase.from('users').update({ is_admin: false }).eq('is_admin', true).select('is_admin');
  await supabase.from('users').upsert({ id: 1, is_admin: isAdmin }, { onConflict: 'id,is_admin' });
  await supabase.from('profiles').update({ isAdmin: true }).eq('isAdmin', true);
  const notAQuery = { isAdmin: true };
  return notAQuery;
}

export async function messagesWithCalls(supabase: AppSupabaseClient, userId: string, ids: string[]) {
  return supabase
    .from('comms_messages')
    .select('id, author_id, comms_calls(id, phone, transcripts(source_call_id))')
    .eq('comms_calls.phone', '+1')
    .order('phone', { referencedTable: 'comms_calls' })
    .in('author_id', ids)
    .or(`author_id.eq.${userId},body.ilike.%user_id%`);
}

export async function transcriptsOfCall(supabase: AppSupabaseClient, callId: string, fullText: string) {
  return supabase.from('transcripts').upsert({ source_call_id: callId, full_text: fullText }, { onConflict: 'source_call_id' });
}
