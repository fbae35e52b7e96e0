import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';

import * as schema from './schema/index.js';

/** A Drizzle database over an in-process Postgres (PGlite); tests pass their own instance. */
export function createDb(client: PGlite = new PGlite()) {
  return drizzle(client, { schema });
}

export type Db = ReturnType<typeof createDb>;
