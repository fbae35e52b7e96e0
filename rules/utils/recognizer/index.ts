export { getDrizzleTables } from './get-drizzle-tables.js';
export type * from './types.js';
