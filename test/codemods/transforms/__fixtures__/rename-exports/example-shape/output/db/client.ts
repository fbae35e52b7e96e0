import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';

import * as schema from './schema/index.js';

/** As in examples/: the schema namespace of a barrel of barrels, the Db type derived from a factory. */
export function createDb(client: PGlite = new PGlite()) {
  return drizzle(client, { schema });
}

export type Db = ReturnType<typeof createDb>;
