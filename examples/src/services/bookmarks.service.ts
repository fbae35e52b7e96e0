import { desc, eq } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { bookmarks } from '../db/schema/index.js';
import type { AppSupabaseClient } from '../lib/supabase.js';
import type { Tables } from '../types/database.types.js';

export async function listBookmarks(supabase: AppSupabaseClient, userId: string): Promise<Tables<'bookmarks'>[]> {
  const { data, error } = await supabase
    .from('bookmarks')
    .select('*')
    .eq('userId', userId)
    .order('created_at', { ascending: false });
  if (error) throw error;
  return data;
}

export async function addBookmark(supabase: AppSupabaseClient, userId: string, url: string, title?: string) {
  const { data, error } = await supabase.from('bookmarks').insert({ userId, url, title: title ?? null }).select('id').single();
  if (error) throw error;
  return data;
}

/** Chats also have a camelCase "userId" column, which is not part of the bookmarks rename. */
export async function listChatTitles(supabase: AppSupabaseClient, userId: string) {
  const { data, error } = await supabase.from('chats').select('id, title').eq('userId', userId);
  if (error) throw error;
  return data;
}

export async function recentBookmarks(db: Db, userId: string) {
  return db.select().from(bookmarks).where(eq(bookmarks.userId, userId)).orderBy(desc(bookmarks.createdAt)).limit(10);
}
