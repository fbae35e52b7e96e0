import * as p from 'drizzle-orm/pg-core';

import { transactions } from './finance.schema.js';
import { createdAtColumn, optionalUuidColumn, requiredTextColumn, requiredUuidColumn } from './shared.schema.js';
import { users } from './users.schema.js';

export const places = p.pgTable('places', {
  id: p.uuid('id').primaryKey().defaultRandom(),
  name: requiredTextColumn('name'),
  address: p.text('address'),
  latitude: p.doublePrecision('latitude'),
  longitude: p.doublePrecision('longitude'),
  createdAt: createdAtColumn(),
});

export const people = p.pgTable(
  'people',
  {
    id: p.uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    name: requiredTextColumn('name'),
    email: p.text('email'),
    createdAt: p.timestamp('created_at').defaultNow().notNull(),
  },
  (t) => [p.index('people_user_id_idx').on(t.userId)],
);

export const categories = p.pgTable(
  'categories',
  {
    id: p.uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    parentId: optionalUuidColumn('parent_id').references((): p.AnyPgColumn => categories.id, {
      onDelete: 'set null',
    }),
    name: requiredTextColumn('name'),
    color: p.varchar('color', { length: 7 }),
  },
  (t) => [p.uniqueIndex('categories_user_id_name_idx').on(t.userId, t.name), p.index('categories_parent_id_idx').on(t.parentId)],
);

export const events = p.pgTable(
  'events',
  {
    id: p.uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    placeId: optionalUuidColumn('place_id').references(() => places.id, { onDelete: 'set null' }),
    categoryId: optionalUuidColumn('category_id').references(() => categories.id, { onDelete: 'set null' }),
    title: requiredTextColumn('title'),
    description: p.text('description'),
    startsAt: p.timestamp('starts_at', { precision: 6, mode: 'string' }).notNull(),
    endsAt: p.timestamp('ends_at', { precision: 3, mode: 'string' }),
    allDay: p.boolean('all_day').default(false).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [p.index('events_user_id_starts_at_idx').on(t.userId, t.startsAt), p.index('events_category_id_idx').on(t.categoryId)],
);

/** Who attends an event. */
export const eventsUsers = p.pgTable('events_users', {
  id: p.uuid('id').primaryKey().defaultRandom(),
  eventId: requiredUuidColumn('event_id').references(() => events.id, { onDelete: 'cascade' }),
  personId: requiredUuidColumn('person_id').references(() => people.id, { onDelete: 'cascade' }),
  rsvp: p.text('rsvp'),
});

/** Expenses attached to an event (join table). */
export const eventsTransactions = p.pgTable(
  'events_transactions',
  {
    eventId: requiredUuidColumn('event_id').references(() => events.id, { onDelete: 'cascade' }),
    transactionId: requiredUuidColumn('transaction_id').references(() => transactions.id, { onDelete: 'cascade' }),
  },
  (t) => [
    p.primaryKey({ columns: [t.eventId, t.transactionId] }),
    p.index('events_transactions_transaction_id_idx').on(t.transactionId),
  ],
);
