import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { DrizzleColumn } from '../../drizzle-model/index.js';
import type { HelperMatch } from './get-helper-match.js';
import { getBuilderImportRemoval } from './get-builder-import-removal.js';
import { getHelperReference } from './get-helper-reference.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The autofix that replaces an inline chain with the helper call, keeping the extra calls (with their own
 * layout) after it, imports the helper, and drops the builder's import when this chain was its only use. Null when the chain is not a plain sequence of calls
 * (a type assertion or parentheses in between), when a comment inside it would be lost, or when the helper's name is
 * shadowed or taken in the file.
 */
export function getHelperFix(context: Context, column: DrizzleColumn, match: HelperMatch): TSESLint.ReportFixFunction | null {
  const { sourceCode } = context;
  const builder = column.builderNode!;
  let previous: TSESTree.Node = builder;
  for (const link of column.chain) {
    const call = link.node;
    if (!call || call.optional || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.callee.optional) return null;
    // A plain `previous.name(…)`: not through a type assertion or parentheses.
    if (call.callee.object !== previous || sourceCode.getTokenAfter(previous)?.value !== '.') return null;
    previous = call;
  }
  const outermost = previous;

  // The text each kept call brings along: from the end of the expression it is called on (so `.`, line breaks
  // and indentation stay as written) to the end of its arguments.
  const kept = match.extras.map((link) => {
    const call = link.node!;
    const start = (call.callee as TSESTree.MemberExpression).object.range[1];
    return { range: [start, call.range[1]] as const, text: sourceCode.text.slice(start, call.range[1]) };
  });
  const comments = sourceCode.getCommentsInside(outermost);
  if (comments.some((c) => !kept.some((k) => c.range[0] >= k.range[0] && c.range[1] <= k.range[1]))) return null;

  const reference = getHelperReference(context, match.helper, column.value);
  if (!reference) return null;
  const args = match.nameArg ? sourceCode.getText(match.nameArg) : '';
  const replacement = `${reference.text}(${args})${kept.map((k) => k.text).join('')}`;
  const removal = getBuilderImportRemoval(context, builder.callee);
  return (fixer) => [
    ...(removal ? [removal(fixer)] : []),
    ...(reference.importFix ? [reference.importFix(fixer)] : []),
    fixer.replaceText(outermost, replacement),
  ];
}
