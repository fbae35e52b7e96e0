/**
 * Rename transform for Drizzle schema files: the table name string of `pgTable` / `pgSchema(...).table` /
 * `mysqlTable` / `sqliteTable` / table creators, the name strings of renamed columns (a name-less column gets
 * its new name as a first argument), and index / constraint names that embed the old table or column name as
 * whole `_`-separated words (`renameEmbeddedNameOnce`: a re-run leaves `x_source_call_id_idx` as it is; the migration renames them in the database by the same rule,
 * and both leave a name that would exceed 63 bytes: here it is listed for review). Drizzle objects come from the shared recognizer (resolved through imports), so a
 * look-alike local `pgTable` is never touched. Only the contents between the quotes change.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getDrizzleModuleDialect } from '../../drizzle-model/drizzle-values.js';
import type { DrizzleTable } from '../../drizzle-model/index.js';
import { getPlanLookup } from '../sql/plan-lookup.js';
import type { RenamePlan, ReviewItem, SourceTransform, TextEdit, TransformResult } from '../types.js';
import { getStringLiteral, skipExpressionWrappers } from './code/ast-helpers.js';
import { getDrizzleTablesOf } from './code/get-drizzle-tables-of.js';
import { getReviewItem } from './code/get-review-item.js';
import type { CodeContext } from './code/parse-code.js';
import { parseCode } from './code/parse-code.js';
import { MAX_IDENTIFIER_BYTES } from '../../naming/identifiers.js';
import { renameEmbeddedNameOnce } from '../sql/rename-embedded-name-once.js';
import type { QuoteChar } from './code/string-content.js';
import { escapeFor, getContentEdit, parseStringContent } from './code/string-content.js';
import { toJscodeshiftTransform } from '../jscodeshift.js';

const DEFAULT_SCHEMA = 'public';

/** Extra-config builders whose first argument (or `{ name }` option) is a database object name. */

export function transformDrizzleSchema(ctx: CodeContext): TransformResult {
  const lookup = getPlanLookup(ctx.plan);
  if (!hasAnyDrizzleImport(ctx.ast)) return { edits: [], review: [] };
  const edits: TextEdit[] = [];
  const review: ReviewItem[] = [];
  for (const table of getDrizzleTablesOf(ctx)) {
    if (table.name === null) continue;
    const schema = table.schema ?? DEFAULT_SCHEMA;
    const rename = lookup.getTable(schema, table.name);
    const columns = lookup.getColumns(schema, table.name);
    if (!rename && columns.size === 0) continue;
    if (rename) fixTableName(ctx, table, rename.to, edits, review);
    if (columns.size > 0) fixColumnNames(ctx, table, columns, edits, review);
    const words = new Map(columns);
    if (rename) words.set(table.name, rename.to);
    for (const nameNode of getConstraintNameNodes(table)) {
      const content = parseStringContent(nameNode, ctx.source);
      const renamed = renameEmbeddedNameOnce(content.text, words);
      if (renamed === content.text) continue;
      const bytes = Buffer.byteLength(renamed, 'utf8');
      if (bytes > MAX_IDENTIFIER_BYTES) {
        // The migration skips it too (Postgres would truncate it), so code and database keep agreeing.
        review.push(getReviewItem(ctx.source, ctx.path, nameNode.range[0], content.text, `renamed, "${renamed}" would be ${bytes} bytes, over Postgres's ${MAX_IDENTIFIER_BYTES}; left as is here and in the database: choose a shorter name by hand`));
      } else {
        edits.push(getContentEdit(content, 0, content.text.length, renamed));
      }
    }
  }
  return { edits, review };
}

/** The transform on its own (parses the file itself), for the CLI registry and jscodeshift. */
export const drizzleSchemaTransform: SourceTransform = function drizzleSchema(input) {
  return transformDrizzleSchema(parseCode(input));
};

/**
 * Tables a file defines (`public` when no `pgSchema`) and the variable each is assigned to (null: none), for the
 * CLI's collision check and the review list's reach. Throws `ParseError`. `scan` (an empty plan) is the run the parse
 * belongs to, so a caller can keep the programs (`retainParsedPrograms`).
 */
export function findDrizzleTableNames(
  source: string,
  path: string,
  scan: RenamePlan = { tables: [], columns: [], steps: [] },
): Array<{ schema: string; name: string; variableName: string | null }> {
  const ctx = parseCode({ source, path, plan: scan });
  if (!hasAnyDrizzleImport(ctx.ast)) return [];
  return getDrizzleTablesOf(ctx).flatMap((table) => (table.name === null ? [] : [{ schema: table.schema ?? DEFAULT_SCHEMA, name: table.name, variableName: table.variableName }]));
}

function hasAnyDrizzleImport(ast: TSESTree.Program): boolean {
  return ast.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && getDrizzleModuleDialect(statement.source.value) !== null);
}

function getQuote(table: DrizzleTable, source: string): QuoteChar {
  return table.nameNode && source[table.nameNode.range[0]] === '"' ? '"' : "'";
}

/**
 * The table name string. With a table creator (`pgTableCreator((name) => \`app_${name}\`)`), the written name is
 * the part of the DB name the creator wraps; the new written name keeps the same wrapping, else it is for review.
 */
function fixTableName(ctx: CodeContext, table: DrizzleTable, to: string, edits: TextEdit[], review: ReviewItem[]): void {
  const node = table.nameNode;
  if (!node || table.name === null) {
    review.push(getReviewItem(ctx.source, ctx.path, table.node.range[0], table.name ?? '', 'table name is not a string literal'));
    return;
  }
  const content = parseStringContent(node, ctx.source);
  const written = content.text;
  if (written === table.name) {
    edits.push(getContentEdit(content, 0, written.length, to));
    return;
  }
  const at = table.name.indexOf(written);
  const prefix = at === -1 ? '' : table.name.slice(0, at);
  const suffix = at === -1 ? '' : table.name.slice(at + written.length);
  if (at !== -1 && to.startsWith(prefix) && to.endsWith(suffix) && to.length > prefix.length + suffix.length) {
    edits.push(getContentEdit(content, 0, written.length, to.slice(prefix.length, to.length - suffix.length)));
  } else {
    review.push(getReviewItem(ctx.source, ctx.path, node.range[0], table.name, `table creator maps "${written}" to "${table.name}"; cannot write a name that becomes "${to}"`));
  }
}

function fixColumnNames(ctx: CodeContext, table: DrizzleTable, columns: ReadonlyMap<string, string>, edits: TextEdit[], review: ReviewItem[]): void {
  const quote = getQuote(table, ctx.source);
  for (const column of table.columns) {
    const to = columns.get(column.dbName);
    if (to === undefined) continue;
    if (column.nameNode) {
      const content = parseStringContent(column.nameNode, ctx.source);
      edits.push(getContentEdit(content, 0, content.text.length, to));
    } else if (column.builderNode && column.helper === null) {
      edits.push(getNameInsertion(column.builderNode, `${quote}${escapeFor(to, quote)}${quote}`));
    } else {
      const where = column.helper?.call ?? column.property;
      review.push(getReviewItem(ctx.source, ctx.path, where.range[0], column.dbName, `column name comes from helper ${column.helper?.name ?? '(unknown)'}; rename it there or pass the new name`));
    }
  }
  // Entries the recognizer cannot read (a helper it does not know): `userId: requiredUuidColumn('user_id')`.
  for (const entry of table.opaque) {
    if (entry.node.type !== AST_NODE_TYPES.Property) continue;
    const nameNode = getRootCallNameNode(entry.node.value);
    const to = nameNode ? columns.get(nameNode.value) : undefined;
    if (!nameNode || to === undefined) continue;
    const content = parseStringContent(nameNode, ctx.source);
    edits.push(getContentEdit(content, 0, content.text.length, to));
  }
}

/** `boolean()` → `boolean('is_admin')`, `timestamp({ precision: 3 })` → `timestamp('x', { precision: 3 })`. */
function getNameInsertion(call: TSESTree.CallExpression, literal: string): TextEdit {
  const [first] = call.arguments;
  if (first) return { start: first.range[0], end: first.range[0], text: `${literal}, ` };
  return { start: call.range[1] - 1, end: call.range[1] - 1, text: literal };
}

/** The first-argument string of the innermost call of a chain `f('name').a().b()`, or null. */
function getRootCallNameNode(value: TSESTree.Node): TSESTree.StringLiteral | null {
  let node = skipExpressionWrappers(value);
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipExpressionWrappers(node.callee.object);
    if (object.type !== AST_NODE_TYPES.CallExpression) break;
    node = object;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return null;
  return getStringLiteral(node.arguments[0]);
}

/** Name strings of the table's indexes and constraints, as the recognizer found them in this file. */
function getConstraintNameNodes(table: DrizzleTable): TSESTree.StringLiteral[] {
  return [...table.indexes, ...table.foreignKeys, ...table.checks].flatMap((entry) => (entry.nameNode ? [entry.nameNode] : []));
}

/** jscodeshift entry: `npx jscodeshift -t dist/codemods/transforms/drizzle-schema.js --parser=ts --manifest=renames.json src`. */
export default toJscodeshiftTransform(drizzleSchemaTransform);
