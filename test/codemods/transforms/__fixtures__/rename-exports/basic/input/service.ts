import { eq } from 'drizzle-orm';

import type { Db } from './db.js';
import { calls, messages } from './schema/index.js';
import { messages as inbox } from './schema/comms.schema.js';

export type NewMessage = typeof messages.$inferInsert;

export async function listInbox(db: Db, userId: string) {
  const rows = await db.select().from(messages).where(eq(messages.userId, userId));
  const related = await db.query.messages.findMany({ with: { user: true } });
  const payload = { messages: rows, calls: [] as unknown[], title: 'messages' };
  const search = { query: { messages: 'text' } };
  return { rows, related, payload, count: search.query.messages.length, inbox, calls };
}
