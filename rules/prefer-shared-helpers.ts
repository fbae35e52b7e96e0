import path from 'node:path';
import { createRule } from './utils/create-rule.js';
import { getTableLabel } from './utils/get-table-label.js';
import { getDrizzleTables } from '../drizzle-model/index.js';
import { getSettings } from '../drizzle-model/settings.js';
import { getHelperFix } from './prefer-shared-helpers/get-helper-fix.js';
import { getHelperMatch } from './prefer-shared-helpers/get-helper-match.js';
import { getSharedHelpers, type HelperOption } from './prefer-shared-helpers/get-shared-helpers.js';

export type Options = [{ helpers?: HelperOption[] }];
export type MessageIds = 'useHelper';

export default createRule<Options, MessageIds>({
  name: 'prefer-shared-helpers',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require the shared column helpers instead of inline copies of their builder chains',
      recommended: 'recommended',
    },
    fixable: 'code',
    defaultOptions: [{ helpers: [] }],
    schema: [
      {
        type: 'object',
        description: 'Options of prefer-shared-helpers.',
        properties: {
          helpers: {
            type: 'array',
            description:
              'Helpers described explicitly, for when they cannot be discovered from settings["drizzle-schema"].helperModules (e.g. re-exported through a package).',
            items: {
              type: 'object',
              description: 'One helper.',
              properties: {
                name: { type: 'string', description: 'The exported name of the helper, e.g. "createdAtColumn".' },
                module: {
                  type: 'string',
                  description:
                    'Where to import it from: a path relative to the working directory starting with "./" or "../" (imports get a relative specifier), or a package specifier used as is.',
                },
                body: {
                  type: 'string',
                  description:
                    'The chain the helper returns, e.g. "timestamp(\'created_at\', { precision: 3 }).defaultNow()", or the helper as an arrow function when it takes the column name: "(name: string) => uuid(name).notNull()".',
                },
                dialect: {
                  type: 'string',
                  enum: ['pg', 'mysql', 'sqlite'],
                  description: 'The drizzle-orm core module the builders of the body come from. Default: "pg".',
                },
              },
              required: ['name', 'module', 'body'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      useHelper: '{{table}}.{{column}} repeats the body of {{helper}} from {{module}}; use {{helper}}(...)',
    },
  },
  defaultOptions: [{ helpers: [] }],
  create(context, [options]) {
    // Merging defaults keeps the configured `helpers` array itself, which keys the cache of parsed bodies.
    const helperOptions = options.helpers ?? [];
    return {
      'Program:exit'() {
        const tables = getDrizzleTables(context);
        if (tables.length === 0) return;
        const helpers = getSharedHelpers(context, getSettings(context).helperModules, helperOptions);
        const filename = path.resolve(context.cwd, context.filename);
        if (helpers.some((h) => h.source.kind === 'file' && h.source.path === filename)) return;
        for (const table of tables) {
          for (const column of table.columns) {
            const match = getHelperMatch(column, table.dialect, helpers);
            if (!match) continue;
            context.report({
              node: column.value,
              messageId: 'useHelper',
              data: { table: getTableLabel(table), column: column.dbName, helper: match.helper.name, module: match.helper.module },
              fix: getHelperFix(context, column, match),
            });
          }
        }
      },
    };
  },
});
