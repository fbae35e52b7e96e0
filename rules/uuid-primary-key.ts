import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { createRule } from './utils/create-rule.js';
import { getTableLabel } from './utils/get-table-label.js';
import { getDrizzleTables, type DrizzleColumn, type DrizzleTable } from '../drizzle-model/index.js';
import { reportDatabaseChange } from './utils/report-database-change.js';
import { getDrizzleExportReference } from './uuid-primary-key/get-drizzle-export-reference.js';
import { DEFAULT_TEXT, getDefaultCall } from './uuid-primary-key/get-default-call.js';
import { getKeyDefaultKind, type KeyDefault } from './uuid-primary-key/get-key-default-kind.js';
import { getOutermostCall, getUuidKeyParts } from './uuid-primary-key/get-uuid-key-text.js';

export type Options = [{ allowTables?: string[]; defaults?: KeyDefault[] }];
export type MessageIds =
  | 'missingDefault'
  | 'notUuid'
  | 'suggestUuid'
  | 'runtimeDefault'
  | 'suggestDefaultRandom'
  | 'disallowedDefault'
  | 'suggestDefault';

const PG_CORE = 'drizzle-orm/pg-core';
const KEY_DEFAULTS: readonly KeyDefault[] = ['random', 'v7', 'v7-app'];

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

function isAllowed(table: DrizzleTable, allowTables: readonly string[]): boolean {
  if (table.name === null) return false;
  return allowTables.includes(table.name) || (table.schema !== null && allowTables.includes(`${table.schema}.${table.name}`));
}

/** The import specifier of the builder a local `serial(...)` call uses, when this call is its only use. */
function getSoleUseSpecifier(sourceCode: Readonly<TSESLint.SourceCode>, builder: TSESTree.CallExpression): TSESTree.ImportSpecifier | null {
  if (builder.callee.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(builder.callee), builder.callee);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'ImportBinding' || def.node.type !== AST_NODE_TYPES.ImportSpecifier) return null;
  if ((def.parent as TSESTree.ImportDeclaration).source.value !== PG_CORE) return null;
  return variable.references.length === 1 ? def.node : null;
}

/** The suggestion fix that rebuilds a non-uuid key as a uuid key, or null when it can't be written from here. */
function getSwitchToUuidFix(context: Context, column: DrizzleColumn, kind: KeyDefault): TSESLint.ReportFixFunction | null {
  const { sourceCode } = context;
  const check = getUuidKeyParts(sourceCode, column, '');
  if (!check) return null;
  const builder = column.builderNode;
  return (fixer) => {
    let callee: string;
    const defaultCall = getDefaultCall(sourceCode, fixer, kind, check.replaced);
    const parts = getUuidKeyParts(sourceCode, column, defaultCall?.text ?? '')!;
    const fixes: TSESLint.RuleFix[] = [...(defaultCall?.fixes ?? [])];
    if (builder?.callee.type === AST_NODE_TYPES.MemberExpression) {
      // `t.serial()` in a columns callback or `pg.serial()` through a namespace import.
      callee = `${sourceCode.getText(builder.callee.object)}.uuid`;
    } else {
      const reference = getDrizzleExportReference(sourceCode, fixer, {
        source: PG_CORE,
        exportName: 'uuid',
        at: parts.replaced,
        replacing: builder ? getSoleUseSpecifier(sourceCode, builder) : null,
      });
      callee = reference.text;
      fixes.push(...reference.fixes);
    }
    fixes.push(fixer.replaceText(parts.replaced, `${callee}(${parts.nameArgument ?? ''})${parts.links}`));
    return fixes;
  };
}

export default createRule<Options, MessageIds>({
  name: 'uuid-primary-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every Postgres primary key column to be a uuid with a default (`uuid(...).primaryKey().defaultRandom()`)',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    defaultOptions: [{ allowTables: [], defaults: ['random'] }],
    schema: [
      {
        type: 'object',
        description: 'Options for uuid-primary-key.',
        properties: {
          allowTables: {
            type: 'array',
            description: 'Database table names (`jobs`, or schema-qualified `career.jobs`) whose primary key is not checked.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          defaults: {
            type: 'array',
            description:
              'The key defaults the project accepts; the first is the one fixes add. `random`: `.defaultRandom()` (uuid v4 from Postgres, gen_random_uuid()); `v7`: `` .default(sql`uuidv7()`) `` (uuid v7 from Postgres 18 or pg_uuidv7); `v7-app`: `.$defaultFn(() => uuidv7())` (uuid v7 minted by the application, never written by a fix).',
            items: { type: 'string', enum: [...KEY_DEFAULTS] },
            minItems: 1,
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingDefault:
        'Primary key {{table}}.{{column}} is a uuid without a default. Add `{{expected}}` so every insert gets an id without minting one.',
      notUuid:
        'Primary key {{table}}.{{column}} is `{{builder}}`, not uuid. The standard key is `uuid(...).primaryKey(){{expected}}`; switching is a data migration (add a uuid column, backfill, repoint foreign keys, swap), so it is never autofixed. Plan the migration, or list the table in `allowTables`.',
      suggestUuid: 'Switch {{table}}.{{column}} to `uuid(...).primaryKey(){{expected}}` (requires a data migration of existing rows and foreign keys).',
      runtimeDefault:
        'Primary key {{table}}.{{column}} gets its uuid from `.{{method}}()`, which runs only in the application: drizzle-kit, the database and raw SQL inserts see no default. Use `{{expected}}` instead.',
      // Used through reportDatabaseChange's suggestMessageId, which the lint rule can't follow.
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      suggestDefaultRandom: 'Replace `.{{method}}(...)` with `{{expected}}` (a database default).',
      disallowedDefault:
        'Primary key {{table}}.{{column}} defaults to `{{actual}}`, which is not one of the key defaults this project accepts ({{allowed}}, the `defaults` option). Use `{{expected}}`.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used through reportDatabaseChange's suggestMessageId
      suggestDefault: 'Replace `{{actual}}` with `{{expected}}` (changes the column default: generate a migration).',
    },
  },
  defaultOptions: [{ allowTables: [], defaults: ['random'] }],
  create(context, [{ allowTables = [], defaults = ['random' as const] }]) {
    const { sourceCode } = context;
    const allowed = new Set<KeyDefault>(defaults);
    const preferred = defaults[0] ?? 'random';
    // Fixes write the preferred default, unless the application mints it (which package does is the project's choice).
    const databaseDefault = preferred === 'v7-app' ? null : preferred;
    const expected = DEFAULT_TEXT[preferred];
    const allowedText = defaults.map((d) => `\`${DEFAULT_TEXT[d]}\``).join(', ');

    const checkKey = (table: DrizzleTable, column: DrizzleColumn) => {
      const node = column.builderNode ?? column.helper!.call;
      const data = { table: getTableLabel(table), column: column.nameIsDynamic ? column.key : column.dbName, expected };
      if (column.builder !== 'uuid') {
        const fix = getSwitchToUuidFix(context, column, preferred);
        context.report({
          node,
          messageId: 'notUuid',
          data: { table: data.table, column: data.column, expected, builder: column.builder },
          suggest: fix ? [{ messageId: 'suggestUuid', data, fix }] : [],
        });
        return;
      }
      // A key that references another table (a one-to-one extension such as `profiles.id → users.id`)
      // takes its value from the parent row: only its type is the standard's concern.
      if (column.chain.some((link) => link.name === 'references')) return;
      const defaultLinks = column.chain.flatMap((link) => {
        const kind = getKeyDefaultKind(link);
        return kind === null ? [] : [{ link, kind }];
      });
      // Any accepted default is enough; so is a database default the rule can't classify (`.default(sql\`f()\`)`).
      if (defaultLinks.some(({ kind }) => kind === 'other-database' || (kind !== 'other-app' && allowed.has(kind)))) return;
      const replaceWith = (call: TSESTree.CallExpression | null): TSESLint.ReportFixFunction | null => {
        const property = call && (call.callee as TSESTree.MemberExpression).property;
        if (!call || !property || databaseDefault === null) return null;
        return (fixer) => {
          const replacement = getDefaultCall(sourceCode, fixer, databaseDefault, call)!;
          return [...replacement.fixes, fixer.replaceTextRange([property.range[0], call.range[1]], replacement.text.slice(1))];
        };
      };
      const recognized = defaultLinks.find(({ kind }) => kind !== 'other-app');
      if (recognized) {
        const call = recognized.link.node;
        const actual = call ? `.${sourceCode.text.slice((call.callee as TSESTree.MemberExpression).property.range[0], call.range[1])}` : `.${recognized.link.name}(...)`;
        reportDatabaseChange(context, {
          node,
          messageId: 'disallowedDefault',
          data: { ...data, actual, allowed: allowedText },
          suggestMessageId: 'suggestDefault',
          fix: replaceWith(recognized.link.node),
        });
        return;
      }
      const runtime = defaultLinks[0]?.link;
      if (runtime) {
        reportDatabaseChange(context, {
          node,
          messageId: 'runtimeDefault',
          data: { ...data, method: runtime.name },
          suggestMessageId: 'suggestDefaultRandom',
          fix: replaceWith(runtime.node),
        });
        return;
      }
      const primaryKey = column.chain.find((link) => link.name === 'primaryKey')?.node;
      const after = primaryKey ?? getOutermostCall(column);
      context.report({
        node,
        messageId: 'missingDefault',
        data,
        fix:
          databaseDefault === null
            ? null
            : (fixer) => {
                const call = getDefaultCall(sourceCode, fixer, databaseDefault, after)!;
                return [...call.fixes, fixer.insertTextAfter(after, call.text)];
              },
      });
    };

    /** Columns that are the table's whole primary key: `.primaryKey()`, or the only column of `primaryKey(...)` in the extra config. */
    const getKeyColumns = (table: DrizzleTable): DrizzleColumn[] => {
      const keys = new Set(table.columns.filter((c) => c.chain.some((link) => link.name === 'primaryKey')));
      for (const index of table.indexes) {
        if (index.kind !== 'primaryKey' || index.source !== 'extraConfig' || index.columns.length !== 1) continue;
        const column = table.columns.find((c) => c.key === index.columns[0]);
        if (column) keys.add(column);
      }
      return [...keys];
    };

    return {
      'Program:exit'() {
        for (const table of getDrizzleTables(context)) {
          if (table.dialect !== 'pg' || isAllowed(table, allowTables)) continue;
          for (const column of getKeyColumns(table)) checkKey(table, column);
        }
      },
    };
  },
});
