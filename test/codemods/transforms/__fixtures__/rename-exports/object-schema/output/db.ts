import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';

import { commsMessages } from './schema.js';

/** The relational query key comes from this object literal: `db.query.messages` stays valid as it is. */
export const db = drizzle(new PGlite(), { schema: { messages: commsMessages } });

export const latest = () => db.query.messages.findFirst();
export const payload = (rows: unknown[]) => ({ messages: rows, total: rows.length });
