// Column helpers of the `helpers` fixture (passed as a helper module in helpers.settings.json).
import { timestamp, uuid } from 'drizzle-orm/pg-core';

export const requiredUuidColumn = (name: string) => uuid(name).notNull();

export function referenceColumn(table: string, name: string) {
  return uuid(name).notNull().$comment(table);
}

export const createdAtColumn = () => timestamp('created_at', { precision: 3 }).defaultNow().notNull();
