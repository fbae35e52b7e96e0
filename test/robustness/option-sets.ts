/**
 * Option and settings combinations for the robustness tests: every rule with its defaults, with every
 * option non-default, under each `casing`, with `autofix: 'all'`, and with a real helper module.
 * Each set configures every rule at once (a crash names its rule), so one lint pass covers them all.
 */
import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../index.js';

export interface OptionSet {
  readonly name: string;
  readonly config: Linter.Config[];
}

const RULE_PREFIX = 'drizzle-schema';

/** The language options every set shares: typescript-eslint's parser, no type information. */
export function getBaseConfig(): Linter.Config {
  return {
    files: ['**/*.ts', '**/*.tsx'],
    // Package sources carry disable comments for rules not configured here: not this plugin's business.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    languageOptions: { parser: tseslint.parser as Linter.Parser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
  };
}

function rulesWith(options: Partial<Record<keyof typeof plugin.rules, unknown>>): Linter.RulesRecord {
  const rules: Linter.RulesRecord = {};
  for (const name of Object.keys(plugin.rules)) {
    const option = options[name];
    rules[`${RULE_PREFIX}/${name}`] = option === undefined ? 'error' : ['error', option];
  }
  return rules;
}

/**
 * The option sets. `helperModule` is a path relative to the Linter's cwd of a real helper file
 * (it is read by prefer-shared-helpers and the recognizer).
 */
export function getOptionSets(helperModule: string): OptionSet[] {
  const make = (name: string, settings: Record<string, unknown>, options: Parameters<typeof rulesWith>[0]): OptionSet => ({
    name,
    config: [getBaseConfig(), { plugins: { [RULE_PREFIX]: plugin }, rules: rulesWith(options), settings: { [RULE_PREFIX]: settings } }],
  });
  const nonDefault = {
    'column-name-snake-case': { allow: ['externalID', 'users.fullName', 'public.users.isAdmin'] },
    'index-foreign-keys': { indexName: 'idx_{table}__{columns}', countPartialIndexes: true, dialects: ['pg', 'sqlite'] },
    'prefer-shared-helpers': {
      helpers: [
        { name: 'createdAt', module: './shared/columns.ts', body: "timestamp('created_at', { precision: 3 }).defaultNow()" },
        { name: 'ownerColumn', module: '@acme/db/columns', body: '(name: string) => uuid(name).notNull()', dialect: 'pg' },
        { name: 'mysqlId', module: '@acme/db/mysql', body: "varchar('id', { length: 36 }).primaryKey()", dialect: 'mysql' },
        { name: 'sqliteTitle', module: '../sqlite-columns', body: "text('title').notNull()", dialect: 'sqlite' },
      ],
    },
    'timestamp-precision': { precision: 6, mode: 'string', withTimezone: 'always' },
    'uuid-primary-key': { allowTables: ['jobs', 'career.jobs', 'billing_accounts_0_0'] },
    'no-set-null-on-required': { dialects: ['pg', 'sqlite'] },
    'require-foreign-key': { ignoreColumns: ['^external_', '^posts\\.legacy_id$'], ignoreTables: ['career.jobs', 'audit_log'], allowPolymorphic: false, reportUnresolved: false },
    'require-timestamps': {
      createdAt: { names: ['created_at', 'inserted_at'], helper: 'createdAtColumn' },
      updatedAt: { names: ['updated_at', 'modified_at'] },
      ignoreTables: ['events_users', 'career.application_stages'],
    },
  } as const;
  const otherNonDefault = {
    'index-foreign-keys': { indexName: 'fk_index', countPartialIndexes: false, dialects: ['mysql'] },
    'timestamp-precision': { precision: 0, mode: 'date', withTimezone: 'never' },
    'no-set-null-on-required': { dialects: ['mysql'] },
    'require-foreign-key': { ignoreColumns: [], ignoreTables: [], allowPolymorphic: true },
    'require-timestamps': { createdAt: { names: ['createdAt'] }, updatedAt: { names: ['updatedAt'], helper: 'noSuchHelper' } },
  } as const;
  return [
    make('defaults, no settings', {}, {}),
    make('every option non-default, casing snake_case, autofix all, helper module', { casing: 'snake_case', autofix: 'all', helperModules: [helperModule] }, nonDefault),
    make('other non-default options, casing camelCase, autofix safe, helper module', { casing: 'camelCase', autofix: 'safe', helperModules: [helperModule] }, { ...nonDefault, ...otherNonDefault }),
    make('defaults, casing preserve, autofix all, helper module', { casing: 'preserve', autofix: 'all', helperModules: [helperModule] }, {}),
    make('defaults, casing snake_case, no helper module', { casing: 'snake_case' }, {}),
  ];
}
