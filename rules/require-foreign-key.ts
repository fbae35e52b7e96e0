import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { toCamelCase, toSnakeCase } from '../naming/casing.js';
import { createRule } from './utils/create-rule.js';
import { getColumnConstraints, getDrizzleTables, getFolderTables, type DrizzleColumn, type DrizzleTable, type FolderTable } from '../drizzle-model/index.js';
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

export type MessageIds = 'missingForeignKey' | 'missingForeignKeyInOtherFile' | 'missingForeignKeyNoTarget' | 'addReference';

/** Column types that hold keys of other tables by convention (uuid and integer families). */
const KEY_BUILDERS = new Set(['uuid', 'integer', 'int', 'bigint', 'smallint', 'mediumint', 'tinyint', 'int2', 'int4', 'int8']);
/** Calls that make the value in the database or in JavaScript: such a column is generated, not a reference. */
const GENERATED_LINKS = new Set(['$defaultFn', '$default', 'generatedAlwaysAs', 'generatedAlwaysAsIdentity', 'generatedByDefaultAsIdentity']);
const SOURCE_EXTENSION = /\.[cm]?[jt]sx?$/;
const ORPHANS =
  'Existing rows may point nowhere already: in the migration, add the constraint NOT VALID, delete or fix the orphans it would reject, then VALIDATE CONSTRAINT.';

/** The key of a table's one-column primary key, or null. */
function getPrimaryKey(table: DrizzleTable): string | null {
  const keys = table.indexes.filter((i) => i.kind === 'primaryKey');
  return keys.length === 1 && keys[0]!.columns.length === 1 ? keys[0]!.columns[0]! : null;
}

/** A table a column may refer to: of this file (`file` null) or of another schema file in its folder. */
type Target = Omit<FolderTable, 'file'> & { readonly file: string | null };

/**
 * The table `stem` names (`company` → `companies`), by DB name or variable name: a table of the file first, then one
 * of the other schema files in its folder (a schema split into a file per table); the column's own table never.
 */
function findTarget(candidates: readonly Target[], own: DrizzleTable, stem: string): Target | null {
  const forms = new Set(getNameForms(stem));
  const others = candidates.filter((t) => t.variableName !== null && (t.name !== own.name || t.schema !== own.schema || t.variableName !== own.variableName));
  return others.find((t) => t.name !== null && forms.has(t.name)) ?? others.find((t) => forms.has(toSnakeCase(t.variableName!))) ?? null;
}

/** True when the file imports `name` from `file` (a relative import of it), so a reference to it needs no new import. */
function isImportedFrom(program: TSESTree.Program, filename: string, name: string, file: string): boolean {
  const stripped = file.replace(SOURCE_EXTENSION, '');
  return program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      statement.importKind !== 'type' &&
      statement.source.value.startsWith('.') &&
      path.resolve(path.dirname(filename), statement.source.value).replace(SOURCE_EXTENSION, '') === stripped &&
      statement.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier && s.local.name === name && s.importKind !== 'type' &&
        (s.imported.type === AST_NODE_TYPES.Identifier ? s.imported.name : s.imported.value) === name),
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
            description: 'Whether a uuid or integer `*_id` column is also reported when no table the project model knows matches its name (off by default: ids of other systems such as `github_app_id` look the same).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingForeignKey:
        '{{table}}.{{column}} refers to {{target}} by its name but has no foreign key, so rows can point at {{target}} rows that do not exist. Add `{{reference}}`. ' +
        ORPHANS,
      missingForeignKeyInOtherFile:
        '{{table}}.{{column}} refers to {{target}} (in {{file}}) by its name but has no foreign key, so rows can point at {{target}} rows that do not exist. Import `{{variable}}` from {{file}} and add `{{reference}}`. ' +
        ORPHANS,
      missingForeignKeyNoTarget:
        '{{table}}.{{column}} looks like a reference to another table (`{{stem}}`) but has no foreign key. Add `.references(() => <table>.<primary key>)` for the table it refers to, or list it in `ignoreColumns` if it is not a reference. ' +
        ORPHANS,
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used through reportDatabaseChange's suggestMessageId
      addReference: 'Add `{{reference}}` to {{table}}.{{column}} (adds a constraint: generate a migration, and check for orphans first).',
    },
    defaultOptions: [{ ignoreColumns: [], ignoreTables: [], allowPolymorphic: true, reportUnresolved: false }],
  },
  create(context, [options]) {
    const ignoreColumns = (options.ignoreColumns ?? []).map((source) => new RegExp(source, 'u'));
    const ignoreTables = new Set(options.ignoreTables ?? []);
    const allowPolymorphic = options.allowPolymorphic ?? true;
    const reportUnresolved = options.reportUnresolved ?? false;

    const check = (candidates: readonly Target[], table: DrizzleTable, column: DrizzleColumn) => {
      const stem = getReferenceStem(column);
      if (stem === null) return;
      const label = getTableLabel(table);
      if (ignoreColumns.some((re) => re.test(column.dbName) || re.test(`${label}.${column.dbName}`))) return;
      if (allowPolymorphic && hasTypeColumn(table, stem)) return;
      if (column.chain.some((link) => GENERATED_LINKS.has(link.name)) || getColumnConstraints(table, column).hasDatabaseDefault) return;
      const found = findTarget(candidates, table, stem);
      // A table of another file counts for key-typed columns only: text ids named like a table elsewhere were other
      // systems' ids on real schemas (a GitLab `application_id` beside Dokploy's `application` table).
      const target = found && (found.file === null || KEY_BUILDERS.has(column.builder)) ? found : null;
      // Any column named after a known table counts; a key-typed one whose stem names no known table only when asked:
      // `github_app_id`, `kc_group_id` are ids of other systems as often as references to a table the model cannot see.
      if (!target && (!reportUnresolved || !KEY_BUILDERS.has(column.builder))) return;

      const data = { table: label, column: column.dbName, stem };
      if (!target?.primaryKey) {
        reportDatabaseChange(context, { node: column.property.key, messageId: 'missingForeignKeyNoTarget', data, suggestMessageId: 'addReference', fix: null });
        return;
      }
      const reference = `.references(() => ${target.variableName}.${target.primaryKey})`;
      const value = column.value;
      const filename = path.resolve(context.cwd, context.filename);
      const isBound = target.file === null || isImportedFrom(context.sourceCode.ast, filename, target.variableName!, target.file);
      const fix = isBound && value.type === AST_NODE_TYPES.CallExpression ? (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(value, reference) : null;
      const targetData = { ...data, target: getTableLabel(target), reference };
      if (target.file !== null && !isBound) {
        const file = `./${path.relative(path.dirname(filename), target.file).split(path.sep).join('/')}`;
        reportDatabaseChange(context, {
          node: column.property.key,
          messageId: 'missingForeignKeyInOtherFile',
          data: { ...targetData, file, variable: target.variableName },
          suggestMessageId: 'addReference',
          fix: null,
        });
        return;
      }
      reportDatabaseChange(context, {
        node: column.property.key,
        messageId: 'missingForeignKey',
        data: targetData,
        suggestMessageId: 'addReference',
        suggestData: { table: label, column: column.dbName, reference },
        fix,
      });
    };

    return {
      'Program:exit'() {
        const tables = getDrizzleTables(context);
        if (tables.length === 0) return;
        const own: Target[] = tables.map((t) => ({ file: null, name: t.name, schema: t.schema, variableName: t.variableName, primaryKey: getPrimaryKey(t) }));
        let candidates: readonly Target[] | null = null;
        // The folder's other schema files are read only when some column's stem names no table of this file.
        const getCandidates = (table: DrizzleTable, column: DrizzleColumn): readonly Target[] => {
          const stem = getReferenceStem(column);
          if (stem === null || findTarget(own, table, stem)) return own;
          return (candidates ??= [...own, ...getFolderTables(path.resolve(context.cwd, context.filename))]);
        };
        for (const table of tables) {
          if (ignoreTables.has(getTableLabel(table)) || (table.name !== null && ignoreTables.has(table.name))) continue;
          const referencing = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
          for (const column of table.columns) {
            if (!referencing.has(column.key)) check(getCandidates(table, column), table, column);
          }
        }
      },
    };
  },
});
