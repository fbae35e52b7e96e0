import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { toCamelCase } from '../naming/casing.js';
import { createRule } from './utils/create-rule.js';
import { getDrizzleTables, type DrizzleTable } from '../drizzle-model/index.js';
import { getSettings } from '../drizzle-model/settings.js';
import { fixInsertListItem } from './utils/fix-insert-list-item.js';
import { getTableLabel } from './utils/get-table-label.js';
import { reportDatabaseChange } from './utils/report-database-change.js';
import { getSharedHelpers, type SharedHelper } from './prefer-shared-helpers/get-shared-helpers.js';
import { getTimestampColumn } from './require-timestamps/get-timestamp-column.js';

interface TimestampOption {
  names?: string[];
  helper?: string;
}

export type Options = [
  {
    createdAt?: TimestampOption;
    updatedAt?: TimestampOption;
    ignoreTables?: string[];
  },
];

export type MessageIds = 'missingTimestamps' | 'addTimestamps';

const timestampSchema = (what: string, name: string) => ({
  type: 'object' as const,
  description: `How the ${what} column is recognized and added.`,
  properties: {
    names: {
      type: 'array' as const,
      items: { type: 'string' as const, minLength: 1 },
      minItems: 1,
      uniqueItems: true,
      description: `Database names that count as the ${what} column; the first is the one a suggestion adds (default \`['${name}']\`).`,
    },
    helper: {
      type: 'string' as const,
      minLength: 1,
      description: `The exported helper of settings['drizzle-schema'].helperModules that a suggestion calls (default: the helper whose column is named like the first name).`,
    },
  },
  additionalProperties: false as const,
});

/** A helper without required parameters whose body names the column `name`, or the one the option names. */
function findHelper(helpers: readonly SharedHelper[], name: string, helperName: string | undefined): SharedHelper | null {
  if (helperName !== undefined) return helpers.find((h) => h.name === helperName) ?? null;
  return (
    helpers.find(
      (h) =>
        h.definition.chain.name?.kind === 'literal' &&
        h.definition.chain.name.value === name &&
        h.definition.params.every((p) => p.defaultValue !== null),
    ) ?? null
  );
}

export default createRule<Options, MessageIds>({
  name: 'require-timestamps',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a created-at and an updated-at column in every table',
      recommended: 'strict',
    },
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- reportDatabaseChange makes the suggestions
    hasSuggestions: true,
    // Only with settings['drizzle-schema'].autofix = 'all' (new columns change the database).
    fixable: 'code',
    schema: [
      {
        type: 'object',
        description: 'Which columns count as timestamps and which tables need them.',
        properties: {
          createdAt: timestampSchema('created-at', 'created_at'),
          updatedAt: timestampSchema('updated-at', 'updated_at'),
          ignoreTables: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Tables that need no timestamps, by DB name (`events_users`) or schema-qualified (`career.events_users`).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingTimestamps: '{{table}} has no {{missing}} column: every table with data records when each row was created and last updated. Add {{columns}}.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used through reportDatabaseChange's suggestMessageId
      addTimestamps: 'Add {{columns}} to {{table}} (adds columns: generate a migration).',
    },
    defaultOptions: [{ ignoreTables: [] }],
  },
  create(context, [options]) {
    const wanted = [
      { option: options.createdAt, fallback: 'created_at' },
      { option: options.updatedAt, fallback: 'updated_at' },
    ].map(({ option, fallback }) => ({ names: option?.names ?? [fallback], helperName: option?.helper }));
    const ignored = new Set(options.ignoreTables ?? []);
    const { sourceCode } = context;

    const check = (table: DrizzleTable, helpers: readonly SharedHelper[]) => {
      const { columnsNode } = table;
      // A spread the project model resolved contributes its columns; an unresolved spread or a computed entry may
      // hold the timestamps: then the table is not judged.
      const resolvedSpreads = new Set<object>(table.spreadColumns.map((column) => column.spread.node));
      if (!columnsNode || table.opaque.some((entry) => !resolvedSpreads.has(entry.node))) return;
      if (ignored.has(getTableLabel(table)) || (table.name !== null && ignored.has(table.name))) return;
      const present = [...table.columns, ...table.spreadColumns];
      const missing = wanted.filter(({ names }) => !present.some((c) => !c.nameIsDynamic && names.includes(c.dbName)));
      if (missing.length === 0) return;

      const quote = table.nameNode?.raw.startsWith('"') ? '"' : "'";
      const keys = new Set(table.columns.map((c) => c.key));
      const additions = missing.map(({ names, helperName }) => {
        const name = names[0]!;
        const helper = findHelper(helpers.filter((h) => h.definition.chain.dialect === table.dialect), name, helperName);
        const key = toCamelCase(name) || name;
        const build = keys.has(key) || !/^[A-Za-z_$][\w$]*$/.test(key)
          ? null
          : getTimestampColumn(context, { dialect: table.dialect, name, helper, at: columnsNode, quote });
        return { name, key, helper, build };
      });
      const columns = additions.map(({ key, name, helper }) => `\`${key}: ${helper ? `${helper.name}()` : `timestamp('${name}', …)`}\``).join(' and ');
      const data = { table: getTableLabel(table), missing: additions.map((a) => a.name).join(' or '), columns };
      const list = {
        items: columnsNode.properties,
        opening: sourceCode.getFirstToken(columnsNode)!,
        closing: sourceCode.getLastToken(columnsNode)!,
        padded: true,
      };
      const fix: TSESLint.ReportFixFunction | null = additions.every((a) => a.build)
        ? (fixer) => {
            const built = additions.map((a) => ({ key: a.key, ...a.build!(fixer) }));
            const seen = new Set<string>();
            const imports = built.flatMap((b) => b.fixes).filter((f) => {
              const id = `${f.range.join(':')}:${f.text}`;
              if (seen.has(id)) return false;
              seen.add(id);
              return true;
            });
            const text = built.map((b) => `${b.key}: ${b.text}`).join(`,${columnsNode.loc.start.line === columnsNode.loc.end.line ? ' ' : '\n'}`);
            return [...imports, insertColumns(fixer, text)];
          }
        : null;
      const insertColumns = (fixer: TSESLint.RuleFixer, text: string) => {
        if (columnsNode.loc.start.line === columnsNode.loc.end.line || columnsNode.properties.length === 0) {
          return fixInsertListItem(fixer, sourceCode, list, columnsNode.properties.length, text);
        }
        // One column per line: each new column gets its own line with the last column's indentation.
        const indent = /^\s*/.exec(sourceCode.lines[columnsNode.properties.at(-1)!.loc.start.line - 1] ?? '')![0];
        return fixInsertListItem(fixer, sourceCode, list, columnsNode.properties.length, text.replaceAll('\n', `\n${indent}`));
      };
      const node = table.nameNode ?? (table.node.callee.type === AST_NODE_TYPES.MemberExpression ? table.node.callee.property : table.node.callee);
      reportDatabaseChange(context, { node, messageId: 'missingTimestamps', data, suggestMessageId: 'addTimestamps', fix });
    };

    return {
      'Program:exit'() {
        const tables = getDrizzleTables(context);
        if (tables.length === 0) return;
        const helpers = getSharedHelpers(context, getSettings(context).helperModules, []);
        for (const table of tables) check(table, helpers);
      },
    };
  },
});
