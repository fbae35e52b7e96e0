import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const recordings = pgTable(
  'recordings',
  {
    id: uuid('id').primaryKey(),
    callId: uuid('call_id').notNull(),
    label: text('label'),
  },
  (table) => [index('recordings_call_id_idx').on(table.callId), uniqueIndex('recordings_call_id_label_key').on(table.callId, table.label)],
);
