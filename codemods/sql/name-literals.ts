import { formatIdentifier } from './identifier-names.js';
import type { StatementScope } from './sql-context.js';
import { decide, getTokenIndexAt } from './sql-context.js';

type Ast = Record<string, unknown>;

/** pgTAP assertions whose arguments are ([schema,] table, …). */
const PGTAP_TABLE_FUNCTIONS = new Set([
  'has_table', 'hasnt_table', 'has_relation', 'hasnt_relation', 'has_pk', 'hasnt_pk', 'has_fk', 'hasnt_fk',
  'has_rls', 'has_trigger', 'hasnt_trigger', 'has_index', 'hasnt_index', 'columns_are', 'indexes_are', 'triggers_are',
]);

/** pgTAP assertions whose arguments are ([schema,] table, column, …). */
const PGTAP_COLUMN_FUNCTIONS = new Set([
  'has_column', 'hasnt_column', 'col_is_pk', 'col_isnt_pk', 'col_is_fk', 'col_isnt_fk', 'col_is_unique', 'col_isnt_unique',
  'col_is_null', 'col_not_null', 'col_has_default', 'col_hasnt_default', 'col_type_is', 'col_default_is', 'col_has_check',
]);

const DEFAULT_SCHEMA = 'public';

function isAst(value: unknown): value is Ast {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getLastName(names: unknown): string | null {
  if (!Array.isArray(names)) return null;
  const last: unknown = names[names.length - 1];
  return isAst(last) && isAst(last.String) && typeof last.String.sval === 'string' ? last.String.sval : null;
}

interface NameLiteral {
  readonly value: string;
  readonly location: unknown;
  /** Written as `'x'::name`. */
  readonly castToName: boolean;
}

function getNameLiteral(node: unknown): NameLiteral | null {
  if (!isAst(node)) return null;
  if (isAst(node.TypeCast)) {
    const inner = getNameLiteral(node.TypeCast.arg);
    const type = isAst(node.TypeCast.typeName) ? getLastName(node.TypeCast.typeName.names) : null;
    return inner && { ...inner, castToName: type === 'name' };
  }
  if (isAst(node.A_Const) && isAst(node.A_Const.sval) && typeof node.A_Const.sval.sval === 'string') {
    return { value: node.A_Const.sval.sval, location: node.A_Const.location, castToName: false };
  }
  return null;
}

/**
 * String literals that name a relation in a known context, the only literals ever rewritten:
 * `'messages'::regclass`, `to_regclass('messages')` (identifier syntax: folding and quotes apply),
 * and pgTAP's `has_table('messages')` / `has_column('users', 'isAdmin')` families (exact names).
 */
export function rewriteNameLiterals(statement: StatementScope, type: string, node: Ast): void {
  if (type === 'TypeCast') {
    const typeName = isAst(node.typeName) ? getLastName(node.typeName.names) : null;
    const literal = typeName === 'regclass' ? getNameLiteral(node.arg) : null;
    if (literal) rewriteRegclassLiteral(statement, literal);
    return;
  }
  const name = getLastName(node.funcname);
  const args = Array.isArray(node.args) ? node.args : [];
  if (name === 'to_regclass') {
    const literal = getNameLiteral(args[0]);
    if (literal) rewriteRegclassLiteral(statement, literal);
    return;
  }
  if (name === null || (!PGTAP_TABLE_FUNCTIONS.has(name) && !PGTAP_COLUMN_FUNCTIONS.has(name))) return;
  const literals = args.map(getNameLiteral);
  const { lookup } = statement.ctx;
  const [first, second] = literals;
  const isSchemaFirst =
    first != null &&
    second != null &&
    ((first.castToName && second.castToName) ||
      (lookup.schemas.has(first.value) && (lookup.getTable(first.value, second.value) !== undefined || lookup.getColumns(first.value, second.value).size > 0)));
  const schema = isSchemaFirst && first ? first.value : DEFAULT_SCHEMA;
  const table = literals[isSchemaFirst ? 1 : 0];
  if (!table) return;
  const tableRename = lookup.getTable(schema, table.value);
  if (tableRename) replaceLiteral(statement, table, tableRename.to);
  if (!PGTAP_COLUMN_FUNCTIONS.has(name)) return;
  const column = literals[isSchemaFirst ? 2 : 1];
  const columnRename = column ? lookup.getColumns(schema, table.value).get(column.value) : undefined;
  if (column && columnRename !== undefined) replaceLiteral(statement, column, columnRename);
}

const QUALIFIED_NAME = /^(?:("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\.)?("(?:[^"]|"")+"|[A-Za-z_][\w$]*)$/;

function parseIdentifierPart(part: string): { name: string; quoted: boolean } {
  return part.startsWith('"') ? { name: part.slice(1, -1).replaceAll('""', '"'), quoted: true } : { name: part.toLowerCase(), quoted: false };
}

function rewriteRegclassLiteral(statement: StatementScope, literal: NameLiteral): void {
  const match = QUALIFIED_NAME.exec(literal.value);
  if (!match || match[2] === undefined) return;
  const schemaPart = match[1];
  const table = parseIdentifierPart(match[2]);
  const schema = schemaPart === undefined ? DEFAULT_SCHEMA : parseIdentifierPart(schemaPart).name;
  const rename = statement.ctx.lookup.getTable(schema, table.name);
  if (!rename) return;
  const prefix = schemaPart === undefined ? '' : `${schemaPart}.`;
  replaceLiteral(statement, literal, prefix + formatIdentifier(rename.to, table.quoted));
}

/** Replace a plain '…' literal's content; other literal spellings (E'…', $$…$$) are left for review. */
function replaceLiteral(statement: StatementScope, literal: NameLiteral, value: string): void {
  const index = getTokenIndexAt(statement, literal.location);
  const token = index === null ? undefined : statement.ctx.tokens[index];
  if (index === null || !token) return;
  if (token.kind !== 'string' || !token.text.startsWith("'")) {
    decide(statement.ctx, index, { kind: 'review', name: literal.value, reason: 'relation name in a string literal that is not a plain quoted string' });
    return;
  }
  decide(statement.ctx, index, { kind: 'edit', text: `'${value.replaceAll("'", "''")}'` });
}
