/**
 * Rename transform for supabase-js query chains. A chain starts at `.from('table')` (a string literal, also
 * through `as any` / `as const`; on any client, `client.schema('x').from(...)` for another schema; never
 * `storage.from('bucket')` or `Array.from`), and every call hanging off it is read with that table:
 * `.select('...')` strings (embedded resources and column lists), filter and order methods that take a
 * column, `.or('...')` filter strings, `.match({...})` keys, the object keys of `.insert` / `.update` /
 * `.upsert` and upsert's `onConflict`, and `referencedTable` / `foreignTable` options. Anything not in
 * such a chain (an API payload's `messages: [...]`, `mock.calls`, UI strings) is never touched.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { PlanLookup } from '../sql/plan-lookup.js';
import { getPlanLookup } from '../sql/plan-lookup.js';
import type { ReviewItem, SourceTransform, TextEdit, TransformResult } from '../types.js';
import { getKeyName, getMethodName, getNextCallInChain, getObjectProperty, getStringLiteral, skipExpressionWrappers } from './code/ast-helpers.js';
import { getNodesOfType } from './code/get-nodes.js';
import { getReviewItem } from './code/get-review-item.js';
import { getQuote } from './code/get-quote.js';
import { getKeyEdit } from './code/key-edit.js';
import type { CodeContext } from './code/parse-code.js';
import { parseCode } from './code/parse-code.js';
import { getFilterReplacements } from './code/postgrest-filter.js';
import type { SelectNames, StringReplacement } from './code/postgrest-select.js';
import { getSelectReplacements } from './code/postgrest-select.js';
import type { StringContent } from './code/string-content.js';
import { getReplacementEdits, getStringLikeContent, parseStringContent } from './code/string-content.js';
import { toJscodeshiftTransform } from '../jscodeshift.js';

const DEFAULT_SCHEMA = 'public';

/** Methods whose first argument is a column (`.eq('isAdmin', true)`, `.order('created_at')`, …). */
const COLUMN_METHODS = new Set([
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'likeAllOf', 'likeAnyOf', 'ilike', 'ilikeAllOf', 'ilikeAnyOf',
  'is', 'isDistinct', 'in', 'contains', 'containedBy', 'rangeGt', 'rangeGte', 'rangeLt', 'rangeLte', 'rangeAdjacent',
  'overlaps', 'textSearch', 'not', 'filter', 'order',
]);
const FILTER_STRING_METHODS = new Set(['or']);
const VALUE_METHODS = new Set(['insert', 'update', 'upsert']);

interface Chain {
  readonly schema: string;
  /** Old name of the chain's table. */
  readonly table: string;
  readonly lookup: PlanLookup;
  readonly ctx: CodeContext;
  readonly edits: TextEdit[];
  readonly review: ReviewItem[];
}

export function transformSupabaseJs(ctx: CodeContext): TransformResult {
  const lookup = getPlanLookup(ctx.plan);
  const edits: TextEdit[] = [];
  const review: ReviewItem[] = [];
  for (const call of getNodesOfType(ctx.ast, AST_NODE_TYPES.CallExpression)) {
    const from = getFromCall(call);
    if (!from) continue;
    const chain: Chain = { schema: from.schema, table: from.table.value, lookup, ctx, edits, review };
    const rename = lookup.getTable(chain.schema, chain.table);
    if (rename) {
      const content = parseStringContent(from.table, ctx.source);
      addReplacements(chain, content, [{ start: 0, end: content.text.length, text: rename.to }], from.table);
    }
    for (let link = getNextCallInChain(call); link; link = getNextCallInChain(link)) fixChainCall(chain, link);
  }
  return { edits, review };
}

/** The transform on its own (parses the file itself), for the CLI registry and jscodeshift. */
export const supabaseJsTransform: SourceTransform = function supabaseJs(input) {
  return transformSupabaseJs(parseCode(input));
};

/** `x.from('table')` with a string literal, on a receiver that can be a supabase client (or `x.schema('s')`). */
function getFromCall(call: TSESTree.CallExpression): { table: TSESTree.StringLiteral; schema: string } | null {
  if (getMethodName(call) !== 'from' || call.arguments.length !== 1 || call.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const table = getStringLiteral(call.arguments[0]);
  if (!table) return null;
  const receiver = skipExpressionWrappers(call.callee.object);
  // `Array.from('x')`, `Buffer.from('x')`; `supabase.storage.from('bucket')` names a storage bucket.
  if (receiver.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(receiver.name)) return null;
  if (receiver.type === AST_NODE_TYPES.MemberExpression && !receiver.computed && receiver.property.type === AST_NODE_TYPES.Identifier && receiver.property.name === 'storage') {
    return null;
  }
  if (receiver.type === AST_NODE_TYPES.CallExpression && getMethodName(receiver) === 'schema') {
    const schema = getStringLiteral(receiver.arguments[0]);
    return schema ? { table, schema: schema.value } : null;
  }
  return { table, schema: DEFAULT_SCHEMA };
}

function fixChainCall(chain: Chain, call: TSESTree.CallExpression): void {
  const method = getMethodName(call);
  if (method === null) return;
  const referenced = fixReferencedTable(chain, call);
  const table = referenced ?? chain.table;
  const [first, second] = call.arguments;
  if (method === 'select') {
    fixSelect(chain, first);
  } else if (COLUMN_METHODS.has(method)) {
    fixColumnArgument(chain, first, table);
  } else if (FILTER_STRING_METHODS.has(method)) {
    const content = getStringLikeContent(first, chain.ctx.source);
    if (content) {
      const replacements = getFilterReplacements(content.text, chain.lookup.getColumns(chain.schema, table));
      if (replacements) addReplacements(chain, content, replacements, first!);
      else addUnreadable(chain, content, first!, table, 'filter string this codemod cannot read');
    }
  } else if (method === 'match') {
    fixObjectKeys(chain, first, table);
  } else if (VALUE_METHODS.has(method)) {
    const values = first && skipExpressionWrappers(first);
    if (values?.type === AST_NODE_TYPES.ArrayExpression) for (const element of values.elements) fixObjectKeys(chain, element, table);
    else fixObjectKeys(chain, values, table);
    if (method === 'upsert') fixOnConflict(chain, second);
  }
}

/** `{ referencedTable: 'calls' }` / `{ foreignTable: 'calls' }` in the last argument: renamed; returns the old name. */
function fixReferencedTable(chain: Chain, call: TSESTree.CallExpression): string | null {
  const last = call.arguments.at(-1);
  const options = last && skipExpressionWrappers(last);
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const property = getObjectProperty(options, 'referencedTable') ?? getObjectProperty(options, 'foreignTable');
  const literal = getStringLiteral(property?.value);
  if (!literal) return null;
  const rename = chain.lookup.getTable(chain.schema, literal.value);
  if (rename) {
    const content = parseStringContent(literal, chain.ctx.source);
    addReplacements(chain, content, [{ start: 0, end: content.text.length, text: rename.to }], literal);
  }
  return literal.value;
}

function fixSelect(chain: Chain, argument: TSESTree.Node | undefined): void {
  const content = getStringLikeContent(argument, chain.ctx.source);
  if (!content || !argument) return;
  const names: SelectNames = {
    getTableRename: (table) => chain.lookup.getTable(chain.schema, table)?.to,
    getColumns: (table) => chain.lookup.getColumns(chain.schema, table),
  };
  const replacements = getSelectReplacements(content.text, chain.table, names);
  if (replacements) addReplacements(chain, content, replacements, argument);
  else addUnreadable(chain, content, argument, chain.table, 'select string this codemod cannot read');
}

/** `'isAdmin'`, `'data->>isAdmin'`, or `'calls.user_id'` (a column of an embedded resource). */
function fixColumnArgument(chain: Chain, argument: TSESTree.Node | undefined, table: string): void {
  const content = getStringLikeContent(argument, chain.ctx.source);
  if (!content || !argument) return;
  const text = content.text;
  const arrow = text.indexOf('->');
  const dot = text.indexOf('.');
  const replacements: StringReplacement[] = [];
  if (dot !== -1 && (arrow === -1 || dot < arrow)) {
    const resource = text.slice(0, dot);
    const rename = chain.lookup.getTable(chain.schema, resource);
    if (rename) replacements.push({ start: 0, end: dot, text: rename.to });
    const columnEnd = arrow === -1 ? text.length : arrow;
    const to = chain.lookup.getColumns(chain.schema, resource).get(text.slice(dot + 1, columnEnd));
    if (to !== undefined) replacements.push({ start: dot + 1, end: columnEnd, text: to });
  } else {
    const columnEnd = arrow === -1 ? text.length : arrow;
    const to = chain.lookup.getColumns(chain.schema, table).get(text.slice(0, columnEnd));
    if (to !== undefined) replacements.push({ start: 0, end: columnEnd, text: to });
  }
  addReplacements(chain, content, replacements, argument);
}

/** Keys of an object literal of row values (`{ isAdmin: true }`, shorthand `{ isAdmin }`, `'isAdmin': x`). */
function fixObjectKeys(chain: Chain, node: TSESTree.Node | null | undefined, table: string): void {
  const object = node && skipExpressionWrappers(node);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
  const columns = chain.lookup.getColumns(chain.schema, table);
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = getKeyName(property.key, property.computed);
    const to = name === null ? undefined : columns.get(name);
    if (to !== undefined) chain.edits.push(getKeyEdit(chain.ctx.source, property, to, getQuote(chain.ctx.source)));
  }
}

/** upsert's `{ onConflict: 'user_id, isAdmin' }`: a comma-separated column list. */
function fixOnConflict(chain: Chain, options: TSESTree.Node | undefined): void {
  const object = options && skipExpressionWrappers(options);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
  const literal = getStringLiteral(getObjectProperty(object, 'onConflict')?.value);
  if (!literal) return;
  const content = parseStringContent(literal, chain.ctx.source);
  const columns = chain.lookup.getColumns(chain.schema, chain.table);
  const replacements: StringReplacement[] = [];
  for (const match of content.text.matchAll(/[^,\s]+/g)) {
    const to = columns.get(match[0]);
    if (to !== undefined) replacements.push({ start: match.index, end: match.index + match[0].length, text: to });
  }
  addReplacements(chain, content, replacements, literal);
}

function addReplacements(chain: Chain, content: StringContent, replacements: readonly StringReplacement[], node: TSESTree.Node): void {
  const { edits, blocked } = getReplacementEdits(content, replacements);
  chain.edits.push(...edits);
  for (const replacement of blocked) {
    chain.review.push(getReviewItem(chain.ctx.source, chain.ctx.path, node.range[0], content.text.slice(replacement.start, replacement.end), 'name spans a template interpolation'));
  }
}

/** A string this codemod cannot parse: listed when it mentions a renamed name of the chain's table. */
function addUnreadable(chain: Chain, content: StringContent, node: TSESTree.Node, table: string, reason: string): void {
  const names = [table, ...chain.lookup.getColumns(chain.schema, table).keys(), ...chain.lookup.tableNames];
  const name = names.find((candidate) => new RegExp(`(?<![\\w$])${candidate.replace(/[$]/g, '\\$')}(?![\\w$])`).test(content.text));
  if (name !== undefined) chain.review.push(getReviewItem(chain.ctx.source, chain.ctx.path, node.range[0], name, reason));
}

/** jscodeshift entry: `npx jscodeshift -t dist/codemods/transforms/supabase-js.js --parser=ts --manifest=renames.json src`. */
export default toJscodeshiftTransform(supabaseJsTransform);
