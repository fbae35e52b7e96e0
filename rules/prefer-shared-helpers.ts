import path from 'node:path';
import { createRule } from './utils/create-rule.js';
import { getTableLabel } from './utils/get-table-label.js';
import { getDrizzleTables } from '../drizzle-model/index.js';
import { getSettings } from '../drizzle-model/settings.js';
import { fixAllHelpers } from './prefer-shared-helpers/fix-all-helpers.js';
import { getHelperFix } from './prefer-shared-helpers/get-helper-fix.js';
import { getHelperFixParts, type HelperFixParts } from './prefer-shared-helpers/get-helper-fix-parts.js';
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
        const settings = getSettings(context);
        const helpers = getSharedHelpers(context, settings.helperModules, helperOptions);
        const filename = path.resolve(context.cwd, context.filename);
        if (helpers.some((h) => h.source.kind === 'file' && h.source.path === filename)) return;
        const found = tables.flatMap((table) =>
          table.columns.flatMap((column) => {
            const match = getHelperMatch(column, table.dialect, helpers);
            return match ? [{ table, column, match }] : [];
          }),
        );
        // Bulk runs (autofix 'all'): the file's first report carries one fix for every substitution of the file,
        // so `eslint --fix` needs one pass for them (each one-by-one fix touches the import block).
        let fileFix: ReturnType<typeof fixAllHelpers> | null = null;
        if (settings.autofix === 'all' && found.length > 1) {
          const parts = found.map(({ column, match }) => getHelperFixParts(context, column, match)).filter((p): p is HelperFixParts => p !== null);
          if (parts.length > 0) fileFix = fixAllHelpers(context, parts);
        }
        found.forEach(({ table, column, match }, i) => {
          context.report({
            node: column.value,
            messageId: 'useHelper',
            data: { table: getTableLabel(table), column: column.dbName, helper: match.helper.name, module: match.helper.module },
            fix: fileFix ? (i === 0 ? fileFix : null) : getHelperFix(context, column, match),
          });
        });
      },
    };
  },
});
