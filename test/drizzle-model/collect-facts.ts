import { Linter } from 'eslint';
import parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { getDrizzleTables } from '../../drizzle-model/index.js';

/** A plain summary of a table's facts, for exact assertions. */
export interface TableSummary {
  name: string | null;
  schema: string | null;
  dialect: string;
  variable: string | null;
  columns: string[];
  opaque: number;
  /** Columns of resolved spreads: `key→dbName builder.links from name`. */
  spread: string[];
  indexes: string[];
  foreignKeys: string[];
}

/** Lint `code` as `filename` with a probe rule and return the recognizer's facts, summarized. */
export function collectFacts(code: string, options: { settings?: Record<string, unknown>; filename?: string; cwd?: string } = {}): TableSummary[] {
  let summaries: TableSummary[] = [];
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'() {
          summaries = getDrizzleTables(context).map((t) => ({
            name: t.name,
            schema: t.schema,
            dialect: t.dialect,
            variable: t.variableName,
            columns: t.columns.map(
              (c) =>
                `${c.key}→${c.dbName} ${c.builder}${c.chain.map((l) => `.${l.name}`).join('')}${c.helper ? ` via ${c.helper.name}` : ''}${c.config ? ' {config}' : ''}${c.nameIsDynamic ? ' <dynamic name>' : ''}${c.typeName ? ` type ${c.typeName}` : ''}`,
            ),
            spread: t.spreadColumns.map((c) => `${c.key}→${c.dbName} ${c.builder}${c.chain.map((l) => `.${l.name}`).join('')} from ${c.spread.name ?? '<expr>'}`),
            opaque: t.opaque.length,
            indexes: t.indexes.map((i) => `${i.kind}${i.name ? `(${i.name})` : ''}[${i.columns.map((c) => c ?? '<expr>').join(',')}]${i.partial ? ' partial' : ''}`),
            foreignKeys: t.foreignKeys.map((f) => `${f.source}[${f.columns.join(',')}]`),
          }));
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat', cwd: options.cwd ?? process.cwd() });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: parser as Linter.Parser },
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
        settings: options.settings ?? {},
      },
    ],
    options.filename ?? 'schema.ts',
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === null);
  if (fatal) throw new Error(fatal.message);
  return summaries;
}
