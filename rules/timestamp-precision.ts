import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from './utils/create-rule.js';
import { getDrizzleTables, type DrizzleColumn, type DrizzleTable } from '../drizzle-model/index.js';
import { getTableLabel } from './utils/get-table-label.js';
import { reportDatabaseChange } from './utils/report-database-change.js';
import { fixRemoveConfigProperty } from './timestamp-precision/fix-remove-config-property.js';
import { fixSetConfigProperty } from './timestamp-precision/fix-set-config-property.js';
import { getConfigProperty } from './timestamp-precision/get-config-property.js';
import { getLiteralValue } from './timestamp-precision/get-literal-value.js';
import { getTimestampKind, type TimestampKind } from './timestamp-precision/get-timestamp-kind.js';

export type Options = [
  {
    precision?: number;
    mode?: 'string' | 'date' | 'any';
    withTimezone?: 'always' | 'never' | 'any';
  },
];

export type MessageIds =
  | 'missingPrecision'
  | 'wrongPrecision'
  | 'setPrecision'
  | 'wrongMode'
  | 'setMode'
  | 'missingTimezone'
  | 'setTimezone'
  | 'unexpectedTimezone'
  | 'removeTimezone'
  | 'fixHelper';

/** One way a timestamp column differs from the standard, described for both local and helper reports. */
interface Finding {
  /** Where to report when the column is local. */
  readonly node: TSESTree.Node;
  readonly messageId: MessageIds;
  readonly data: Record<string, string | number>;
  /** For a helper column: what its body's timestamp does wrong (`has no precision`). */
  readonly helperProblem: string;
  readonly fix: { readonly messageId: MessageIds; readonly run: TSESLint.ReportFixFunction | null; readonly changesDatabase: boolean };
}

/** The quote the file uses for strings, taken from the column's own name literal. */
function getQuote(column: DrizzleColumn): string {
  return column.nameNode?.raw.startsWith('"') ? '"' : "'";
}

export default createRule<Options, MessageIds>({
  name: 'timestamp-precision',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce the standard precision (3 by default), mode and time zone policy on timestamp columns',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        description: 'What every timestamp column must declare.',
        properties: {
          precision: {
            type: 'integer',
            minimum: 0,
            maximum: 6,
            description: 'Required fractional-seconds precision: Postgres `precision`, MySQL `fsp` (default 3, milliseconds).',
          },
          mode: {
            type: 'string',
            enum: ['string', 'date', 'any'],
            description: "Required `mode` (`'date'` is drizzle's default when absent); `'any'` does not check it.",
          },
          withTimezone: {
            type: 'string',
            enum: ['always', 'never', 'any'],
            description: 'Postgres only: `always` requires `withTimezone: true`, `never` forbids it, `any` does not check it.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingPrecision:
        '{{table}}.{{column}} has no `{{key}}`, so the database keeps {{actual}} fractional digits; the standard is `{{key}}: {{expected}}`. Add it (this changes the column type: generate a migration).',
      wrongPrecision:
        '{{table}}.{{column}} has `{{key}}: {{actual}}`; the standard is `{{key}}: {{expected}}`. Change it (this changes the column type: generate a migration).',
      setPrecision: 'Set `{{key}}: {{expected}}` on {{table}}.{{column}} (changes the column type).',
      wrongMode:
        "{{table}}.{{column}} maps to mode '{{actual}}'; the standard is mode '{{expected}}'. Set it and update the code that reads or writes this column (its TypeScript type changes).",
      setMode: "Set `mode: '{{expected}}'` on {{table}}.{{column}} (changes the column's TypeScript type).",
      missingTimezone:
        '{{table}}.{{column}} is a timestamp without time zone; the standard is `withTimezone: true` (timestamptz). Add it (this changes the column type: generate a migration).',
      setTimezone: 'Set `withTimezone: true` on {{table}}.{{column}} (changes the column type).',
      unexpectedTimezone:
        '{{table}}.{{column}} is a timestamp with time zone; the standard is without. Remove `withTimezone: true` (this changes the column type: generate a migration).',
      removeTimezone: 'Remove `withTimezone: true` from {{table}}.{{column}} (changes the column type).',
      fixHelper:
        '{{table}}.{{column}} is built by the helper `{{helper}}` ({{module}}), whose timestamp {{problem}}. Fix the helper, so every column built by it follows the standard.',
    },
    defaultOptions: [{ precision: 3, mode: 'any', withTimezone: 'any' }],
  },
  create(context, [options]) {
    const expected = options.precision ?? 3;
    const modeOption = options.mode ?? 'any';
    const timezoneOption = options.withTimezone ?? 'any';
    const { sourceCode } = context;

    const getFindings = (table: DrizzleTable, column: DrizzleColumn, kind: TimestampKind, builderNode: TSESTree.CallExpression): Finding[] => {
      const { config } = column;
      const base = { table: getTableLabel(table), column: column.dbName };
      const findings: Finding[] = [];
      const set = (key: string, text: string) => fixSetConfigProperty(sourceCode, builderNode, column.configIsLocal ? config : null, key, text);

      const key = kind.precisionKey;
      const precision = getConfigProperty(config, key);
      const actual = precision ? getLiteralValue(precision.value) : kind.defaultPrecision;
      if (typeof actual === 'number' && actual !== expected) {
        findings.push({
          node: precision?.value ?? builderNode,
          messageId: precision ? 'wrongPrecision' : 'missingPrecision',
          data: { ...base, key, expected, actual },
          helperProblem: precision ? `has \`${key}: ${actual}\` (expected ${expected})` : `has no \`${key}\` (expected ${expected})`,
          fix: { messageId: 'setPrecision', run: set(key, String(expected)), changesDatabase: true },
        });
      }

      if (modeOption !== 'any') {
        const mode = getConfigProperty(config, 'mode');
        const actualMode = mode ? getLiteralValue(mode.value) : 'date';
        if (typeof actualMode === 'string' && actualMode !== modeOption) {
          const quote = getQuote(column);
          findings.push({
            node: mode?.value ?? builderNode,
            messageId: 'wrongMode',
            data: { ...base, expected: modeOption, actual: actualMode },
            helperProblem: `maps to mode '${actualMode}' (expected '${modeOption}')`,
            fix: { messageId: 'setMode', run: set('mode', `${quote}${modeOption}${quote}`), changesDatabase: false },
          });
        }
      }

      if (kind.hasTimezone && timezoneOption !== 'any') {
        const timezone = getConfigProperty(config, 'withTimezone');
        const actualTimezone = timezone ? getLiteralValue(timezone.value) : false;
        if (timezoneOption === 'always' && actualTimezone === false) {
          findings.push({
            node: timezone?.value ?? builderNode,
            messageId: 'missingTimezone',
            data: base,
            helperProblem: 'has no `withTimezone: true`',
            fix: { messageId: 'setTimezone', run: set('withTimezone', 'true'), changesDatabase: true },
          });
        } else if (timezoneOption === 'never' && actualTimezone === true && timezone && config) {
          findings.push({
            node: timezone,
            messageId: 'unexpectedTimezone',
            data: base,
            helperProblem: 'has `withTimezone: true`',
            fix: {
              messageId: 'removeTimezone',
              run: column.configIsLocal ? fixRemoveConfigProperty(sourceCode, config, timezone) : null,
              changesDatabase: true,
            },
          });
        }
      }
      return findings;
    };

    const report = (column: DrizzleColumn, finding: Finding) => {
      const { helper } = column;
      if (helper) {
        context.report({
          node: helper.call,
          messageId: 'fixHelper',
          data: {
            table: finding.data.table,
            column: finding.data.column,
            helper: helper.name,
            module: helper.module ? path.relative(context.cwd, helper.module) : 'this file',
            problem: finding.helperProblem,
          },
        });
        return;
      }
      const { node, messageId, data, fix } = finding;
      if (fix.changesDatabase) {
        reportDatabaseChange(context, { node, messageId, data, suggestMessageId: fix.messageId, fix: fix.run });
      } else if (fix.run) {
        // Not a database change, but not safe either: the column's TypeScript type changes. Always a suggestion.
        context.report({ node, messageId, data, suggest: [{ messageId: fix.messageId, data, fix: fix.run }] });
      } else {
        context.report({ node, messageId, data });
      }
    };

    return {
      'Program:exit'() {
        for (const table of getDrizzleTables(context)) {
          for (const column of table.columns) {
            const kind = getTimestampKind(table.dialect, column.builder);
            if (!kind) continue;
            const builderNode = column.builderNode ?? column.helper?.call;
            if (!builderNode) continue;
            for (const finding of getFindings(table, column, kind, builderNode)) report(column, finding);
          }
        }
      },
    };
  },
});
