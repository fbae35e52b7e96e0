/**
 * Review items for what no transform changed or explained: whole-word occurrences of an old table or
 * column name in a candidate file, outside the edited ranges and not on a line where a transform already
 * reported that name.
 * - `.sql` files: every occurrence (a lower-case name matched case-insensitively: unquoted SQL folds case);
 *   the reason is guessed from the line (comment, string literal, applied migration).
 * - Code files: only occurrences in text a person wrote for people or for the database — string and
 *   template literals, JSX text, comments, regular expressions. TypeScript identifiers and property keys
 *   (`messages.id`, `t.userId`, `payload.messages`) are program names, not database names: they are not
 *   listed (a transform that is unsure about one reports it itself), nor are module paths in imports.
 *   When the file does not parse, every occurrence is listed with a reason guessed from the line.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { APPLIED_MIGRATION_REASON } from './report.js';
import { createReviewItemFactory } from './review-items.js';
import { getNodesOfType } from './transforms/code/get-nodes.js';
import { parseProgram } from './transforms/code/parse-program.js';
import type { FileKind } from './discover.js';
import type { RenamePlan, ReviewItem, TextEdit } from './types.js';
import { ParseError } from './types.js';
import { escapeRegExp } from './escape-reg-exp.js';

export interface LeftoverInput {
  readonly file: string;
  readonly source: string;
  readonly kind: FileKind;
  readonly isAppliedMigration: boolean;
  readonly plan: RenamePlan;
  readonly edits: readonly TextEdit[];
  readonly review: readonly ReviewItem[];
}


export function getLeftoverReview(input: LeftoverInput): ReviewItem[] {
  const names = [...new Set([...input.plan.tables.map((table) => table.from), ...input.plan.columns.map((column) => column.from)])];
  const explained = new Set(input.review.map((item) => `${item.line}\0${item.name}`));
  const toReviewItem = createReviewItemFactory(input.source, input.file);
  const items: ReviewItem[] = [];
  const seen = new Set<number>();
  const regions = input.kind === 'code' && !input.isAppliedMigration ? getCodeTextRegions(input.source, input.file, input.plan) : null;
  for (const name of names) {
    const isCaseInsensitive = input.kind === 'sql' && name === name.toLowerCase();
    const pattern = new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, isCaseInsensitive ? 'gi' : 'g');
    for (const match of input.source.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (seen.has(start) || input.edits.some((edit) => edit.start < end && start < edit.end)) continue;
      const located = toReviewItem(start, name, '');
      if (explained.has(`${located.line}\0${name}`)) continue;
      const lineStart = start - (located.column - 1);
      const lineText = input.source.slice(lineStart, getLineEnd(input.source, start));
      let reason: string;
      if (input.isAppliedMigration) {
        reason = APPLIED_MIGRATION_REASON;
      } else if (regions) {
        const region = regions.find((candidate) => candidate.start <= start && end <= candidate.end);
        if (!region) continue;
        reason = region.reason;
      } else {
        reason = getReason(lineText, start - lineStart, input.kind);
      }
      seen.add(start);
      items.push({ ...located, reason });
    }
  }
  return items.sort((a, b) => a.line - b.line || a.column - b.column);
}

interface TextRegion {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

/** Literal text, comments and JSX text of a code file, or null when it does not parse (the transforms' parse, reused). */
function getCodeTextRegions(source: string, file: string, plan: RenamePlan): TextRegion[] | null {
  let ast: ReturnType<typeof parseProgram>;
  try {
    ast = parseProgram(source, file, plan);
  } catch (error) {
    // Transforms report a file that does not parse; here the line-based guess takes over.
    if (error instanceof ParseError) return null;
    throw error;
  }
  const regions: TextRegion[] = ast.comments.map((comment) => ({ start: comment.range[0], end: comment.range[1], reason: 'comment' }));
  for (const literal of getNodesOfType(ast, AST_NODE_TYPES.Literal)) {
    const [start, end] = literal.range;
    if ('regex' in literal) regions.push({ start, end, reason: 'regular expression' });
    else if (typeof literal.value !== 'string' || isModuleSpecifier(literal)) continue;
    else if (literal.parent.type === AST_NODE_TYPES.JSXAttribute) regions.push({ start, end, reason: 'JSX attribute text (UI text?)' });
    else regions.push({ start, end, reason: 'string not recognized as a table or column name (UI text, route, key?)' });
  }
  for (const element of getNodesOfType(ast, AST_NODE_TYPES.TemplateElement)) {
    regions.push({ start: element.range[0], end: element.range[1], reason: 'template literal text not recognized as SQL or a table name' });
  }
  for (const text of getNodesOfType(ast, AST_NODE_TYPES.JSXText)) regions.push({ start: text.range[0], end: text.range[1], reason: 'JSX text (UI text)' });
  return regions;
}

/** `from '…'`, `import '…'`, `import('…')`, `require('…')`, `import x = require('…')`, `import('…')` as a type. */
function isModuleSpecifier(literal: TSESTree.Literal): boolean {
  const parent = literal.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.TSExternalModuleReference:
      return true;
    case AST_NODE_TYPES.CallExpression:
      return parent.arguments[0] === literal && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'require';
    case AST_NODE_TYPES.TSLiteralType:
      return parent.parent.type === AST_NODE_TYPES.TSImportType;
    default:
      return false;
  }
}

function getReason(lineText: string, column: number, kind: FileKind): string {
  const before = lineText.slice(0, column);
  const trimmed = before.trimStart();
  if (kind === 'sql') {
    if (before.includes('--') || trimmed.startsWith('/*') || trimmed.startsWith('*')) return 'comment';
    if (isInsideQuotes(before, ["'"])) return 'string literal';
    return 'not rewritten by any transform';
  }
  if (/(^|[^:])\/\//.test(before) || trimmed.startsWith('/*') || trimmed.startsWith('*')) return 'comment';
  if (isInsideQuotes(before, ["'", '"', '`'])) return 'string not recognized as a table or column name (UI text, route, key?)';
  return 'code not recognized as a table or column reference (identifier, JSX text?)';
}

function isInsideQuotes(before: string, quotes: readonly string[]): boolean {
  return quotes.some((quote) => (before.split(quote).length - 1) % 2 === 1);
}




function getLineEnd(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  const lineEnd = end === -1 ? source.length : end;
  return source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
}

