import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { applyCasing } from '../naming/casing.js';
import { createRule } from './utils/create-rule.js';
import { getDrizzleTables, type Dialect, type DrizzleForeignKey, type DrizzleTable } from '../drizzle-model/index.js';
import { getTableLabel } from './utils/get-table-label.js';
import { reportDatabaseChange } from './utils/report-database-change.js';
import { fixAddIndex, getIndexCall, getNewParamName } from './index-foreign-keys/fix-add-index.js';
import { formatIndexName } from './index-foreign-keys/format-index-name.js';
import { getIndexReference } from './index-foreign-keys/get-index-reference.js';
import { isForeignKeyCovered } from './index-foreign-keys/is-foreign-key-covered.js';

export type Options = [
  {
    indexName?: string;
    countPartialIndexes?: boolean;
    dialects?: Dialect[];
  },
];

export type MessageIds = 'missingIndex' | 'addIndex';

/** Where to report: the `references` of an inline FK, the `foreignKey(...)` entry, or the column built by a helper. */
function getReportNode(foreignKey: DrizzleForeignKey): TSESTree.Node {
  const { node } = foreignKey;
  if (
    foreignKey.source === 'column' &&
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    node.callee.property.name === 'references'
  ) {
    return node.callee.property;
  }
  return node;
}

/** A name no index in the file uses yet: the template's result, else with `_2`, `_3`, … appended. */
function getUniqueName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${name}_${n}`;
  return candidate;
}

export default createRule<Options, MessageIds>({
  name: 'index-foreign-keys',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an index that starts with the columns of every foreign key',
      recommended: 'recommended',
    },
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- reportDatabaseChange makes the suggestions
    hasSuggestions: true,
    // Only with settings['drizzle-schema'].autofix = 'all' (a new index changes the database).
    fixable: 'code',
    schema: [
      {
        type: 'object',
        description: 'How foreign keys are checked and how suggested indexes are named.',
        properties: {
          indexName: {
            type: 'string',
            minLength: 1,
            description: "Name template of a suggested index: `{table}` is the table's DB name, `{columns}` the FK's DB column names joined by `_`.",
          },
          countPartialIndexes: {
            type: 'boolean',
            description: 'Whether a partial index (`.where(...)`) covers a foreign key.',
          },
          dialects: {
            type: 'array',
            items: { type: 'string', enum: ['pg', 'mysql', 'sqlite'] },
            uniqueItems: true,
            description: 'Dialects whose tables are checked (MySQL InnoDB creates FK indexes implicitly; see the docs).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingIndex:
        'Foreign key {{table}}.{{columns}} has no index: no index, unique constraint or primary key of {{table}} starts with its columns, so joins and cascading deletes scan the table. Add `{{index}}` to the table (a migration creates it).',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used through reportDatabaseChange's suggestMessageId
      addIndex: 'Add `{{index}}` to {{table}} (creates an index: generate a migration).',
    },
    defaultOptions: [{ indexName: '{table}_{columns}_idx', countPartialIndexes: false, dialects: ['pg', 'mysql', 'sqlite'] }],
  },
  create(context, [options]) {
    const template = options.indexName ?? '{table}_{columns}_idx';
    const countPartialIndexes = options.countPartialIndexes ?? false;
    const dialects = new Set(options.dialects ?? ['pg', 'mysql', 'sqlite']);
    const { sourceCode } = context;

    const check = (table: DrizzleTable, foreignKey: DrizzleForeignKey, takenNames: ReadonlySet<string>) => {
      const dbNames = foreignKey.columns.map((key) => table.columns.find((c) => c.key === key)?.dbName ?? applyCasing(key, table.casing));
      const name = getUniqueName(formatIndexName(template, table.name ?? table.variableName ?? 'table', dbNames), takenNames);
      const quote = table.nameNode?.raw.startsWith('"') ? '"' : "'";
      const reference = getIndexReference(sourceCode, table.dialect);
      const added = table.name !== null && reference ? fixAddIndex(sourceCode, table, foreignKey.columns, name, reference, quote) : null;
      const fallback = reference ?? { callee: 'index', fixImport: null };
      const index =
        added?.text ?? getIndexCall(fallback, name, table.extraConfig?.param ?? getNewParamName(fallback), foreignKey.columns, quote);
      const data = { table: getTableLabel(table), columns: dbNames.length === 1 ? dbNames[0]! : `(${dbNames.join(', ')})`, index };
      reportDatabaseChange(context, {
        node: getReportNode(foreignKey),
        messageId: 'missingIndex',
        data,
        suggestMessageId: 'addIndex',
        fix: added?.fix ?? null,
      });
    };

    return {
      'Program:exit'() {
        const tables = getDrizzleTables(context);
        const takenNames = new Set(tables.flatMap((t) => t.indexes.flatMap((i) => (i.name === null ? [] : [i.name]))));
        for (const table of tables) {
          if (!dialects.has(table.dialect)) continue;
          const seen = new Set<string>();
          for (const foreignKey of table.foreignKeys) {
            const id = foreignKey.columns.join('\0');
            if (seen.has(id)) continue;
            seen.add(id);
            if (!isForeignKeyCovered(foreignKey, table.indexes, countPartialIndexes)) check(table, foreignKey, takenNames);
          }
        }
      },
    };
  },
});
