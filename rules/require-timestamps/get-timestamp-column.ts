import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Dialect } from '../../drizzle-model/index.js';
import type { SharedHelper } from '../prefer-shared-helpers/get-shared-helpers.js';
import { getHelperReference } from '../prefer-shared-helpers/get-helper-reference.js';
import { getDrizzleExportReference } from '../uuid-primary-key/get-drizzle-export-reference.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const CORE_MODULES: Readonly<Record<Dialect, string>> = {
  pg: 'drizzle-orm/pg-core',
  mysql: 'drizzle-orm/mysql-core',
  sqlite: 'drizzle-orm/sqlite-core',
};

/** The standard inline column when the project has no helper (Postgres and MySQL; SQLite has no timestamp type). */
const INLINE: Readonly<Partial<Record<Dialect, (callee: string, name: string, quote: string) => string>>> = {
  pg: (callee, name, q) => `${callee}(${q}${name}${q}, { precision: 3, mode: ${q}string${q} }).defaultNow().notNull()`,
  mysql: (callee, name, q) => `${callee}(${q}${name}${q}, { fsp: 3, mode: ${q}string${q} }).defaultNow().notNull()`,
};

/** Builds, for one fix, the column value (`createdAtColumn()` or an inline chain) and the import edits that make it valid. */
export type TimestampColumnBuilder = (fixer: TSESLint.RuleFixer) => { readonly text: string; readonly fixes: readonly TSESLint.RuleFix[] };

/**
 * How to write a timestamp column named `name` in a table of `dialect` at `at`: a call of the shared helper when there
 * is one (imported if needed), else the standard inline chain (with `timestamp` imported). Null when neither can be
 * written safely (the helper's name is taken, or SQLite without a helper).
 */
export function getTimestampColumn(
  context: Context,
  options: { readonly dialect: Dialect; readonly name: string; readonly helper: SharedHelper | null; readonly at: TSESTree.Node; readonly quote: string },
): TimestampColumnBuilder | null {
  const { dialect, name, helper, at, quote } = options;
  if (helper) {
    const reference = getHelperReference(context, helper, at);
    if (!reference) return null;
    const importFix = reference.importFix;
    return (fixer) => ({ text: `${reference.text}()`, fixes: importFix ? [importFix(fixer)] : [] });
  }
  const inline = INLINE[dialect];
  if (!inline) return null;
  const source = CORE_MODULES[dialect];
  return (fixer) => {
    const reference = getDrizzleExportReference(context.sourceCode, fixer, { source, exportName: 'timestamp', at, replacing: null });
    return { text: inline(reference.text, name, quote), fixes: reference.fixes };
  };
}
