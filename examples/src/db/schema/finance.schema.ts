import { date, index, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import {
  createdAtColumn,
  optionalUuidColumn,
  requiredTextColumn,
  requiredUuidColumn,
  timestamps,
  updatedAtColumn,
} from './shared.schema.js';
import { users } from './users.schema.js';

export const accountType = pgEnum('account_type', ['checking', 'savings', 'credit', 'investment', 'loan']);

export const financialInstitutions = pgTable('financial_institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: requiredTextColumn('name'),
  url: text('url'),
  logo: text('logo'),
  ...timestamps,
});

/** A Plaid connection (one login at one institution). */
export const plaidItems = pgTable(
  'plaid_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    institutionId: optionalUuidColumn('institution_id').references(() => financialInstitutions.id),
    itemId: requiredTextColumn('item_id').unique(),
    accessToken: requiredTextColumn('access_token'),
    cursor: text('cursor'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index('plaid_items_user_id_idx').on(t.userId)],
);

export const financeAccounts = pgTable(
  'finance_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    institutionId: optionalUuidColumn('institution_id').references(() => financialInstitutions.id),
    plaidItemId: optionalUuidColumn('plaid_item_id').references(() => plaidItems.id, { onDelete: 'set null' }),
    plaidAccountId: text('plaid_account_id'),
    name: requiredTextColumn('name'),
    type: accountType('type').notNull(),
    balance: numeric('balance', { precision: 12, scale: 2 }).default('0').notNull(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index('finance_accounts_user_id_idx').on(t.userId),
    uniqueIndex('finance_accounts_plaid_account_id_idx').on(t.plaidAccountId),
  ],
);

export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
    fromAccountId: optionalUuidColumn('from_account_id').references(() => financeAccounts.id),
    toAccountId: optionalUuidColumn('to_account_id').references(() => financeAccounts.id),
    amount: numeric('amount', { precision: 12, scale: 2 }).notNull(),
    description: text('description'),
    date: date('date', { mode: 'string' }).notNull(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index('transactions_user_id_date_idx').on(t.userId, t.date)],
);
