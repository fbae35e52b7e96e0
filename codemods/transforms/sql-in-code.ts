/**
 * Rename transform for SQL written in code: drizzle's `sql` tagged templates (the tag resolved through scopes
 * to drizzle-orm's `sql`, aliases included), and the first argument of `.execute(...)` (`db.execute`),
 * `.query(...)` (`client.query` / `pool.query`, also `{ text: '...' }` query configs) and `.raw(...)`
 * (knex, `sql.raw`) when it is a string literal or an untagged template, or an identifier naming a `const` of
 * the same file initialized with one (`pool.query(UNVERIFIED_USERS_SQL)`, rewritten at the declaration). The SQL itself is rewritten by the
 * SQL rewriter (`rewriteSql`, token level); a template's `${…}` expressions stand in the SQL as `$1`, `$2`…
 * parameters, and an edit can never reach into one. Needs `await ensureSqlReady()` once before use.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { rewriteSql, SqlScanError } from '../sql/rewrite-sql.js';
import type { RenamePlan, ReviewItem, SourceTransform, TextEdit, TransformResult } from '../types.js';
import { getMethodName, getObjectProperty, skipExpressionWrappers } from './code/ast-helpers.js';
import { getImportedCalleeName } from './code/get-drizzle-import-name.js';
import { getNodesOfType } from './code/get-nodes.js';
import { getReviewItem } from './code/get-review-item.js';
import type { CodeContext } from './code/parse-code.js';
import { parseCode } from './code/parse-code.js';
import type { StringContent } from './code/string-content.js';
import { getReplacementEdits, parseStringContent, parseTemplateContent } from './code/string-content.js';
import { toJscodeshiftTransform } from '../jscodeshift.js';

const SQL_METHODS = new Set(['execute', 'query', 'raw']);
const DRIZZLE_ORM = /^drizzle-orm(?:\/|$)/;

export function transformSqlInCode(ctx: CodeContext): TransformResult {
  const edits: TextEdit[] = [];
  const review: ReviewItem[] = [];
  const names = getOldNames(ctx.plan);
  if (names.length === 0) return { edits, review };
  const sites = new Set<SqlSite>();
  const lowerNames = names.map((name) => name.toLowerCase());
  for (const tagged of getNodesOfType(ctx.ast, AST_NODE_TYPES.TaggedTemplateExpression)) {
    // The text test first: resolving the tag needs the file's scopes, which most files never need otherwise.
    const text = ctx.source.slice(tagged.quasi.range[0], tagged.quasi.range[1]).toLowerCase();
    if (!lowerNames.some((name) => text.includes(name))) continue;
    if (getImportedCalleeName(ctx.getSourceCode(), tagged.tag, (specifier) => DRIZZLE_ORM.test(specifier)) === 'sql') sites.add(tagged.quasi);
  }
  for (const call of getNodesOfType(ctx.ast, AST_NODE_TYPES.CallExpression)) {
    const method = getMethodName(call);
    const first = call.arguments[0];
    if (method === null || !SQL_METHODS.has(method) || !first) continue;
    let argument = skipExpressionWrappers(first);
    if (method === 'query' && argument.type === AST_NODE_TYPES.ObjectExpression) {
      const text = getObjectProperty(argument, 'text')?.value;
      if (!text) continue;
      argument = skipExpressionWrappers(text);
    }
    const site = getSqlSite(argument) ?? (argument.type === AST_NODE_TYPES.Identifier ? getConstSqlSite(ctx, argument) : null);
    if (site) sites.add(site);
  }
  for (const site of sites) {
    const content =
      site.type === AST_NODE_TYPES.TemplateLiteral ? parseTemplateContent(site, ctx.source, (index) => `$${index + 1}`) : parseStringContent(site, ctx.source);
    const lower = content.text.toLowerCase();
    if (!names.some((name) => lower.includes(name.toLowerCase()))) continue;
    fixSql(ctx, site, content, edits, review);
  }
  return { edits, review };
}

type SqlSite = TSESTree.StringLiteral | TSESTree.TemplateLiteral;

/** A string literal or an untagged template literal, else null. */
function getSqlSite(node: TSESTree.Node): SqlSite | null {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node;
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? (node as TSESTree.StringLiteral) : null;
}

/**
 * `const UNVERIFIED_USERS_SQL = 'select …'` passed as `pool.query(UNVERIFIED_USERS_SQL)`: the identifier resolved
 * through scopes to a `const` declaration of this file whose initializer is a string or template literal. The
 * `sites` set rewrites it once however many calls use it. Anything else (a `let`, an import, a parameter, a
 * computed value) is left to the review listing.
 */
function getConstSqlSite(ctx: CodeContext, identifier: TSESTree.Identifier): SqlSite | null {
  const variable = ASTUtils.findVariable(ctx.getSourceCode().getScope(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
  return def.node.init ? getSqlSite(skipExpressionWrappers(def.node.init)) : null;
}

/** The transform on its own (parses the file itself), for the CLI registry and jscodeshift. */
export const sqlInCodeTransform: SourceTransform = function sqlInCode(input) {
  return transformSqlInCode(parseCode(input));
};

function fixSql(ctx: CodeContext, site: TSESTree.Node, content: StringContent, edits: TextEdit[], review: ReviewItem[]): void {
  let result: ReturnType<typeof rewriteSql>;
  try {
    result = rewriteSql(content.text, ctx.plan);
  } catch (error) {
    if (!(error instanceof SqlScanError)) throw error;
    const lower = content.text.toLowerCase();
    const name = getOldNames(ctx.plan).find((candidate) => lower.includes(candidate.toLowerCase())) ?? '';
    review.push(getReviewItem(ctx.source, ctx.path, site.range[0], name, `string passed as SQL cannot be tokenized (${error.message})`));
    return;
  }
  const { edits: contentEdits, blocked } = getReplacementEdits(content, result.edits);
  edits.push(...contentEdits);
  for (const replacement of blocked) {
    review.push(getReviewItem(ctx.source, ctx.path, site.range[0], content.text.slice(replacement.start, replacement.end), 'SQL name spans a template interpolation'));
  }
  for (const item of result.review) {
    const offset = content.starts[item.offset] ?? -1;
    review.push(getReviewItem(ctx.source, ctx.path, offset === -1 ? site.range[0] : offset, item.name, item.reason));
  }
}

function getOldNames(plan: RenamePlan): string[] {
  return [...new Set([...plan.tables.map((table) => table.from), ...plan.columns.map((column) => column.from)])];
}

/** jscodeshift entry: `npx jscodeshift -t dist/codemods/transforms/sql-in-code.js --parser=ts --manifest=renames.json src`. */
export default toJscodeshiftTransform(sqlInCodeTransform);
