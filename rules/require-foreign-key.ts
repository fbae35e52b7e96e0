import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { toCamelCase, toSnakeCase } from '../naming/casing.js';
import { createRule } from './utils/create-rule.js';
import { getColumnConstraints, getDrizzleTables, type DrizzleColumn, type DrizzleTable } from '../drizzle-model/index.js';
import { getTableLabel } from './utils/get-table-label.js';
import { reportDatabaseChange } from './utils/report-database-change.js';
import { getNameForms } from './require-foreign-key/get-name-forms.js';
import { getReferenceStem } from './require-foreign-key/get-reference-stem.js';

export type Options = [
  {
    ignoreColumns?: string[];
    ignoreTables?: string[];
    allowPolymorphic?: boolean;
    reportUnresolved?: boolean;
  },
];

export type MessageIds = 'missingForeignKey' | 'missingForeignKeyNoTarget' | 'addReference';

/** Column types that hold keys of other tables by convention (uuid and integer families). */
const KEY_BUILDERS = new Set(['uuid', 'integer', 'int', 'bigint', 'smallint', 'mediumint', 'tinyint', 'int2', 'int4', 'int8']);
/** Calls that make the value in the database or in JavaScript: such a column is generated, not a reference. */
const GENERATED_LINKS = new Set(['$defaultFn', '$default', 'generatedAlwaysAs', 'generatedAlwaysAsIdentity', 'generatedByDefaultAsIdentity']);
const ORPHANS =
  'Existing rows may point nowhere already: in the migration, add the constraint NOT VALID, delete or fix the orphans it would reject, then VALIDATE CONSTRAINT.';

/** The key of a table's one-column primary key, or null. */
function getPrimaryKey(table: DrizzleTable): string | null {
  const keys = table.indexes.filter((i) => i.kind === 'primaryKey');
  return keys.length === 1 && keys[0]!.columns.length === 1 ? keys[0]!.columns[0]! : null;
}

/** The table `stem` names (`company` → `companies`), by DB name or variable name; the column's own table never. */
function findTarget(tables: readonly DrizzleTable[], own: DrizzleTable, stem: string): DrizzleTable | null {
  const forms = new Set(getNameForms(stem));
  const candidates = tables.filter((t) => t !== own && t.variableName !== null);
  return (
    candidates.find((t) => t.name !== null && forms.has(t.name)) ??
    candidates.find((t) => forms.has(toSnakeCase(t.variableName!))) ??
    null
  );
}

/** A `*_type` (or `*Type`) column beside `*_id`: a polymorphic reference, which no foreign key can express. */
function hasTypeColumn(table: DrizzleTable, stem: string): boolean {
  return table.columns.some((c) => c.dbName === `${stem}_type` || c.key === `${toCamelCase(stem)}Type`);
}

export default createRule<Options, MessageIds>({
  name: 'require-foreign-key',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a foreign key on columns that refer to another table by name (`company_id`, `userId`)',
      recommended: 'strict',
    },
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- reportDatabaseChange makes the suggestions
    hasSuggestions: true,
    // Only with settings['drizzle-schema'].autofix = 'all' (a new constraint changes the database).
    fixable: 'code',
    schema: [
      {
        type: 'object',
        description: 'Which columns count as references.',
        properties: {
          ignoreColumns: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Regular expressions (unanchored) matched against the column\'s DB name and against `table.column`: matching columns are not references (`^external_`, `^stripe_`).',
          },
          ignoreTables: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Tables whose columns are not checked, by DB name or schema-qualified (`career.jobs`).',
          },
          allowPolymorphic: {
            type: 'boolean',
            description: 'Whether a `*_id` column with a `*_type` column beside it (a polymorphic reference) is exempt.',
          },
          reportUnresolved: {
            type: 'boolean',
            description: 'Whether a uuid or integer `*_id` column is reported when no table of the project matches its name (external ids such as `github_app_id` are the usual false positives).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingForeignKey:
        '{{table}}.{{column}} refers to {{target}} by its name but has no foreign key, so rows can point at {{target}} rows that do not exist. Add `{{reference}}`. ' +
        ORPHANS,
      missingForeignKeyNoTarget:
        '{{table}}.{{column}} looks like a reference to another table (`{{stem}}`) but has no foreign key. Add `.references(() => <table>.<primary key>)` for the table it refers to, or list it in `ignoreColumns` if it is not a reference. ' +
        ORPHANS,
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used through reportDatabaseChange's suggestMessageId
      addReference: 'Add `{{reference}}` to {{table}}.{{column}} (adds a constraint: generate a migration, and check for orphans first).',
    },
    defaultOptions: [{ ignoreColumns: [], ignoreTables: [], allowPolymorphic: true, reportUnresolved: true }],
  },
  create(context, [options]) {
    const ignoreColumns = (options.ignoreColumns ?? []).map((source) => new RegExp(source, 'u'));
    const ignoreTables = new Set(options.ignoreTables ?? []);
    const allowPolymorphic = options.allowPolymorphic ?? true;
    const reportUnresolved = options.reportUnresolved ?? true;

    const check = (tables: readonly DrizzleTable[], table: DrizzleTable, column: DrizzleColumn) => {
      const stem = getReferenceStem(column);
      if (stem === null) return;
      const label = getTableLabel(table);
      if (ignoreColumns.some((re) => re.test(column.dbName) || re.test(`${label}.${column.dbName}`))) return;
      if (allowPolymorphic && hasTypeColumn(table, stem)) return;
      if (column.chain.some((link) => GENERATED_LINKS.has(link.name)) || getColumnConstraints(table, column).hasDatabaseDefault) return;
      const target = findTarget(tables, table, stem);
      // Any column named after a table of the project counts; otherwise only key-typed ones.
      if (!target && (!reportUnresolved || !KEY_BUILDERS.has(column.builder))) return;

      const data = { table: label, column: column.dbName, stem };
      const primaryKey = target && getPrimaryKey(target);
      if (!target || !primaryKey) {
        reportDatabaseChange(context, { node: column.property.key, messageId: 'missingForeignKeyNoTarget', data, suggestMessageId: 'addReference', fix: null });
        return;
      }
      const reference = `.references(() => ${target.variableName}.${primaryKey})`;
      const value = column.value;
      reportDatabaseChange(context, {
        node: column.property.key,
        messageId: 'missingForeignKey',
        data: { ...data, target: getTableLabel(target), reference },
        suggestMessageId: 'addReference',
        suggestData: { table: label, column: column.dbName, reference },
        fix: value.type === AST_NODE_TYPES.CallExpression ? (fixer) => fixer.insertTextAfter(value, reference) : null,
      });
    };

    return {
      'Program:exit'() {
        const tables = getDrizzleTables(context);
        for (const table of tables) {
          if (ignoreTables.has(getTableLabel(table)) || (table.name !== null && ignoreTables.has(table.name))) continue;
          const referencing = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
          for (const column of table.columns) {
            if (!referencing.has(column.key)) check(tables, table, column);
          }
        }
      },
    };
  },
});
