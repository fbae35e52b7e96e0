import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TextEdit } from '../../types.js';
import { isIdentifierName } from './ast-helpers.js';
import type { QuoteChar } from './string-content.js';
import { escapeFor, getContentEdit, parseStringContent } from './string-content.js';

/**
 * The edit that renames an object property key or a type member key to `name`: a string key keeps its quotes,
 * an identifier key stays bare when it can (else it is quoted with `quote`), and a shorthand `{ isAdmin }`
 * becomes `{ is_admin: isAdmin }` so the value still reads the same variable.
 */
export function getKeyEdit(source: string, member: TSESTree.Property | TSESTree.TSPropertySignature, name: string, quote: QuoteChar): TextEdit {
  const key = member.key;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') {
    const content = parseStringContent(key as TSESTree.StringLiteral, source);
    return getContentEdit(content, 0, content.text.length, name);
  }
  const written = isIdentifierName(name) ? name : `${quote}${escapeFor(name, quote)}${quote}`;
  if (member.type === AST_NODE_TYPES.Property && member.shorthand && key.type === AST_NODE_TYPES.Identifier) {
    return { start: key.range[0], end: key.range[1], text: `${written}: ${key.name}` };
  }
  return { start: key.range[0], end: key.range[1], text: written };
}
