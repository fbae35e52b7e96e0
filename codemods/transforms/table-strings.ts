/**
 * Rename transform for other places in code that name a table: supabase realtime subscriptions,
 * `.on('postgres_changes', { schema, table: 'old', filter: 'isAdmin=eq.true' })`. (`.from('old' as any)`
 * is part of the supabase-js chain transform; relation names inside SQL strings belong to the SQL rewriter.)
 * Also lists of table names (`getTableNameListEdits`: unions and arrays of known tables only).
 * Everything else that contains an old name as a word is left to the CLI's review listing.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { PlanLookup } from '../sql/plan-lookup.js';
import { getPlanLookup } from '../sql/plan-lookup.js';
import type { ReviewItem, SourceTransform, TextEdit, TransformResult } from '../types.js';
import { getMethodName, getObjectProperty, getStringLiteral, skipExpressionWrappers } from './code/ast-helpers.js';
import { getNodesOfType } from './code/get-nodes.js';
import { getReviewItem } from './code/get-review-item.js';
import type { CodeContext } from './code/parse-code.js';
import { parseCode } from './code/parse-code.js';
import { getReplacementEdits, getStringLikeContent, parseStringContent } from './code/string-content.js';
import { toJscodeshiftTransform } from '../jscodeshift.js';

const DEFAULT_SCHEMA = 'public';

export function transformTableStrings(ctx: CodeContext): TransformResult {
  const lookup = getPlanLookup(ctx.plan);
  const edits: TextEdit[] = [];
  const review: ReviewItem[] = [];
  for (const call of getNodesOfType(ctx.ast, AST_NODE_TYPES.CallExpression)) {
    if (getMethodName(call) !== 'on' || getStringLiteral(call.arguments[0])?.value !== 'postgres_changes') continue;
    const second = call.arguments[1];
    const options = second && skipExpressionWrappers(second);
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const table = getStringLiteral(getObjectProperty(options, 'table')?.value);
    if (!table) continue;
    const schema = getStringLiteral(getObjectProperty(options, 'schema')?.value)?.value ?? DEFAULT_SCHEMA;
    const rename = lookup.getTable(schema, table.value);
    if (rename) {
      const content = parseStringContent(table, ctx.source);
      edits.push(...getReplacementEdits(content, [{ start: 0, end: content.text.length, text: rename.to }]).edits);
    }
    // `filter: 'column=op.value'` (also a template: `user_id=eq.${id}`).
    const filterNode = getObjectProperty(options, 'filter')?.value;
    const filter = getStringLikeContent(filterNode, ctx.source);
    const equals = filter?.text.indexOf('=') ?? -1;
    if (!filter || !filterNode || equals <= 0) continue;
    const to = lookup.getColumns(schema, table.value).get(filter.text.slice(0, equals));
    if (to === undefined) continue;
    const result = getReplacementEdits(filter, [{ start: 0, end: equals, text: to }]);
    edits.push(...result.edits);
    for (const blocked of result.blocked) {
      review.push(getReviewItem(ctx.source, ctx.path, filterNode.range[0], filter.text.slice(blocked.start, blocked.end), 'name spans a template interpolation'));
    }
  }
  edits.push(...getTableNameListEdits(ctx, lookup));
  return { edits, review };
}

/** The string literals of a union type (`'a' | 'b'`) or an array (`['a', 'b']`, `as const` too), or null. */
function getListedStrings(node: TSESTree.Node): TSESTree.StringLiteral[] | null {
  const members =
    node.type === AST_NODE_TYPES.TSUnionType
      ? node.types.map((type) => (type.type === AST_NODE_TYPES.TSLiteralType ? getStringLiteral(type.literal) : null))
      : node.type === AST_NODE_TYPES.ArrayExpression
        ? node.elements.map((element) => (element ? getStringLiteral(element) : null))
        : [];
  return members.length >= 2 && members.every((member) => member !== null) ? (members as TSESTree.StringLiteral[]) : null;
}

/**
 * Lists of table names: a union type or an array of at least two strings that are all tables the run knows
 * (`type ClearableTable = 'profiles' | 'user_roles'`, `for (const table of ['profiles', 'user_roles']) .from(table)`)
 * and of which the plan renames some (in `public`). Every member being a table is the signal, so the run's
 * known tables must be in the plan; a list with one non-table member is left to the review listing.
 */
function getTableNameListEdits(ctx: CodeContext, lookup: PlanLookup): TextEdit[] {
  const known = new Set(ctx.plan.knownTables ?? []);
  if (known.size === 0) return [];
  const edits: TextEdit[] = [];
  for (const node of [...getNodesOfType(ctx.ast, AST_NODE_TYPES.TSUnionType), ...getNodesOfType(ctx.ast, AST_NODE_TYPES.ArrayExpression)]) {
    const members = getListedStrings(node);
    if (!members || !members.every((member) => known.has(`${DEFAULT_SCHEMA}.${member.value}`))) continue;
    for (const member of members) {
      const rename = lookup.getTable(DEFAULT_SCHEMA, member.value);
      if (!rename) continue;
      const content = parseStringContent(member, ctx.source);
      edits.push(...getReplacementEdits(content, [{ start: 0, end: content.text.length, text: rename.to }]).edits);
    }
  }
  return edits;
}

/** The transform on its own (parses the file itself), for the CLI registry and jscodeshift. */
export const tableStringsTransform: SourceTransform = function tableStrings(input) {
  return transformTableStrings(parseCode(input));
};

/** jscodeshift entry: `npx jscodeshift -t dist/codemods/transforms/table-strings.js --parser=ts --manifest=renames.json src`. */
export default toJscodeshiftTransform(tableStringsTransform);
