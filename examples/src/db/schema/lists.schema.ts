import { boolean, foreignKey, index, pgTable as table, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import {
  createdAtColumn,
  optionalUuidColumn,
  requiredTextColumn,
  requiredUuidColumn,
  updatedAtColumn,
} from './shared.schema.js';
import { users } from './users.schema.js';

/** Shareable lists (reading lists, packing lists, ...). */
export const lists = table(
  'lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: requiredUuidColumn('ownerId').references(() => users.id, { onDelete: 'cascade' }),
    name: requiredTextColumn('name'),
    description: text('description'),
    isPublic: boolean('isPublic').default(false).notNull(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index('lists_owner_id_idx').on(t.ownerId)],
);

/** Pending and accepted invitations to collaborate on a list. */
export const listInvites = table(
  'list_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: requiredUuidColumn('list_id'),
    invitedUserId: optionalUuidColumn('invited_user_id').references(() => users.id, { onDelete: 'set null' }),
    invitedEmail: requiredTextColumn('invited_email'),
    accepted: boolean('accepted').default(false).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.listId], foreignColumns: [lists.id] }).onDelete('cascade'),
    index('list_invites_list_id_idx').on(t.listId),
    uniqueIndex('list_invites_invited_user_id_list_id_idx').on(t.invitedUserId, t.listId),
  ],
);
