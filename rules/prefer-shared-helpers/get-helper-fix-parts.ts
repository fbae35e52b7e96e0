import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { DrizzleColumn } from '../../drizzle-model/index.js';
import type { HelperMatch } from './get-helper-match.js';
import { getHelperReference, type HelperReference } from './get-helper-reference.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The parts of a helper substitution, for a fix of its own or for one fix of the whole file (fixAllHelpers). */
export interface HelperFixParts {
  /** The outermost call of the inline chain, replaced by `replacement`. */
  readonly replaced: TSESTree.Node;
  readonly replacement: string;
  readonly reference: HelperReference;
  /** The builder callee of the replaced chain (`uuid` in `uuid('id')…`), whose import may become unused. */
  readonly builderCallee: TSESTree.Expression;
}

/**
 * The edit that replaces an inline chain with the helper call, keeping the extra calls (with their own layout) after
 * it, and the helper's import. Null when the chain is not a plain sequence of calls (a type assertion or parentheses
 * in between), when a comment inside it would be lost, or when the helper's name is shadowed or taken in the file.
 */
export function getHelperFixParts(context: Context, column: DrizzleColumn, match: HelperMatch): HelperFixParts | null {
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
  const args = match.args.map((arg) => sourceCode.getText(arg)).join(', ');
  const replacement = `${reference.text}(${args})${kept.map((k) => k.text).join('')}`;
  return { replaced: outermost, replacement, reference, builderCallee: builder.callee };
}
