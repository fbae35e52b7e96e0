import type { TSESLint } from '@typescript-eslint/utils';
import type { DrizzleColumn } from '../../drizzle-model/index.js';
import type { HelperMatch } from './get-helper-match.js';
import { getBuilderImportRemoval } from './get-builder-import-removal.js';
import { getHelperFixParts } from './get-helper-fix-parts.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The autofix that replaces an inline chain with the helper call, keeping the extra calls (with their own
 * layout) after it, imports the helper, and drops the builder's import when this chain was its only use. Null when the chain is not a plain sequence of calls
 * (a type assertion or parentheses in between), when a comment inside it would be lost, or when the helper's name is
 * shadowed or taken in the file.
 */
export function getHelperFix(context: Context, column: DrizzleColumn, match: HelperMatch): TSESLint.ReportFixFunction | null {
  const parts = getHelperFixParts(context, column, match);
  if (!parts) return null;
  const removal = getBuilderImportRemoval(context, parts.builderCallee);
  return (fixer) => [
    ...(removal ? [removal(fixer)] : []),
    ...(parts.reference.importFix ? [parts.reference.importFix(fixer)] : []),
    fixer.replaceText(parts.replaced, parts.replacement),
  ];
}
