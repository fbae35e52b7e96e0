import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from './utils/create-rule.js';
import {
  getColumnConstraints,
  getDrizzleTables,
  type Dialect,
  type DrizzleColumn,
  type DrizzleForeignKey,
  type DrizzleTable,
  type ForeignKeyAction,
  type NotNullSource,
} from '../drizzle-model/index.js';
import { getTableLabel } from './utils/get-table-label.js';
import { getForeignKeyReportNode } from './utils/get-foreign-key-report-node.js';

export type Options = [
  {
    dialects?: Dialect[];
  },
];

export type MessageIds = 'setNullOnRequired' | 'setDefaultWithoutDefault' | 'makeNullable' | 'useAction';

/** How a message says why the column is NOT NULL. */
function describeNotNull(source: NotNullSource, column: DrizzleColumn): string {
  const helper = column.helper ? ` (from \`${column.helper.name}()\`)` : '';
  switch (source.kind) {
    case 'notNull':
      return source.link.node ? '`.notNull()`' : `\`.notNull()\`${helper}`;
    case 'primaryKey':
      return source.link.node ? 'its `.primaryKey()`' : `its \`.primaryKey()\`${helper}`;
    case 'compositePrimaryKey':
      return "the table's `primaryKey({ columns })`";
    case 'serial':
      return `\`${column.builder}\``;
    case 'identity':
      return `its \`.${source.link.name}()\``;
  }
}

/** `x.notNull()` → `x`: removes the call from the chain. Null when the call is not in this file. */
function fixRemoveNotNull(source: NotNullSource): TSESLint.ReportFixFunction | null {
  if (source.kind !== 'notNull' || !source.link.node) return null;
  const call = source.link.node;
  if (call.callee.type !== 'MemberExpression') return null;
  const start = call.callee.object.range[1];
  return (fixer) => fixer.removeRange([start, call.range[1]]);
}

/** The action string replaced by `value`, keeping the literal's quote. */
function fixReplaceAction(action: ForeignKeyAction, value: string): TSESLint.ReportFixFunction | null {
  const node = action.node;
  if (!node) return null;
  const quote = node.raw.startsWith('"') ? '"' : "'";
  return (fixer) => fixer.replaceText(node, `${quote}${value}${quote}`);
}

const EVENTS = [
  { option: 'onDelete', verb: 'deleting' },
  { option: 'onUpdate', verb: "updating the key of" },
] as const;
const ALTERNATIVES = ['restrict', 'cascade'] as const;

export default createRule<Options, MessageIds>({
  name: 'no-set-null-on-required',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow `'set null'` (and `'set default'` without a default) referential actions on NOT NULL columns",
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        description: 'Which tables are checked.',
        properties: {
          dialects: {
            type: 'array',
            items: { type: 'string', enum: ['pg', 'mysql', 'sqlite'] },
            uniqueItems: true,
            description: 'Dialects whose tables are checked (all three enforce NOT NULL on a referential action; see the docs).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      setNullOnRequired:
        "{{table}}.{{column}} is NOT NULL ({{reason}}), but its foreign key says `{{option}}: '{{action}}'`: {{verb}} the referenced row fails at run time with a not-null violation. Make the column nullable, or choose another action.",
      setDefaultWithoutDefault:
        "{{table}}.{{column}} is NOT NULL ({{reason}}) and has no database default, but its foreign key says `{{option}}: 'set default'`: {{verb}} the referenced row writes NULL and fails at run time with a not-null violation. Give the column a default, make it nullable, or choose another action.",
      makeNullable: 'Remove `.notNull()` from {{table}}.{{column}} (changes the column: generate a migration).',
      useAction: "Use `{{option}}: '{{value}}'` instead (changes the constraint: generate a migration).",
    },
    defaultOptions: [{ dialects: ['pg', 'mysql', 'sqlite'] }],
  },
  create(context, [options]) {
    const dialects = new Set(options.dialects ?? ['pg', 'mysql', 'sqlite']);

    const check = (table: DrizzleTable, foreignKey: DrizzleForeignKey) => {
      for (const { option, verb } of EVENTS) {
        const action = foreignKey[option];
        if (action?.value !== 'set null' && action?.value !== 'set default') continue;
        for (const key of foreignKey.columns) {
          const column = table.columns.find((c) => c.key === key);
          if (!column) continue;
          const constraints = getColumnConstraints(table, column);
          if (!constraints.notNull) continue;
          if (action.value === 'set default' && constraints.hasDatabaseDefault) continue;
          const data = {
            table: getTableLabel(table),
            column: column.dbName,
            reason: describeNotNull(constraints.notNull, column),
            option,
            action: action.value,
            verb,
          };
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          const removeNotNull = fixRemoveNotNull(constraints.notNull);
          // With several columns, making one nullable leaves the others failing: only offered for one-column keys.
          if (removeNotNull && foreignKey.columns.length === 1) suggest.push({ messageId: 'makeNullable', data, fix: removeNotNull });
          for (const value of ALTERNATIVES) {
            const replace = fixReplaceAction(action, value);
            if (replace) suggest.push({ messageId: 'useAction', data: { option, value }, fix: replace });
          }
          const node: TSESTree.Node = action.node ?? getForeignKeyReportNode(foreignKey);
          context.report({
            node,
            messageId: action.value === 'set null' ? 'setNullOnRequired' : 'setDefaultWithoutDefault',
            data,
            suggest,
          });
        }
      }
    };

    return {
      'Program:exit'() {
        for (const table of getDrizzleTables(context)) {
          if (!dialects.has(table.dialect)) continue;
          for (const foreignKey of table.foreignKeys) check(table, foreignKey);
        }
      },
    };
  },
});
