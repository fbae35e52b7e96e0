import type { RenamePlan } from '../../../codemods/types.js';

/**
 * The plan the SQL rewriter tests share: a table rename, a camelCase column to snake_case,
 * a snake_case column to a name that needs quotes, and a column of the renamed table.
 */
export const plan: RenamePlan = {
  tables: [{ from: 'messages', to: 'comms_messages', schema: 'public' }],
  columns: [
    { table: 'users', from: 'isAdmin', to: 'is_admin', schema: 'public' },
    { table: 'users', from: 'full_name', to: 'fullName', schema: 'public' },
    { table: 'messages', from: 'user_id', to: 'sender_id', schema: 'public' },
  ],
  steps: [
    { kind: 'table', schema: 'public', from: 'messages', to: 'comms_messages' },
    { kind: 'column', schema: 'public', table: 'users', from: 'isAdmin', to: 'is_admin' },
    { kind: 'column', schema: 'public', table: 'users', from: 'full_name', to: 'fullName' },
    { kind: 'column', schema: 'public', table: 'comms_messages', from: 'user_id', to: 'sender_id' },
  ],
};
