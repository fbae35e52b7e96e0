import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

/** A bracketed, comma-separated list: array elements, object properties, import specifiers. */
export interface ListShape {
  /** The list's items, in order (holes and non-items excluded). */
  readonly items: readonly (TSESTree.Node)[];
  /** The opening bracket token (`[`, `{`). */
  readonly opening: TSESTree.Token;
  /** The closing bracket token (`]`, `}`). */
  readonly closing: TSESTree.Token;
  /** Pad a single-line list with spaces inside its brackets (`{ a }`), as objects and imports usually are. */
  readonly padded: boolean;
}

function getIndent(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  return /^\s*/.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')![0];
}

/**
 * A fix that inserts `text` as a new item at `position` of a list, following the list's layout:
 * one item per line (same indentation, trailing comma kept when the list has one) or a single line.
 */
export function fixInsertListItem(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  list: ListShape,
  position: number,
  text: string,
): TSESLint.RuleFix {
  const { items, opening, closing, padded } = list;
  if (items.length === 0) {
    return fixer.replaceTextRange([opening.range[1], closing.range[0]], padded ? ` ${text} ` : text);
  }
  const isMultiline = (item: TSESTree.Node) => {
    const before = sourceCode.getTokenBefore(item)!;
    return item.loc.start.line > before.loc.end.line;
  };
  if (position < items.length) {
    const next = items[position]!;
    return fixer.insertTextBefore(next, isMultiline(next) ? `${text},\n${getIndent(sourceCode, next)}` : `${text}, `);
  }
  const last = items.at(-1)!;
  const after = sourceCode.getTokenAfter(last);
  const comma = after && ASTUtils.isCommaToken(after) ? after : null;
  if (isMultiline(last)) {
    if (!comma) return fixer.insertTextAfter(last, `,\n${getIndent(sourceCode, last)}${text}`);
    // After the end of the comma's line, so a trailing comment stays with its item.
    const line = comma.loc.end.line;
    if (closing.loc.start.line === line) return fixer.insertTextAfter(comma, `\n${getIndent(sourceCode, last)}${text},`);
    const lineEnd = sourceCode.getIndexFromLoc({ line, column: sourceCode.lines[line - 1]!.length });
    return fixer.insertTextAfterRange([lineEnd, lineEnd], `\n${getIndent(sourceCode, last)}${text},`);
  }
  return comma ? fixer.insertTextAfter(comma, ` ${text},`) : fixer.insertTextAfter(last, `, ${text}`);
}
