import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { createRule } from './utils/create-rule.js';
import { getTableLabel } from './utils/get-table-label.js';
import { getDrizzleTables, type DrizzleColumn, type DrizzleTable } from '../drizzle-model/index.js';
import { reportDatabaseChange } from './utils/report-database-change.js';
import { getDrizzleExportReference } from './uuid-primary-key/get-drizzle-export-reference.js';
import { getOutermostCall, getUuidKeyParts } from './uuid-primary-key/get-uuid-key-text.js';

export type Options = [{ allowTables?: string[] }];
export type MessageIds = 'missingDefault' | 'notUuid' | 'suggestUuid' | 'runtimeDefault' | 'suggestDefaultRandom';

const PG_CORE = 'drizzle-orm/pg-core';
/** Defaults computed by the application at insert time; drizzle-kit and raw SQL never see them. */
const RUNTIME_DEFAULTS = new Set(['$defaultFn', '$default']);
/** Defaults the database itself applies (`.default(sql\`gen_random_uuid()\`)` counts). */
const DATABASE_DEFAULTS = new Set(['defaultRandom', 'default']);

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
function getSwitchToUuidFix(context: Context, column: DrizzleColumn): TSESLint.ReportFixFunction | null {
  const { sourceCode } = context;
  const parts = getUuidKeyParts(sourceCode, column);
  if (!parts) return null;
  const builder = column.builderNode;
  return (fixer) => {
    let callee: string;
    const fixes: TSESLint.RuleFix[] = [];
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
      description: 'Require every Postgres primary key column to be `uuid(...).primaryKey().defaultRandom()`',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    defaultOptions: [{ allowTables: [] }],
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
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingDefault:
        'Primary key {{table}}.{{column}} is a uuid without a database default. Add `.defaultRandom()` so Postgres generates it (gen_random_uuid()) and inserts need not mint ids.',
      notUuid:
        'Primary key {{table}}.{{column}} is `{{builder}}`, not uuid. The standard key is `uuid(...).primaryKey().defaultRandom()`; switching is a data migration (add a uuid column, backfill, repoint foreign keys, swap), so it is never autofixed. Plan the migration, or list the table in `allowTables`.',
      suggestUuid: 'Switch {{table}}.{{column}} to `uuid(...).primaryKey().defaultRandom()` (requires a data migration of existing rows and foreign keys).',
      runtimeDefault:
        'Primary key {{table}}.{{column}} gets its uuid from `.{{method}}()`, which runs only in the application: drizzle-kit, the database and raw SQL inserts see no default. Use `.defaultRandom()` instead.',
      // Used through reportDatabaseChange's suggestMessageId, which the lint rule can't follow.
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      suggestDefaultRandom: 'Replace `.{{method}}(...)` with `.defaultRandom()` (a database default, gen_random_uuid()).',
    },
  },
  defaultOptions: [{ allowTables: [] }],
  create(context, [{ allowTables = [] }]) {
    const checkKey = (table: DrizzleTable, column: DrizzleColumn) => {
      const node = column.builderNode ?? column.helper!.call;
      const data = { table: getTableLabel(table), column: column.nameIsDynamic ? column.key : column.dbName };
      if (column.builder !== 'uuid') {
        const fix = getSwitchToUuidFix(context, column);
        context.report({
          node,
          messageId: 'notUuid',
          data: { table: data.table, column: data.column, builder: column.builder },
          suggest: fix ? [{ messageId: 'suggestUuid', data, fix }] : [],
        });
        return;
      }
      // A key that references another table (a one-to-one extension such as `profiles.id → users.id`)
      // takes its value from the parent row: only its type is the standard's concern.
      if (column.chain.some((link) => link.name === 'references')) return;
      if (column.chain.some((link) => DATABASE_DEFAULTS.has(link.name))) return;
      const runtime = column.chain.find((link) => RUNTIME_DEFAULTS.has(link.name));
      if (runtime) {
        const call = runtime.node;
        const property = call && (call.callee as TSESTree.MemberExpression).property;
        reportDatabaseChange(context, {
          node,
          messageId: 'runtimeDefault',
          data: { table: data.table, column: data.column, method: runtime.name },
          suggestMessageId: 'suggestDefaultRandom',
          fix: call && property ? (fixer) => fixer.replaceTextRange([property.range[0], call.range[1]], 'defaultRandom()') : null,
        });
        return;
      }
      const primaryKey = column.chain.find((link) => link.name === 'primaryKey')?.node;
      const after = primaryKey ?? getOutermostCall(column);
      context.report({ node, messageId: 'missingDefault', data, fix: (fixer) => fixer.insertTextAfter(after, '.defaultRandom()') });
    };

    return {
      'Program:exit'() {
        for (const table of getDrizzleTables(context)) {
          if (table.dialect !== 'pg' || isAllowed(table, allowTables)) continue;
          for (const column of table.columns) {
            if (column.chain.some((link) => link.name === 'primaryKey')) checkKey(table, column);
          }
        }
      },
    };
  },
});
