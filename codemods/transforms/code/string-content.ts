/**
 * The text of a string literal or a template quasi as JavaScript sees it, with the source offset of every
 * character, so a transform can rewrite part of the value and edit exactly those source characters
 * (escapes, quote style and everything around stay as written).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { TextEdit } from '../../types.js';

export type QuoteChar = "'" | '"' | '`';

export interface StringContent {
  /** The cooked value. */
  readonly text: string;
  /** `offsets[i]` is the source offset where character i of `text` is written; `offsets[text.length]` is the content end. */
  readonly offsets: readonly number[];
  readonly quote: QuoteChar;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Content of a string literal (`'x'` or `"x"`), or of a string literal type's literal. */
export function parseStringContent(node: TSESTree.StringLiteral, source: string): StringContent {
  const quote = source[node.range[0]] === '"' ? '"' : "'";
  return decode(source, node.range[0] + 1, node.range[1] - 1, quote);
}

/** Content of one quasi of a template literal (between the backtick / `}` and `${` / backtick). */
export function parseQuasiContent(quasi: TSESTree.TemplateElement, source: string): StringContent {
  return decode(source, quasi.range[0] + 1, quasi.range[1] - (quasi.tail ? 1 : 2), '`');
}

/** The edit that replaces characters [start, end) of the content's value with `text`, escaped for its quotes. */
export function getContentEdit(content: StringContent, start: number, end: number, text: string): TextEdit {
  const from = content.offsets[start];
  const to = content.offsets[end];
  if (from === undefined || to === undefined) throw new Error(`string content range ${start}..${end} is out of bounds`);
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
  const offsets: number[] = [];
  let index = start;
  while (index < end) {
    const char = source[index] ?? '';
    if (char !== '\\') {
      text += char;
      offsets.push(index);
      index++;
      continue;
    }
    const [value, length] = decodeEscape(source, index + 1);
    for (let unit = 0; unit < value.length; unit++) offsets.push(index);
    text += value;
    index += 1 + length;
  }
  offsets.push(end);
  return { text, offsets, quote };
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
