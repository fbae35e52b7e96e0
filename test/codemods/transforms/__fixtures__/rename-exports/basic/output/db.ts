import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';

import * as schema from './schema/index.js';

export const db = drizzle(new PGlite(), { schema });
export type Db = typeof db;
