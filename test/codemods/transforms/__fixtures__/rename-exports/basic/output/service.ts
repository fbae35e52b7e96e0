import { eq } from 'drizzle-orm';

import type { Db } from './db.js';
import { phoneCalls, commsMessages } from './schema/index.js';
import { commsMessages as inbox } from './schema/comms.schema.js';

export type NewMessage = typeof commsMessages.$inferInsert;

export async function listInbox(db: Db, userId: string) {
  const rows = await db.select().from(commsMessages).where(eq(commsMessages.userId, userId));
  const related = await db.query.commsMessages.findMany({ with: { user: true } });
  const payload = { messages: rows, calls: [] as unknown[], title: 'messages' };
  const search = { query: { messages: 'text' } };
  return { rows, related, payload, count: search.query.messages.length, inbox, calls: phoneCalls };
}
