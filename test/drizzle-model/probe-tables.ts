import { Linter } from 'eslint';
import parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { getDrizzleTables, type DrizzleTable } from '../../drizzle-model/index.js';

/** Lint `code` with a probe rule and return what `read` makes of the recognizer's tables. */
export function probeTables<T>(code: string, read: (tables: readonly DrizzleTable[]) => T, settings: Record<string, unknown> = {}): T {
  let result: T | undefined;
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return { 'Program:exit': () => void (result = read(getDrizzleTables(context))) };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: parser as Linter.Parser }, plugins: { probe: { rules: { probe: probe as never } } }, rules: { 'probe/probe': 'error' }, settings }],
    'schema.ts',
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === null);
  if (fatal) throw new Error(fatal.message);
  return result!;
}
