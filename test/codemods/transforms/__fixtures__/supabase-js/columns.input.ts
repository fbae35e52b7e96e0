import type { AppSupabaseClient } from '../lib/supabase.js';

export async function admins(supabase: AppSupabaseClient, name: string, isAdmin: boolean) {
  await supabase
    .from('users')
    .select('id, isAdmin, admin:isAdmin, settings->isAdmin, "isAdmin"::text, isAdmin.count()')
    .eq('isAdmin', true)
    .order('isAdmin', { ascending: false })
    .or('isAdmin.eq.true,and(id.gt.5,not.and(isAdmin.is.null,name.in.("isAdmin,x")))')
    .match({ isAdmin: true, name });
  await supabase.from('users').insert({ isAdmin: true, name });
  await supabase.from('users').insert([{ isAdmin }, { 'isAdmin': false, name }]);
  await supabase.from('users').update({ isAdmin: false }).eq('isAdmin', true).select('isAdmin');
  await supabase.from('users').upsert({ id: 1, isAdmin }, { onConflict: 'id,isAdmin' });
  await supabase.from('profiles').update({ isAdmin: true }).eq('isAdmin', true);
  const notAQuery = { isAdmin: true };
  return notAQuery;
}

export async function messagesWithCalls(supabase: AppSupabaseClient, userId: string, ids: string[]) {
  return supabase
    .from('messages')
    .select('id, user_id, calls(id, phone_number, transcripts(call_id))')
    .eq('calls.phone_number', '+1')
    .order('phone_number', { referencedTable: 'calls' })
    .in('user_id', ids)
    .or(`user_id.eq.${userId},body.ilike.%user_id%`);
}

export async function transcriptsOfCall(supabase: AppSupabaseClient, callId: string, fullText: string) {
  return supabase.from('transcripts').upsert({ call_id: callId, full_text: fullText }, { onConflict: 'call_id' });
}
