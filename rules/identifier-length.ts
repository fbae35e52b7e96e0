import { createRule } from './utils/create-rule.js';
import { getDrizzleTables } from '../drizzle-model/index.js';
import { reportDatabaseChange } from './utils/report-database-change.js';
import { getIdentifierLimit, type IdentifierLimit } from './identifier-length/get-identifier-limit.js';
import { getNameSites } from './identifier-length/get-name-sites.js';

export type Options = [];

export type MessageIds = 'tooLong' | 'derivedTooLong' | 'rename';

/** What happens to the name in the database. */
function getConsequence(limit: IdentifierLimit, name: string): string {
  return limit.dialect === 'Postgres'
    ? `Postgres silently cuts it to \`${limit.truncate(name)}\`, so the database's name differs from the schema's: drizzle-kit sees a difference on every push and pull, and another name with the same first 63 bytes collides with it.`
    : 'MySQL refuses the statement (ER_TOO_LONG_IDENT), so the migration fails.';
}

/** The cut name, unless another name of the file has it: then cut shorter and numbered (`…_2`). */
function getShortName(limit: IdentifierLimit, name: string, taken: ReadonlySet<string>): string {
  let candidate = limit.truncate(name);
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${limit.truncate(name, limit.limit - `_${n}`.length)}_${n}`;
  return candidate;
}

export default createRule<Options, MessageIds>({
  name: 'identifier-length',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow table, column, index and constraint names longer than the database keeps (Postgres: 63 bytes)',
      recommended: 'recommended',
    },
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions -- reportDatabaseChange makes the suggestions
    hasSuggestions: true,
    // Only with settings['drizzle-schema'].autofix = 'all' (a new name changes the database).
    fixable: 'code',
    schema: [],
    messages: {
      tooLong: '{{what}}: the name `{{name}}` is {{length}} {{unit}}, over the {{dialect}} limit of {{limit}}. {{consequence}} Use a name of at most {{limit}} {{unit}}.',
      derivedTooLong:
        '{{what}} has no name, and the one drizzle-kit derives, `{{name}}`, is {{length}} {{unit}}, over the {{dialect}} limit of {{limit}}. {{consequence}} Give it an explicit name of at most {{limit}} {{unit}}.',
      rename: 'Name it `{{short}}` (the name the database keeps; generate a migration if it has the object under another name).',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const tables = getDrizzleTables(context);
        const sitesByTable = tables.map((table) => ({ table, sites: getNameSites(context.sourceCode, table, tables) }));
        const taken = new Set(sitesByTable.flatMap(({ sites }) => sites.map((site) => site.name)));
        for (const { table, sites } of sitesByTable) {
          const limit = getIdentifierLimit(table.dialect);
          if (!limit) continue;
          for (const site of sites) {
            const length = limit.measure(site.name);
            if (length <= limit.limit) continue;
            const short = getShortName(limit, site.name, taken);
            // Two long names may cut to the same prefix: the next one gets a numbered name.
            taken.add(short);
            const data = {
              what: site.what,
              name: site.name,
              length,
              unit: limit.unit,
              dialect: limit.dialect,
              limit: limit.limit,
              consequence: getConsequence(limit, site.name),
            };
            reportDatabaseChange(context, {
              node: site.node,
              messageId: site.derived ? 'derivedTooLong' : 'tooLong',
              data,
              suggestMessageId: 'rename',
              suggestData: { short },
              fix: site.fixName?.(short) ?? null,
            });
          }
        }
      },
    };
  },
});
