/**
 * The text of a string literal or a template quasi as JavaScript sees it, with the source offset of every
 * character, so a transform can rewrite part of the value and edit exactly those source characters
 * (escapes, quote style and everything around stay as written).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TextEdit } from '../../types.js';
import { getStringLiteral, skipExpressionWrappers } from './ast-helpers.js';

export type QuoteChar = "'" | '"' | '`';

export interface StringContent {
  /** The cooked value (for a template: quasis joined with placeholders for the `${…}` expressions). */
  readonly text: string;
  /** Source range [starts[i], ends[i]) where character i of `text` is written; -1 for a placeholder character. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Source offset just after the content (before the closing quote). */
  readonly end: number;
  readonly quote: QuoteChar;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Content of a string literal (`'x'` or `"x"`), or of a string literal type's literal. */
export function parseStringContent(node: TSESTree.StringLiteral, source: string): StringContent {
  const quote = source[node.range[0]] === '"' ? '"' : "'";
  return decode(source, node.range[0] + 1, node.range[1] - 1, quote);
}

/**
 * Content of a template literal: its quasis joined with `placeholder(i)` for expression i. Placeholder
 * characters are not editable (a name that spans an interpolation cannot be rewritten).
 */
export function parseTemplateContent(node: TSESTree.TemplateLiteral, source: string, placeholder: (index: number) => string): StringContent {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let end = node.range[0] + 1;
  node.quasis.forEach((quasi, index) => {
    const part = decode(source, quasi.range[0] + 1, quasi.range[1] - (quasi.tail ? 1 : 2), '`');
    text += part.text;
    starts.push(...part.starts);
    ends.push(...part.ends);
    end = part.end;
    if (quasi.tail) return;
    const filler = placeholder(index);
    text += filler;
    for (let unit = 0; unit < filler.length; unit++) {
      starts.push(-1);
      ends.push(-1);
    }
  });
  return { text, starts, ends, end, quote: '`' };
}

/** Can characters [start, end) be edited (no placeholder among them, and in bounds)? */
export function isEditableRange(content: StringContent, start: number, end: number): boolean {
  if (start < 0 || end > content.text.length || start > end) return false;
  for (let index = start; index < end; index++) if (content.starts[index] === -1) return false;
  return start < end || start === content.text.length || content.starts[start] !== -1;
}

/** The edit that replaces characters [start, end) of the content's value with `text`, escaped for its quotes. */
export function getContentEdit(content: StringContent, start: number, end: number, text: string): TextEdit {
  if (!isEditableRange(content, start, end)) throw new Error(`string content range ${start}..${end} cannot be edited`);
  const from = start === content.text.length ? content.end : (content.starts[start] ?? -1);
  const to = start === end ? from : (content.ends[end - 1] ?? -1);
  return { start: from, end: to, text: escapeFor(text, content.quote) };
}

/** `text` escaped to stand between `quote` characters. */
export function escapeFor(text: string, quote: QuoteChar): string {
  let out = text.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
  out = out.replaceAll(quote, `\\${quote}`);
  return quote === '`' ? out.replaceAll('${', '\\${') : out;
}

function decode(source: string, start: number, end: number, quote: QuoteChar): StringContent {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = start;
  while (index < end) {
    const char = source[index] ?? '';
    if (char !== '\\') {
      text += char;
      starts.push(index);
      ends.push(index + 1);
      index++;
      continue;
    }
    const [value, length] = decodeEscape(source, index + 1);
    for (let unit = 0; unit < value.length; unit++) {
      starts.push(index);
      ends.push(index + 1 + length);
    }
    text += value;
    index += 1 + length;
  }
  return { text, starts, ends, end, quote };
}

/** The value and the length (after the backslash) of the escape sequence at `index`. */
function decodeEscape(source: string, index: number): [string, number] {
  const char = source[index] ?? '';
  if (char === '\r') return ['', source[index + 1] === '\n' ? 2 : 1];
  if (char === '\n' || char === '\u2028' || char === '\u2029') return ['', 1];
  const simple = SIMPLE_ESCAPES[char];
  if (simple !== undefined && !(char === '0' && /[0-9]/.test(source[index + 1] ?? ''))) return [simple, 1];
  if (char === 'x') return [String.fromCharCode(Number.parseInt(source.slice(index + 1, index + 3), 16)), 3];
  if (char === 'u' && source[index + 1] === '{') {
    const close = source.indexOf('}', index);
    return [String.fromCodePoint(Number.parseInt(source.slice(index + 2, close), 16)), close - index + 1];
  }
  if (char === 'u') return [String.fromCharCode(Number.parseInt(source.slice(index + 1, index + 5), 16)), 5];
  return [char, 1];
}

/** Stands for a `${…}` expression in a template's text: a private-use character that no parser here treats as syntax. */
export const PLACEHOLDER_CHAR = '\uE000';

/** The content of a string literal (through `as` wrappers) or of a template literal; null for anything else. */
export function getStringLikeContent(node: TSESTree.Node | null | undefined, source: string): StringContent | null {
  if (!node) return null;
  const literal = getStringLiteral(node);
  if (literal) return parseStringContent(literal, source);
  const inner = skipExpressionWrappers(node);
  return inner.type === AST_NODE_TYPES.TemplateLiteral ? parseTemplateContent(inner, source, () => PLACEHOLDER_CHAR) : null;
}

/** Edits for replacements in a content's text; replacements that touch a placeholder are returned as `blocked`. */
export function getReplacementEdits(
  content: StringContent,
  replacements: ReadonlyArray<{ start: number; end: number; text: string }>,
): { edits: TextEdit[]; blocked: Array<{ start: number; end: number; text: string }> } {
  const edits: TextEdit[] = [];
  const blocked: Array<{ start: number; end: number; text: string }> = [];
  for (const replacement of replacements) {
    if (isEditableRange(content, replacement.start, replacement.end)) edits.push(getContentEdit(content, replacement.start, replacement.end, replacement.text));
    else blocked.push(replacement);
  }
  return { edits, blocked };
}
