import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { isSnakeCase, toSnakeCase } from '../naming/casing.js';
import { createRule } from './utils/create-rule.js';
import { getTableLabel } from './utils/get-table-label.js';
import { getDrizzleTables, type DrizzleColumn, type DrizzleTable } from '../drizzle-model/index.js';
import { reportDatabaseChange } from './utils/report-database-change.js';

export type Options = [{ allow?: string[] }];
export type MessageIds = 'notSnakeCase' | 'notSnakeCaseInHelper' | 'notSnakeCaseInSpread' | 'notSnakeCaseManual' | 'suggestRename';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** Where a column's name can be fixed in this file: the name string to replace, or the builder call to give one. */
type NameSite =
  | { readonly kind: 'string'; readonly node: TSESTree.StringLiteral | TSESTree.TemplateLiteral }
  | { readonly kind: 'nameless'; readonly builder: TSESTree.CallExpression }
  | { readonly kind: 'helper'; readonly call: TSESTree.CallExpression };

function getNameSite(column: DrizzleColumn): NameSite {
  if (column.nameNode) return { kind: 'string', node: column.nameNode };
  if (column.helper) return { kind: 'helper', call: column.helper.call };
  const builder = column.builderNode!;
  const first = builder.arguments[0];
  // A template literal without expressions is an explicit name too (the recognizer keeps no node for it).
  if (column.explicitName !== null && first?.type === AST_NODE_TYPES.TemplateLiteral) return { kind: 'string', node: first };
  return { kind: 'nameless', builder };
}

/** The quote character of the table's name string, so an inserted name matches the file's style. */
function getQuote(sourceCode: Readonly<TSESLint.SourceCode>, table: DrizzleTable): string {
  const first = table.nameNode ? sourceCode.getText(table.nameNode)[0] : undefined;
  return first === '"' ? '"' : "'";
}

function getFix(context: Context, table: DrizzleTable, site: NameSite, suggested: string): TSESLint.ReportFixFunction | null {
  const { sourceCode } = context;
  if (site.kind === 'string') {
    const quote = sourceCode.getText(site.node)[0]!;
    return (fixer) => fixer.replaceText(site.node, `${quote}${suggested}${quote}`);
  }
  if (site.kind === 'nameless') {
    const { builder } = site;
    const open = sourceCode.getTokenAfter(builder.typeArguments ?? builder.callee, ASTUtils.isOpeningParenToken);
    if (!open) return null;
    const quote = getQuote(sourceCode, table);
    const separator = builder.arguments.length > 0 ? ', ' : '';
    return (fixer) => fixer.insertTextAfter(open, `${quote}${suggested}${quote}${separator}`);
  }
  return null;
}

export default createRule<Options, MessageIds>({
  name: 'column-name-snake-case',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce snake_case database column names',
      recommended: 'recommended',
    },
    // Renames are suggestions; they become autofixes only with `settings['drizzle-schema'].autofix: 'all'`.
    fixable: 'code',
    // Suggestions are reported through reportDatabaseChange, which the lint rule can't follow.
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions
    hasSuggestions: true,
    defaultOptions: [{ allow: [] }],
    schema: [
      {
        type: 'object',
        description: 'Options for column-name-snake-case.',
        properties: {
          allow: {
            type: 'array',
            description:
              'Database column names to accept as they are: a column name (`externalID`), `table.column` or `schema.table.column`.',
            items: { type: 'string' },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      notSnakeCase:
        'Column {{table}}.{{column}} is not snake_case: name it "{{suggested}}". This renames the database column, so raw SQL, supabase-js calls and generated types must follow: `drizzle-schema rename --column {{table}}.{{column}}={{suggested}}` rewrites them and writes the migration.',
      notSnakeCaseInHelper:
        'Column {{table}}.{{column}} is not snake_case, and its name comes from the helper `{{helper}}()`, so it can\'t be changed at this call: change the helper so the column is named "{{suggested}}" (every table using it is renamed), then run `drizzle-schema rename --column {{table}}.{{column}}={{suggested}}` to update references and write the migration.',
      notSnakeCaseInSpread:
        'Column {{table}}.{{column}} is not snake_case, and it comes from the shared columns `{{spread}}` ({{module}}) spread into this table, so it can\'t be changed here: rename it to "{{suggested}}" in `{{spread}}` (every table that spreads it is renamed), then run `drizzle-schema rename --column {{table}}.{{column}}={{suggested}}` to update references and write the migration.',
      notSnakeCaseManual:
        'Column {{table}}.{{column}} is not snake_case and has no automatic snake_case form: choose a name (a lower-case letter first, then lower-case words joined by underscores) and rename it with `drizzle-schema rename --column {{table}}.{{column}}=<new_name>`.',
      // Used through reportDatabaseChange's suggestMessageId, which the lint rule can't follow.
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      suggestRename: 'Rename the database column {{table}}.{{column}} to "{{suggested}}" (references in SQL and supabase-js must follow).',
    },
  },
  defaultOptions: [{ allow: [] }],
  create(context, [{ allow = [] }]) {
    const isAllowed = (table: DrizzleTable, label: string, column: string) =>
      allow.includes(column) || allow.includes(`${label}.${column}`) || (table.name !== null && allow.includes(`${table.name}.${column}`));

    return {
      'Program:exit'() {
        for (const table of getDrizzleTables(context)) {
          const label = getTableLabel(table);
          for (const column of table.columns) {
            // A name computed at runtime (`uuid(ID_COLUMN)`) can't be judged from the source.
            if (column.nameIsDynamic || isSnakeCase(column.dbName) || isAllowed(table, label, column.dbName)) continue;
            const suggested = toSnakeCase(column.dbName);
            const site = getNameSite(column);
            const node = site.kind === 'string' ? site.node : site.kind === 'helper' ? site.call : column.property.key;
            if (!isSnakeCase(suggested)) {
              context.report({ node, messageId: 'notSnakeCaseManual', data: { table: label, column: column.dbName } });
            } else if (site.kind === 'helper') {
              context.report({
                node,
                messageId: 'notSnakeCaseInHelper',
                data: { table: label, column: column.dbName, suggested, helper: column.helper!.name },
              });
            } else {
              reportDatabaseChange(context, {
                node,
                messageId: 'notSnakeCase',
                data: { table: label, column: column.dbName, suggested },
                suggestMessageId: 'suggestRename',
                fix: getFix(context, table, site, suggested),
              });
            }
          }
          for (const column of table.spreadColumns) {
            if (column.nameIsDynamic || isSnakeCase(column.dbName) || isAllowed(table, label, column.dbName)) continue;
            const suggested = toSnakeCase(column.dbName);
            const { spread } = column;
            if (!isSnakeCase(suggested)) {
              context.report({ node: spread.node, messageId: 'notSnakeCaseManual', data: { table: label, column: column.dbName } });
              continue;
            }
            context.report({
              node: spread.node,
              messageId: 'notSnakeCaseInSpread',
              data: {
                table: label,
                column: column.dbName,
                suggested,
                spread: spread.name ?? context.sourceCode.getText(spread.node.argument),
                module: spread.module ? path.relative(context.cwd, spread.module) : 'this file',
              },
            });
          }
        }
      },
    };
  },
});
