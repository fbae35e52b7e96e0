import type { TSESLint } from '@typescript-eslint/utils';
import { getDrizzleTables } from '../../../rules/utils/recognizer/index.js';
import type { DrizzleTable } from '../../../rules/utils/recognizer/index.js';
import type { CodeContext } from './parse-code.js';

type RecognizerContext = Parameters<typeof getDrizzleTables>[0];

/**
 * The recognizer's Drizzle tables of a parsed code file. The recognizer reads only `sourceCode`, `settings`,
 * `cwd` and `filename` of a rule context, so a minimal object stands in for one (the one cast is here).
 * Settings are the defaults: `preserve` casing for name-less columns, no helper modules.
 */
export function getDrizzleTablesOf(ctx: CodeContext): readonly DrizzleTable[] {
  const sourceCode: TSESLint.SourceCode = ctx.getSourceCode();
  const ruleContext = { sourceCode, settings: {}, cwd: process.cwd(), filename: ctx.path, physicalFilename: ctx.path };
  return getDrizzleTables(ruleContext as unknown as RecognizerContext);
}
