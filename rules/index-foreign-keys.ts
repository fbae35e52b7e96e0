import type { TSESLint } from '@typescript-eslint/utils';
import { applyCasing, isSnakeCase, toSnakeCase } from '../naming/casing.js';
import { getSettings } from '../drizzle-model/settings.js';
import { createRule } from './utils/create-rule.js';
import { getDrizzleTables, type Dialect, type DrizzleForeignKey, type DrizzleTable } from '../drizzle-model/index.js';
import { getTableLabel } from './utils/get-table-label.js';
import { reportDatabaseChange } from './utils/report-database-change.js';
import { fixAddIndexes, getIndexCall, getNewParamName, type NewIndex } from './index-foreign-keys/fix-add-index.js';
import { formatIndexName } from './index-foreign-keys/format-index-name.js';
import { getIndexReference, type IndexReference } from './index-foreign-keys/get-index-reference.js';
import { isForeignKeyCovered } from './index-foreign-keys/is-foreign-key-covered.js';
import { getForeignKeyReportNode } from './utils/get-foreign-key-report-node.js';

export type Options = [
  {
    indexName?: string;
    countPartialIndexes?: boolean;
    dialects?: Dialect[];
  },
];

export type MessageIds = 'missingIndex' | 'addIndex';

/** Where to report: the `references` of an inline FK, the `foreignKey(...)` entry, or the column built by a helper. */

/** The name a column has once column-name-snake-case has renamed it: its snake_case form, when it has one. */
function getFinalName(dbName: string): string {
  const snake = toSnakeCase(dbName);
  return isSnakeCase(snake) ? snake : dbName;
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
            description:
              "Name template of a suggested index: `{table}` is the table's DB name, `{columns}` the FK's DB column names in snake_case (the names column-name-snake-case gives them) joined by `_`.",
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
    const fixAll = getSettings(context).autofix === 'all';

    interface Missing {
      readonly table: DrizzleTable;
      readonly foreignKey: DrizzleForeignKey;
      readonly dbNames: readonly string[];
      readonly item: NewIndex;
    }

    return {
      'Program:exit'() {
        const tables = getDrizzleTables(context);
        const takenNames = new Set(tables.flatMap((t) => t.indexes.flatMap((i) => (i.name === null ? [] : [i.name]))));
        const missing: Missing[] = [];
        for (const table of tables) {
          if (!dialects.has(table.dialect)) continue;
          const seen = new Set<string>();
          for (const foreignKey of table.foreignKeys) {
            const id = foreignKey.columns.join('\0');
            if (seen.has(id)) continue;
            seen.add(id);
            if (isForeignKeyCovered(foreignKey, table.indexes, countPartialIndexes)) continue;
            const dbNames = foreignKey.columns.map((key) => table.columns.find((c) => c.key === key)?.dbName ?? applyCasing(key, table.casing));
            const name = getUniqueName(formatIndexName(template, table.name ?? table.variableName ?? 'table', dbNames.map(getFinalName)), takenNames);
            takenNames.add(name);
            missing.push({ table, foreignKey, dbNames, item: { keys: foreignKey.columns, name } });
          }
        }
        if (missing.length === 0) return;

        // One `index` reference (and import edit) per dialect, shared by every table of the file.
        const references = new Map<string, IndexReference | null>();
        const getReference = (table: DrizzleTable) => {
          if (!references.has(table.dialect)) references.set(table.dialect, getIndexReference(sourceCode, table.dialect));
          return references.get(table.dialect)!;
        };
        const getQuote = (table: DrizzleTable) => (table.nameNode?.raw.startsWith('"') ? '"' : "'");
        const getAdded = (table: DrizzleTable, items: readonly NewIndex[]) => {
          const reference = getReference(table);
          return table.name !== null && reference ? fixAddIndexes(sourceCode, table, items, reference, getQuote(table)) : null;
        };
        const withImports = (fixes: readonly ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[])[], dialectsUsed: ReadonlySet<string>): TSESLint.ReportFixFunction =>
          (fixer) => [
            ...[...dialectsUsed].flatMap((dialect) => {
              const fixImport = references.get(dialect)?.fixImport;
              return fixImport ? [fixImport(fixer)] : [];
            }),
            ...fixes.flatMap((fix) => fix(fixer)),
          ];

        // With autofix 'all', the file's first report carries one fix that adds every missing index of the file
        // (ESLint applies one fix per range per pass: one edit per index would take a pass each).
        let fileFix: TSESLint.ReportFixFunction | null = null;
        if (fixAll) {
          const fixes: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[])[] = [];
          const used = new Set<string>();
          for (const table of new Set(missing.map((m) => m.table))) {
            const added = getAdded(table, missing.filter((m) => m.table === table).map((m) => m.item));
            if (!added) continue;
            fixes.push(added.fix);
            used.add(table.dialect);
          }
          if (fixes.length > 0) fileFix = withImports(fixes, used);
        }

        missing.forEach(({ table, foreignKey, dbNames, item }) => {
          const added = getAdded(table, [item]);
          const fallback = getReference(table) ?? { callee: 'index', fixImport: null };
          const index =
            added?.texts[0] ?? getIndexCall(fallback, item.name, table.extraConfig?.param ?? getNewParamName(fallback), item.keys, getQuote(table));
          const data = { table: getTableLabel(table), columns: dbNames.length === 1 ? dbNames[0]! : `(${dbNames.join(', ')})`, index };
          let fix: TSESLint.ReportFixFunction | null = null;
          if (fixAll) {
            fix = fileFix;
            fileFix = null;
          } else if (added) {
            fix = withImports([added.fix], new Set([table.dialect]));
          }
          reportDatabaseChange(context, { node: getForeignKeyReportNode(foreignKey), messageId: 'missingIndex', data, suggestMessageId: 'addIndex', fix });
        });
      },
    };
  },
});
