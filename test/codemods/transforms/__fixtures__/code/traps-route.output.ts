import type { Db } from '../db/client.js';
import type { AppSupabaseClient } from '../lib/supabase.js';
import { countUnread, fetchInboxPage, markRead } from '../services/messages.service.js';

export interface RouteRequest {
  userId: string;
  query: Record<string, string | undefined>;
  body: unknown;
}

export interface RouteResponse {
  status: number;
  body: unknown;
}

// GET /messages — the inbox page; the client polls this until realtime connects.
export async function getInbox(supabase: AppSupabaseClient, db: Db, req: RouteRequest): Promise<RouteResponse> {
  const page = Number(req.query['page'] ?? '0');
  const [items, unread] = await Promise.all([fetchInboxPage(supabase, req.userId, page), countUnread(db, req.userId)]);
  return { status: 200, body: { title: 'messages', items, unread } };
}

export async function postMarkRead(supabase: AppSupabaseClient, req: RouteRequest): Promise<RouteResponse> {
  const ids = (req.body as { ids?: unknown }).ids;
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) {
    return { status: 400, body: { error: 'ids must be a list of message ids' } };
  }
  await markRead(supabase, ids);
  return { status: 204, body: null };
}
