import { eq } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { commsMessages } from '../db/schema/index.js';

export async function listForUser(db: Db, userId: string) {
  return db.query.commsMessages.findMany({ where: eq(commsMessages.userId, userId), with: { user: true } });
}

export async function firstUserWithMessages(db: Db) {
  return db.query.users.findFirst({ with: { messages: true } });
}

// Traps: a payload's `messages` key and a look-alike `.query.messages` on a plain object.
export function toPayload(rows: unknown[]) {
  const search = { query: { messages: 'text' } };
  return { messages: rows, length: search.query.messages.length };
}

// An untyped handle (as from JavaScript): the key follows the project's relational schema, for review.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const listUntyped = (db: any) => db.query.commsMessages.findMany();
