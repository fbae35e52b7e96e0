/**
 * Rename transform for generated Supabase types (`supabase gen types typescript`) and their uses: in the
 * `Database` type, a renamed table's key under `<schema>.Tables`, its renamed columns' keys in `Row` /
 * `Insert` / `Update`, and `Relationships` entries (`referencedRelation`, `columns`, `referencedColumns`,
 * `foreignKeyName` embedding a renamed name; views' relationships point at tables too); anywhere,
 * `Tables<'old'>` / `TablesInsert<'old'>` / `TablesUpdate<'old'>` (also `<{ schema: 'x' }, 'old'>`), the project's
 * generic aliases of the generated types (`Table<'old'>` of `type Table<T extends keyof Database['public']['Tables']>`,
 * in this file or imported under any name, also `Alias<'old', …>`; see `getTableTypeParameter`) and
 * indexed access types `Database['public']['Tables']['old']['Row']['oldColumn']`; `SetofOptions { from, to }` of
 * functions that return a table's rows (newer `supabase gen types`).
 *
 * Hand-written types of the same shape too: a table entry whose type is a named interface or type alias of the
 * file (`Tables: { calls: CallsTable }`, its `Row` / `Insert` / `Update` / `Relationships` read as that table's);
 * a map of table types (`interface PublicTables { calls: CallsTable; transcripts: Tables<'transcripts'> }`: the
 * keys are table names, as are the first indices of `PublicTables['calls']['Row']`); and relationship types
 * outside any table (`{ referencedRelation: 'transcripts'; columns: [...] }`, their own table told by the
 * `foreignKeyName` prefix). A table type declared in another file is listed for review when its table has
 * renamed columns.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { PlanLookup } from '../sql/plan-lookup.js';
import { getPlanLookup } from '../sql/plan-lookup.js';
import { getEmbeddedNameWords } from '../sql/embedded-name-words.js';
import { getPlanTables } from '../sql/plan-tables.js';
import type { ReviewItem, SourceTransform, TextEdit, TransformResult } from '../types.js';
import { getKeyName } from './code/ast-helpers.js';
import { getIndexPath } from './code/get-index-path.js';
import { getNodesOfType } from './code/get-nodes.js';
import { getStringLiteralType } from './code/get-string-literal-type.js';
import { getTableTypeParameter } from './code/get-table-type-parameter.js';
import { getQuote } from './code/get-quote.js';
import { getReviewItem } from './code/get-review-item.js';
import { getKeyEdit } from './code/key-edit.js';
import type { CodeContext } from './code/parse-code.js';
import { parseCode } from './code/parse-code.js';
import { MAX_IDENTIFIER_BYTES } from '../../naming/identifiers.js';
import { renameEmbeddedName } from '../../naming/rename-embedded-name.js';
import type { QuoteChar } from './code/string-content.js';
import { getContentEdit, parseStringContent } from './code/string-content.js';
import { toJscodeshiftTransform } from '../jscodeshift.js';

const DEFAULT_SCHEMA = 'public';
const TABLE_HELPERS = new Set(['Tables', 'TablesInsert', 'TablesUpdate']);
const ROW_TYPES = new Set(['Row', 'Insert', 'Update']);

interface TypesContext {
  readonly ctx: CodeContext;
  readonly lookup: PlanLookup;
  readonly quote: QuoteChar;
  readonly edits: TextEdit[];
  readonly review: ReviewItem[];
  /** Interfaces and type aliases of the file, by name: the members of their object type. */
  readonly declarations: ReadonlyMap<string, readonly TSESTree.TypeElement[]>;
  /** Type literals / interface bodies already read as a table's (each once), and relationships read with their table. */
  readonly visited: Set<readonly TSESTree.TypeElement[] | TSESTree.TSTypeLiteral>;
  /** Type aliases of the file, by name: what they stand for. */
  readonly aliases: ReadonlyMap<string, TSESTree.TypeNode>;
  /** Names of the file's declarations that are maps of table types. */
  readonly tableMaps: Set<string>;
}

export function transformSupabaseTypes(ctx: CodeContext): TransformResult {
  const types: TypesContext = {
    ctx,
    lookup: getPlanLookup(ctx.plan),
    quote: getQuote(ctx.source),
    edits: [],
    review: [],
    declarations: getTypeDeclarations(ctx.ast),
    aliases: new Map(getNodesOfType(ctx.ast, AST_NODE_TYPES.TSTypeAliasDeclaration).map((alias) => [alias.id.name, alias.typeAnnotation])),
    visited: new Set(),
    tableMaps: new Set(),
  };
  for (const member of getNodesOfType(ctx.ast, AST_NODE_TYPES.TSPropertySignature)) {
    const kind = getKeyName(member.key, member.computed);
    if (kind !== 'Tables' && kind !== 'Views') continue;
    const schema = getEnclosingKey(member);
    const entries = getObjectMembers(types, member.typeAnnotation?.typeAnnotation);
    if (schema === null || entries === null) continue;
    types.visited.add(entries);
    const type = member.typeAnnotation?.typeAnnotation;
    if (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier) types.tableMaps.add(type.typeName.name);
    for (const entry of entries) {
      if (entry.type === AST_NODE_TYPES.TSPropertySignature) fixTableEntry(types, schema, entry, kind === 'Tables');
    }
  }
  for (const [name, members] of types.declarations) {
    if (types.visited.has(members) || !isTableMap(types, members)) continue;
    types.tableMaps.add(name);
    types.visited.add(members);
    for (const entry of members) {
      if (entry.type === AST_NODE_TYPES.TSPropertySignature) fixTableEntry(types, DEFAULT_SCHEMA, entry, true);
    }
  }
  for (const member of getNodesOfType(ctx.ast, AST_NODE_TYPES.TSPropertySignature)) {
    if (getKeyName(member.key, member.computed) === 'SetofOptions') fixSetofOptions(types, member);
  }
  for (const literal of getNodesOfType(ctx.ast, AST_NODE_TYPES.TSTypeLiteral)) {
    if (!types.visited.has(literal) && getMember(literal.members, 'referencedRelation')) fixRelationship(types, DEFAULT_SCHEMA, null, literal);
  }
  for (const reference of getNodesOfType(ctx.ast, AST_NODE_TYPES.TSTypeReference)) fixHelperReference(types, reference);
  for (const access of getNodesOfType(ctx.ast, AST_NODE_TYPES.TSIndexedAccessType)) fixIndexedAccess(types, access);
  return { edits: types.edits, review: types.review };
}

/** The transform on its own (parses the file itself), for the CLI registry and jscodeshift. */
export const supabaseTypesTransform: SourceTransform = function supabaseTypes(input) {
  return transformSupabaseTypes(parseCode(input));
};

/** `public: { Tables: … }` → `public`: the key of the property whose type literal holds `member`. */
function getEnclosingKey(member: TSESTree.TSPropertySignature): string | null {
  const literal = member.parent;
  const annotation = literal?.parent;
  const owner = annotation?.parent;
  if (literal?.type !== AST_NODE_TYPES.TSTypeLiteral || annotation?.type !== AST_NODE_TYPES.TSTypeAnnotation) return null;
  return owner?.type === AST_NODE_TYPES.TSPropertySignature ? getKeyName(owner.key, owner.computed) : null;
}

function fixTableEntry(types: TypesContext, schema: string, entry: TSESTree.TSPropertySignature, isTable: boolean): void {
  const name = getKeyName(entry.key, entry.computed);
  const body = entry.typeAnnotation?.typeAnnotation;
  if (name === null || !body) return;
  const rename = isTable ? types.lookup.getTable(schema, name) : undefined;
  const members = getObjectMembers(types, body);
  if (rename) types.edits.push(getKeyEdit(types.ctx.source, entry, rename.to, types.quote));
  const columns = isTable ? types.lookup.getColumns(schema, name) : new Map<string, string>();
  if (members === null) {
    if (body.type === AST_NODE_TYPES.TSTypeReference && !isTableType(types, body, name, 0) && columns.size > 0) {
      const typeName = types.ctx.source.slice(...body.typeName.range);
      addReview(types, body.range[0], name, `the type of table ${schema}.${name} (${typeName}) is declared in another file: rename its renamed columns there by hand`);
    }
    return;
  }
  if (types.visited.has(members)) return;
  types.visited.add(members);
  for (const part of members) {
    if (part.type !== AST_NODE_TYPES.TSPropertySignature) continue;
    const partName = getKeyName(part.key, part.computed);
    const partType = part.typeAnnotation?.typeAnnotation;
    const rowMembers = partName !== null && ROW_TYPES.has(partName) ? getObjectMembers(types, partType) : null;
    if (rowMembers) {
      for (const column of rowMembers) {
        if (column.type !== AST_NODE_TYPES.TSPropertySignature) continue;
        const to = columns.get(getKeyName(column.key, column.computed) ?? '');
        if (to !== undefined) types.edits.push(getKeyEdit(types.ctx.source, column, to, types.quote));
      }
    }
    if (partName === 'Relationships' && partType) {
      const elements =
        partType.type === AST_NODE_TYPES.TSTupleType ? partType.elementTypes : partType.type === AST_NODE_TYPES.TSArrayType ? [partType.elementType] : [];
      for (const element of elements) {
        if (element.type !== AST_NODE_TYPES.TSTypeLiteral) continue;
        types.visited.add(element);
        // A view's relationships name the view's own columns: only the referenced side is renamed.
        if (isTable) fixRelationship(types, schema, name, element);
        else fixReferencedSide(types, schema, getRelationshipFields(element));
      }
    }
  }
}

function fixRelationship(types: TypesContext, schema: string, knownOwner: string | null, relationship: TSESTree.TSTypeLiteral): void {
  const fields = getRelationshipFields(relationship);
  fixReferencedSide(types, schema, fields);
  const foreignKeyName = getStringLiteralType(fields.get('foreignKeyName'));
  // Outside a table entry, the relationship's own table is the one its constraint name starts with.
  const owners = knownOwner === null && foreignKeyName ? getPlanTables(types.lookup, schema).filter((table) => foreignKeyName.value.startsWith(`${table}_`)) : [];
  const owner = knownOwner ?? (owners.length === 1 ? owners[0]! : null);
  if (owner === null) {
    // A constraint name that starts with no renamed table belongs to a table the plan leaves alone.
    if (foreignKeyName) return;
    const columns = fields.get('columns');
    const names = columns?.type === AST_NODE_TYPES.TSTupleType ? columns.elementTypes.map(getStringLiteralType) : [];
    const mentioned = names.find((literal) => literal !== null && types.lookup.columnNames.has(literal.value));
    if (mentioned) addReview(types, mentioned.range[0], mentioned.value, 'relationship type without a foreignKeyName, so its own table is not known: check its columns');
    return;
  }
  const ownerColumns = types.lookup.getColumns(schema, owner);
  const columnList = fields.get('columns');
  const fkColumns = new Set(columnList?.type === AST_NODE_TYPES.TSTupleType ? columnList.elementTypes.map((element) => getStringLiteralType(element)?.value) : []);
  fixColumnList(types, columnList, ownerColumns);
  if (foreignKeyName) {
    // Only the words this relationship still has in their old form: a re-run on `transcripts_source_call_id_fkey`
    // (columns already `source_call_id`) must not rename `call_id` inside it again.
    const words = getEmbeddedNameWords(types.lookup, schema, owner);
    for (const column of ownerColumns.keys()) if (!fkColumns.has(column)) words.delete(column);
    const renamed = renameEmbeddedName(foreignKeyName.value, words);
    // Over 63 bytes the migration keeps the old constraint name (and the Drizzle transform lists it): so does this.
    if (renamed !== foreignKeyName.value && Buffer.byteLength(renamed, 'utf8') <= MAX_IDENTIFIER_BYTES) replaceLiteral(types, foreignKeyName, renamed);
  }
}

function fixColumnList(types: TypesContext, list: TSESTree.TypeNode | undefined, columns: ReadonlyMap<string, string>): void {
  if (list?.type !== AST_NODE_TYPES.TSTupleType) return;
  for (const element of list.elementTypes) {
    const literal = getStringLiteralType(element);
    const to = literal ? columns.get(literal.value) : undefined;
    if (literal && to !== undefined) replaceLiteral(types, literal, to);
  }
}

/**
 * `Tables<'old'>`, `TablesInsert<{ schema: 'career' }, 'old'>`; and the project's own generic aliases of them
 * (`Table<'old'>` of `type Table<T extends keyof Database['public']['Tables']> = …`, declared here or imported,
 * perhaps under another name: `getTableTypeParameter`), asked about only when an argument is an old table name.
 */
function fixHelperReference(types: TypesContext, reference: TSESTree.TSTypeReference): void {
  const params = reference.typeArguments?.params ?? [];
  if (reference.typeName.type === AST_NODE_TYPES.Identifier && TABLE_HELPERS.has(reference.typeName.name)) {
    fixTableArgument(types, params, 0, DEFAULT_SCHEMA, true);
    return;
  }
  const oldName = params.map((param) => getStringLiteralType(param)).find((literal) => literal !== null && types.lookup.tableNames.has(literal.value));
  if (!oldName) return;
  const file = path.resolve(types.ctx.settings.cwd ?? process.cwd(), types.ctx.path);
  const parameter = getTableTypeParameter(reference.typeName, types.ctx.ast, file, types.ctx.plan);
  if (parameter?.kind === 'table') fixTableArgument(types, params, parameter.index, parameter.schema, parameter.hasSchemaOption);
  else if (parameter?.kind === 'unknown') addReview(types, oldName.range[0], oldName.value, parameter.reason);
}

/** The table argument at `index` (after a `{ schema: 'x' }` argument there when the parameter takes one). */
function fixTableArgument(types: TypesContext, params: readonly TSESTree.TypeNode[], index: number, defaultSchema: string, hasSchemaOption: boolean): void {
  let schema = defaultSchema;
  let table = getStringLiteralType(params[index]);
  const option = params[index];
  if (hasSchemaOption && params.length > index + 1 && option?.type === AST_NODE_TYPES.TSTypeLiteral) {
    const schemaMember = getMember(option.members, 'schema');
    const schemaLiteral = getStringLiteralType(schemaMember?.typeAnnotation?.typeAnnotation);
    if (!schemaLiteral) return;
    schema = schemaLiteral.value;
    table = getStringLiteralType(params[index + 1]);
  }
  const rename = table ? types.lookup.getTable(schema, table.value) : undefined;
  if (table && rename) replaceLiteral(types, table, rename.to);
}

/**
 * `X['public']['Tables']['old']` (the table) and `X['public']['Tables']['old']['Row']['oldColumn']` (a column);
 * on a map of table types of this file, `PublicTables['old']` and `PublicTables['old']['Row']['oldColumn']`.
 */
function fixIndexedAccess(types: TypesContext, access: TSESTree.TSIndexedAccessType): void {
  const chain = getIndexPath(access);
  const index = getStringLiteralType(access.indexType);
  if (!chain || !index) return;
  const isMap = chain.root !== null && types.tableMaps.has(chain.root);
  const path = isMap ? [DEFAULT_SCHEMA, 'Tables', ...chain.path] : chain.path;
  if (path[1] !== 'Tables') return;
  const [schema = '', , table = ''] = path;
  if (path.length === 3) {
    const rename = types.lookup.getTable(schema, table);
    if (rename) replaceLiteral(types, index, rename.to);
  } else if (path.length === 5 && ROW_TYPES.has(path[3] ?? '')) {
    const to = types.lookup.getColumns(schema, table).get(index.value);
    if (to !== undefined) replaceLiteral(types, index, to);
  }
}

function getRelationshipFields(relationship: TSESTree.TSTypeLiteral): Map<string, TSESTree.TypeNode> {
  const fields = new Map<string, TSESTree.TypeNode>();
  for (const member of relationship.members) {
    const key = member.type === AST_NODE_TYPES.TSPropertySignature ? getKeyName(member.key, member.computed) : null;
    const type = member.type === AST_NODE_TYPES.TSPropertySignature ? member.typeAnnotation?.typeAnnotation : undefined;
    if (key !== null && type) fields.set(key, type);
  }
  return fields;
}

/** `referencedRelation` and `referencedColumns` of a relationship. */
function fixReferencedSide(types: TypesContext, schema: string, fields: ReadonlyMap<string, TSESTree.TypeNode>): void {
  const referenced = getStringLiteralType(fields.get('referencedRelation'));
  if (!referenced) return;
  const rename = types.lookup.getTable(schema, referenced.value);
  if (rename) replaceLiteral(types, referenced, rename.to);
  fixColumnList(types, fields.get('referencedColumns'), types.lookup.getColumns(schema, referenced.value));
}

/** `SetofOptions: { from: 'calls'; to: 'transcripts' }` of a function (`from: '*'` is any caller). */
function fixSetofOptions(types: TypesContext, member: TSESTree.TSPropertySignature): void {
  const options = getObjectMembers(types, member.typeAnnotation?.typeAnnotation);
  if (!options) return;
  const schema = getFunctionsSchema(member) ?? DEFAULT_SCHEMA;
  for (const field of ['from', 'to']) {
    const option = getMember(options, field);
    const literal = getStringLiteralType(option?.typeAnnotation?.typeAnnotation);
    const rename = literal ? types.lookup.getTable(schema, literal.value) : undefined;
    if (literal && rename) replaceLiteral(types, literal, rename.to);
  }
  // `Returns` is a row of the `to` table (or an array of them): its keys are that table's columns.
  const to = getStringLiteralType(getMember(options, 'to')?.typeAnnotation?.typeAnnotation);
  const returns = member.parent.type === AST_NODE_TYPES.TSTypeLiteral ? getMember(member.parent.members, 'Returns')?.typeAnnotation?.typeAnnotation : undefined;
  const row = returns?.type === AST_NODE_TYPES.TSArrayType ? returns.elementType : returns;
  const columns = to ? types.lookup.getColumns(schema, to.value) : new Map<string, string>();
  if (row?.type !== AST_NODE_TYPES.TSTypeLiteral || columns.size === 0) return;
  for (const column of row.members) {
    const renamed = column.type === AST_NODE_TYPES.TSPropertySignature ? columns.get(getKeyName(column.key, column.computed) ?? '') : undefined;
    if (renamed !== undefined && column.type === AST_NODE_TYPES.TSPropertySignature) types.edits.push(getKeyEdit(types.ctx.source, column, renamed, types.quote));
  }
}

/** The schema key above `<schema>: { Functions: { fn: { …, SetofOptions } } }` (overloads as a union too), or null. */
function getFunctionsSchema(member: TSESTree.TSPropertySignature): string | null {
  for (let node: TSESTree.Node | undefined = member.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.TSPropertySignature && getKeyName(node.key, node.computed) === 'Functions') return getEnclosingKey(node);
  }
  return null;
}

/** The members of an object type: a type literal, or a reference to an interface or type alias of this file. */
function getObjectMembers(types: TypesContext, node: TSESTree.TypeNode | undefined): readonly TSESTree.TypeElement[] | null {
  if (node?.type === AST_NODE_TYPES.TSTypeLiteral) return node.members;
  if (node?.type === AST_NODE_TYPES.TSTypeReference && node.typeName.type === AST_NODE_TYPES.Identifier && !node.typeArguments) {
    return types.declarations.get(node.typeName.name) ?? null;
  }
  return null;
}

function getMember(members: readonly TSESTree.TypeElement[], name: string): TSESTree.TSPropertySignature | undefined {
  return members.find(
    (member): member is TSESTree.TSPropertySignature => member.type === AST_NODE_TYPES.TSPropertySignature && getKeyName(member.key, member.computed) === name,
  );
}

/**
 * The type of table `table`'s rows or entry: an object type with a `Row`, `Tables<'table'>` (and Insert /
 * Update), `X['Tables']['table']…`, or a type alias of this file for one of those.
 */
function isTableType(types: TypesContext, node: TSESTree.TypeNode, table: string, depth: number): boolean {
  const members = getObjectMembers(types, node);
  if (members && getMember(members, 'Row')) return true;
  if (node.type === AST_NODE_TYPES.TSIndexedAccessType) {
    const path = getIndexPath(node)?.path ?? [];
    return path[1] === 'Tables' && path[2] === table;
  }
  if (node.type !== AST_NODE_TYPES.TSTypeReference || node.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  if (TABLE_HELPERS.has(node.typeName.name)) {
    const params = node.typeArguments?.params ?? [];
    return getStringLiteralType(params.at(-1))?.value === table;
  }
  const aliased = types.aliases.get(node.typeName.name);
  return depth < 3 && aliased !== undefined && isTableType(types, aliased, table, depth + 1);
}

/**
 * A hand-written map of table types, like the generated `Tables` (`interface PublicTables { calls: CallsTable; … }`):
 * at least one entry is a table's own type (an object type with a `Row`), and every other entry is a table type
 * for its key (`Tables<'key'>`, `X['Tables']['key']`) or a named type declared elsewhere. A map of row types alone
 * (`{ messages: Tables<'messages'> }`, perhaps props) is not enough: its keys need not be table names.
 */
function isTableMap(types: TypesContext, members: readonly TSESTree.TypeElement[]): boolean {
  let entries = 0;
  for (const member of members) {
    const key = member.type === AST_NODE_TYPES.TSPropertySignature ? getKeyName(member.key, member.computed) : null;
    const type = member.type === AST_NODE_TYPES.TSPropertySignature ? member.typeAnnotation?.typeAnnotation : undefined;
    if (key === null || !type) return false;
    const objectMembers = getObjectMembers(types, type);
    if (objectMembers && getMember(objectMembers, 'Row')) entries++;
    else if (!isTableType(types, type, key, 0) && (type.type !== AST_NODE_TYPES.TSTypeReference || objectMembers !== null)) return false;
  }
  return entries > 0;
}

/** Interfaces and object type aliases of the file, by name. */
function getTypeDeclarations(ast: TSESTree.Program): Map<string, readonly TSESTree.TypeElement[]> {
  const declarations = new Map<string, readonly TSESTree.TypeElement[]>();
  for (const declaration of getNodesOfType(ast, AST_NODE_TYPES.TSInterfaceDeclaration)) declarations.set(declaration.id.name, declaration.body.body);
  for (const alias of getNodesOfType(ast, AST_NODE_TYPES.TSTypeAliasDeclaration)) {
    if (alias.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) declarations.set(alias.id.name, alias.typeAnnotation.members);
  }
  return declarations;
}

function addReview(types: TypesContext, offset: number, name: string, reason: string): void {
  types.review.push(getReviewItem(types.ctx.source, types.ctx.path, offset, name, reason));
}

function replaceLiteral(types: TypesContext, literal: TSESTree.StringLiteral, text: string): void {
  const content = parseStringContent(literal, types.ctx.source);
  types.edits.push(getContentEdit(content, 0, content.text.length, text));
}

/** jscodeshift entry: `npx jscodeshift -t dist/codemods/transforms/supabase-types.js --parser=ts --manifest=renames.json src`. */
export default toJscodeshiftTransform(supabaseTypesTransform);
