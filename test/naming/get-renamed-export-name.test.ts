import { describe, expect, it } from 'vitest';
import { getRenamedExportName } from '../../naming/get-renamed-export-name.js';

describe('getRenamedExportName', () => {
  it.each([
    // [export, old table, new table, new export]
    ['messages', 'messages', 'comms_messages', 'commsMessages'],
    ['destinations', 'destination', 'backup_destination', 'backupDestinations'],
    ['destination', 'destination', 'backup_destination', 'backupDestination'],
    ['user', 'users', 'accounts', 'account'],
    ['usersTable', 'users', 'accounts', 'accountsTable'],
    ['UsersTable', 'users', 'accounts', 'AccountsTable'],
    ['dbUsers', 'users', 'accounts', 'dbAccounts'],
    ['USERS_TABLE', 'users', 'accounts', 'ACCOUNTS_TABLE'],
    ['users_table', 'users', 'app_users', 'app_users_table'],
    ['sshKeys', 'ssh-key', 'ssh_keys', 'sshKeys'],
    ['sshKey', 'ssh-key', 'deploy_key', 'deployKey'],
    ['aiJobs', 'ai_jobs', 'assistant_jobs', 'assistantJobs'],
    ['categories', 'category', 'product_category', 'productCategories'],
    ['category', 'categories', 'product_categories', 'productCategory'],
    ['statuses', 'status', 'order_status', 'orderStatuses'],
    ['boxes', 'box', 'crate', 'crates'],
  ])('%s (table %s → %s) → %s', (exportName, from, to, expected) => {
    expect(getRenamedExportName(exportName, from, to)).toBe(expected);
  });

  it('falls back to the camelCase of the new name when the export does not name the old table', () => {
    expect(getRenamedExportName('flags', 'feature_flags', 'system_feature_flags')).toBe('systemFeatureFlags');
    expect(getRenamedExportName('t', 'users', 'accounts')).toBe('accounts');
  });
});

describe('getRenamedExportName: a second run', () => {
  it.each([
    ['commsMessages', 'messages', 'comms_messages'],
    ['backupDestinations', 'destination', 'backup_destination'],
    ['accountsTable', 'users', 'accounts'],
    ['users', 'app_users', 'users'],
  ])('keeps %s (table %s → %s)', (exportName, from, to) => {
    expect(getRenamedExportName(exportName, from, to)).toBe(exportName);
  });

  it('renames an export that contains the new name inside the old one', () => {
    expect(getRenamedExportName('appUsers', 'app_users', 'users')).toBe('users');
  });
});
