/**
 * Rename transform for generated Supabase types (`supabase gen types typescript`) and their uses: in the
 * `Database` type, a renamed table's key under `<schema>.Tables`, its renamed columns' keys in `Row` /
 * `Insert` / `Update`, and `Relationships` entries (`referencedRelation`, `columns`, `referencedColumns`,
 * `foreignKeyName` embedding a renamed name; views' relationships point at tables too); anywhere,
 * `Tables<'old'>` / `TablesInsert<'old'>` / `TablesUpdate<'old'>` (also `<{ schema: 'x' }, 'old'>`) and
 * indexed access types `Database['public']['Tables']['old']['Row']['oldColumn']`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { PlanLookup } from '../sql/plan-lookup.js';
import { getPlanLookup } from '../sql/plan-lookup.js';
import type { SourceTransform, TextEdit, TransformResult } from '../types.js';
import { getKeyName } from './code/ast-helpers.js';
import { getNodesOfType } from './code/get-nodes.js';
import { getQuote } from './code/get-quote.js';
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
}

export function transformSupabaseTypes(ctx: CodeContext): TransformResult {
  const types: TypesContext = { ctx, lookup: getPlanLookup(ctx.plan), quote: getQuote(ctx.source), edits: [] };
  for (const member of getNodesOfType(ctx.ast, AST_NODE_TYPES.TSPropertySignature)) {
    const kind = getKeyName(member.key, member.computed);
    if (kind !== 'Tables' && kind !== 'Views') continue;
    const schema = getEnclosingKey(member);
    const entries = member.typeAnnotation?.typeAnnotation;
    if (schema === null || entries?.type !== AST_NODE_TYPES.TSTypeLiteral) continue;
    for (const entry of entries.members) {
      if (entry.type === AST_NODE_TYPES.TSPropertySignature) fixTableEntry(types, schema, entry, kind === 'Tables');
    }
  }
  for (const reference of getNodesOfType(ctx.ast, AST_NODE_TYPES.TSTypeReference)) fixHelperReference(types, reference);
  for (const access of getNodesOfType(ctx.ast, AST_NODE_TYPES.TSIndexedAccessType)) fixIndexedAccess(types, access);
  return { edits: types.edits, review: [] };
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
  if (name === null || body?.type !== AST_NODE_TYPES.TSTypeLiteral) return;
  const rename = isTable ? types.lookup.getTable(schema, name) : undefined;
  if (rename) types.edits.push(getKeyEdit(types.ctx.source, entry, rename.to, types.quote));
  const columns = isTable ? types.lookup.getColumns(schema, name) : new Map<string, string>();
  for (const part of body.members) {
    if (part.type !== AST_NODE_TYPES.TSPropertySignature) continue;
    const partName = getKeyName(part.key, part.computed);
    const partType = part.typeAnnotation?.typeAnnotation;
    if (partName !== null && ROW_TYPES.has(partName) && partType?.type === AST_NODE_TYPES.TSTypeLiteral) {
      for (const column of partType.members) {
        if (column.type !== AST_NODE_TYPES.TSPropertySignature) continue;
        const to = columns.get(getKeyName(column.key, column.computed) ?? '');
        if (to !== undefined) types.edits.push(getKeyEdit(types.ctx.source, column, to, types.quote));
      }
    }
    if (partName === 'Relationships' && partType) {
      const elements =
        partType.type === AST_NODE_TYPES.TSTupleType ? partType.elementTypes : partType.type === AST_NODE_TYPES.TSArrayType ? [partType.elementType] : [];
      for (const element of elements) {
        if (element.type === AST_NODE_TYPES.TSTypeLiteral) fixRelationship(types, schema, isTable ? name : null, element);
      }
    }
  }
}

function fixRelationship(types: TypesContext, schema: string, owner: string | null, relationship: TSESTree.TSTypeLiteral): void {
  const fields = new Map<string, TSESTree.TypeNode>();
  for (const member of relationship.members) {
    const key = member.type === AST_NODE_TYPES.TSPropertySignature ? getKeyName(member.key, member.computed) : null;
    const type = member.type === AST_NODE_TYPES.TSPropertySignature ? member.typeAnnotation?.typeAnnotation : undefined;
    if (key !== null && type) fields.set(key, type);
  }
  const referenced = getStringLiteralType(fields.get('referencedRelation'));
  if (referenced) {
    const rename = types.lookup.getTable(schema, referenced.value);
    if (rename) replaceLiteral(types, referenced, rename.to);
    fixColumnList(types, fields.get('referencedColumns'), types.lookup.getColumns(schema, referenced.value));
  }
  if (owner === null) return;
  const ownerColumns = types.lookup.getColumns(schema, owner);
  fixColumnList(types, fields.get('columns'), ownerColumns);
  const foreignKeyName = getStringLiteralType(fields.get('foreignKeyName'));
  if (foreignKeyName) {
    const words = new Map(ownerColumns);
    const ownerRename = types.lookup.getTable(schema, owner);
    if (ownerRename) words.set(owner, ownerRename.to);
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

/** `Tables<'old'>`, `TablesInsert<{ schema: 'career' }, 'old'>`. */
function fixHelperReference(types: TypesContext, reference: TSESTree.TSTypeReference): void {
  if (reference.typeName.type !== AST_NODE_TYPES.Identifier || !TABLE_HELPERS.has(reference.typeName.name)) return;
  const params = reference.typeArguments?.params ?? [];
  let schema = DEFAULT_SCHEMA;
  let table = getStringLiteralType(params[0]);
  if (params.length === 2 && params[0]?.type === AST_NODE_TYPES.TSTypeLiteral) {
    const schemaMember = params[0].members.find(
      (member): member is TSESTree.TSPropertySignature => member.type === AST_NODE_TYPES.TSPropertySignature && getKeyName(member.key, member.computed) === 'schema',
    );
    const schemaLiteral = getStringLiteralType(schemaMember?.typeAnnotation?.typeAnnotation);
    if (!schemaLiteral) return;
    schema = schemaLiteral.value;
    table = getStringLiteralType(params[1]);
  }
  const rename = table ? types.lookup.getTable(schema, table.value) : undefined;
  if (table && rename) replaceLiteral(types, table, rename.to);
}

/** `X['public']['Tables']['old']` (the table) and `X['public']['Tables']['old']['Row']['oldColumn']` (a column). */
function fixIndexedAccess(types: TypesContext, access: TSESTree.TSIndexedAccessType): void {
  const path = getIndexPath(access);
  const index = getStringLiteralType(access.indexType);
  if (!path || !index || path[1] !== 'Tables') return;
  const [schema = '', , table = ''] = path;
  if (path.length === 3) {
    const rename = types.lookup.getTable(schema, table);
    if (rename) replaceLiteral(types, index, rename.to);
  } else if (path.length === 5 && ROW_TYPES.has(path[3] ?? '')) {
    const to = types.lookup.getColumns(schema, table).get(index.value);
    if (to !== undefined) replaceLiteral(types, index, to);
  }
}

/** The string indices of an indexed access chain rooted at a type reference, or null. */
function getIndexPath(node: TSESTree.TypeNode): string[] | null {
  if (node.type === AST_NODE_TYPES.TSTypeReference) return [];
  if (node.type !== AST_NODE_TYPES.TSIndexedAccessType) return null;
  const head = getIndexPath(node.objectType);
  const index = getStringLiteralType(node.indexType);
  return head && index ? [...head, index.value] : null;
}

function getStringLiteralType(node: TSESTree.Node | undefined): TSESTree.StringLiteral | null {
  if (node?.type !== AST_NODE_TYPES.TSLiteralType) return null;
  const literal = node.literal;
  return literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string' ? (literal as TSESTree.StringLiteral) : null;
}

function replaceLiteral(types: TypesContext, literal: TSESTree.StringLiteral, text: string): void {
  const content = parseStringContent(literal, types.ctx.source);
  types.edits.push(getContentEdit(content, 0, content.text.length, text));
}

/** jscodeshift entry: `npx jscodeshift -t dist/codemods/transforms/supabase-types.js --parser=ts --manifest=renames.json src`. */
export default toJscodeshiftTransform(supabaseTypesTransform);
