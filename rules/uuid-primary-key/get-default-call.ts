import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getDrizzleExportReference } from './get-drizzle-export-reference.js';
import type { KeyDefault } from './get-key-default-kind.js';

/** How each kind of key default is written, for messages (`{{expected}}`). */
export const DEFAULT_TEXT: Readonly<Record<KeyDefault, string>> = {
  random: '.defaultRandom()',
  v7: '.default(sql`uuidv7()`)',
  'v7-app': '.$defaultFn(() => uuidv7())',
};

/**
 * The call that gives a key the default `kind` at `at`, with the import edit it needs (`sql` from drizzle-orm for
 * `v7`, through the file's existing import or alias). Null for `v7-app`: which package mints the uuid is the
 * project's choice, so it is never written by a fix.
 */
export function getDefaultCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  kind: KeyDefault,
  at: TSESTree.Node,
): { readonly text: string; readonly fixes: readonly TSESLint.RuleFix[] } | null {
  if (kind === 'random') return { text: DEFAULT_TEXT.random, fixes: [] };
  if (kind === 'v7-app') return null;
  const sql = getDrizzleExportReference(sourceCode, fixer, { source: 'drizzle-orm', exportName: 'sql', at, replacing: null });
  return { text: `.default(${sql.text}\`uuidv7()\`)`, fixes: sql.fixes };
}
