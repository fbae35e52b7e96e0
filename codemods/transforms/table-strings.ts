/**
 * Rename transform for other places in code that name a table: supabase realtime subscriptions,
 * `.on('postgres_changes', { schema, table: 'old', filter: 'isAdmin=eq.true' })`. (`.from('old' as any)`
 * is part of the supabase-js chain transform; relation names inside SQL strings belong to the SQL rewriter.)
 * Everything else that contains an old name as a word is left to the CLI's review listing.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
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
  return { edits, review };
}

/** The transform on its own (parses the file itself), for the CLI registry and jscodeshift. */
export const tableStringsTransform: SourceTransform = function tableStrings(input) {
  return transformTableStrings(parseCode(input));
};

/** jscodeshift entry: `npx jscodeshift -t dist/codemods/transforms/table-strings.js --parser=ts --manifest=renames.json src`. */
export default toJscodeshiftTransform(tableStringsTransform);
