import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { getDrizzleTables } from '../../../drizzle-model/index.js';
import type { DrizzleTable } from '../../../drizzle-model/index.js';
import type { CodeContext } from './parse-code.js';

type RecognizerContext = Parameters<typeof getDrizzleTables>[0];

/**
 * The recognizer's Drizzle tables of a parsed code file. The recognizer reads only `sourceCode`, `settings`,
 * `cwd` and `filename` of a rule context, so a minimal object stands in for one (the one cast is here).
 * The run's settings stand in for `settings['drizzle-schema']`: the casing of name-less columns and the helper
 * modules (relative paths resolve against `settings.cwd`, else the process's directory, as in a lint run).
 */
export function getDrizzleTablesOf(ctx: CodeContext): readonly DrizzleTable[] {
  const sourceCode: TSESLint.SourceCode = ctx.getSourceCode();
  const settings = { 'drizzle-schema': { casing: ctx.settings.casing ?? 'preserve', helperModules: ctx.settings.helperModules ?? [] } };
  const cwd = path.resolve(ctx.settings.cwd ?? '.');
  const filename = path.resolve(cwd, ctx.path);
  const ruleContext = { sourceCode, settings, cwd, filename, physicalFilename: filename };
  return getDrizzleTables(ruleContext as unknown as RecognizerContext);
}
