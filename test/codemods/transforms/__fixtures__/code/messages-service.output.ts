import type { RealtimeChannel } from '@supabase/supabase-js';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { messages, scheduledMessages } from '../db/schema/index.js';
import type { AppSupabaseClient } from '../lib/supabase.js';
import type { Tables, TablesInsert } from '../types/database.types.js';

export type InboxMessage = Tables<'comms_messages'>;

/** Latest messages of a user, newest first (Drizzle, used by the server). */
export async function listInbox(db: Db, userId: string, limit = 50) {
  return db
    .select()
    .from(messages)
    .where(eq(messages.userId, userId))
    .orderBy(desc(messages.createdAt))
    .limit(limit);
}

/** Unread messages together with the call they came from (relational query). */
export async function listUnreadWithCalls(db: Db, userId: string) {
  return db.query.messages.findMany({
    where: and(eq(messages.userId, userId), isNull(messages.readAt)),
    with: { call: true },
    orderBy: [desc(messages.createdAt)],
  });
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const result = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from comms_messages where author_id = ${userId} and read_at is null`,
  );
  return result.rows[0]?.count ?? 0;
}

/** Same count, computed by the database function (see the init migration). */
export async function countUnreadRpc(supabase: AppSupabaseClient, userId: string): Promise<number> {
  const { data, error } = await supabase.rpc('count_unread_messages', { uid: userId });
  if (error) throw error;
  return data;
}

/** Inbox page for the web client: messages with the call each one belongs to. */
export async function fetchInboxPage(supabase: AppSupabaseClient, userId: string, page: number) {
  const pageSize = 25;
  const { data, error } = await supabase
    .from('comms_messages')
    .select('id, body, channel, created_at, comms_calls(*)')
    .eq('author_id', userId)
    .order('created_at', { ascending: false })
    .range(page * pageSize, page * pageSize + pageSize - 1);
  if (error) throw error;
  return data;
}

export async function sendMessage(supabase: AppSupabaseClient, message: TablesInsert<'comms_messages'>): Promise<InboxMessage> {
  const { data, error } = await supabase.from('comms_messages').insert(message).select().single();
  if (error) throw error;
  return data;
}

export async function markRead(supabase: AppSupabaseClient, ids: string[]): Promise<void> {
  const { error } = await supabase.from('comms_messages').update({ read_at: new Date().toISOString() }).in('id', ids);
  if (error) throw error;
}

export async function scheduleMessage(db: Db, userId: string, messageId: string, sendAt: Date) {
  const [row] = await db
    .insert(scheduledMessages)
    .values({ userId, messageId, sendAt: sendAt.toISOString() })
    .returning({ id: scheduledMessages.id });
  return row;
}

export async function cancelScheduled(supabase: AppSupabaseClient, userId: string): Promise<void> {
  const { error } = await supabase
    .from('scheduled_messages')
    .update({ status: 'cancelled' })
    .eq('user_id', userId)
    .eq('status', 'pending');
  if (error) throw error;
}

/** Live inbox: re-fetch whenever a row of the user's messages changes. */
export function subscribeToInbox(supabase: AppSupabaseClient, userId: string, onChange: () => void): RealtimeChannel {
  return supabase
    .channel(`inbox:${userId}`)
    .on('postgres_changes', { event: '*', schema: 'public', table: 'comms_messages', filter: `author_id=eq.${userId}` }, () =>
      onChange(),
    )
    .subscribe();
}
