import { foreignKey, index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';

import { createdAtColumn, requiredTextColumn, requiredUuidColumn, updatedAtColumn } from './shared.schema.js';
import { users } from './users.schema.js';

export const workspace = pgTable(
  'workspace',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    name: requiredTextColumn('name'),
    slug: requiredTextColumn('slug').unique(),
    plan: requiredTextColumn('plan').default('free'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    foreignKey({ columns: [t.ownerId], foreignColumns: [users.id], name: 'workspace_owner_id_fkey' }).onDelete('cascade'),
    index('workspace_owner_id_idx').on(t.ownerId),
  ],
);

export const workspaceMembers = pgTable(
  'workspace_members',
  {
    workspaceId: requiredUuidColumn('workspace_id').references(() => workspace.id, { onDelete: 'cascade' }),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    role: requiredTextColumn('role').$type<'owner' | 'admin' | 'member'>().default('member'),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('workspace_members_user_id_idx').on(t.userId)],
);
