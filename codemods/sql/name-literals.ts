import { getEmbeddedRename } from './get-embedded-rename.js';
import { formatIdentifier } from './identifier-names.js';
import { rewritePgtapCall } from './pgtap-calls.js';
import { replaceNameLiteral } from './replace-name-literal.js';
import type { StatementScope } from './sql-context.js';
import { isAst, getLastName, type Ast } from './sql-ast.js';


const DEFAULT_SCHEMA = 'public';



interface NameLiteral {
  readonly value: string;
  readonly location: unknown;
}

function getNameLiteral(node: unknown): NameLiteral | null {
  if (!isAst(node)) return null;
  if (isAst(node.TypeCast)) {
    return getNameLiteral(node.TypeCast.arg);
  }
  if (isAst(node.A_Const) && isAst(node.A_Const.sval) && typeof node.A_Const.sval.sval === 'string') {
    return { value: node.A_Const.sval.sval, location: node.A_Const.location };
  }
  return null;
}

/**
 * String literals that name a relation in a known context, the only literals ever rewritten:
 * `'messages'::regclass`, `to_regclass('messages')` (identifier syntax: folding and quotes apply),
 * and the arguments of pgTAP's assertions by their roles (`pgtap-calls.ts`: exact names).
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
  if (name !== null) rewritePgtapCall(statement, name, args);
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
  const prefix = schemaPart === undefined ? '' : `${schemaPart}.`;
  if (rename) {
    replaceNameLiteral(statement, literal.location, literal.value, prefix + formatIdentifier(rename.to, table.quoted));
    return;
  }
  // A sequence a renamed table's column owns (`nextval('items_id_seq'::regclass)`): renamed as the migration renames it.
  const owner = statement.ctx.sequenceOwners.get(`${schema}.${table.name}`);
  const renamed = owner ? getEmbeddedRename(statement, `'${literal.value}'::regclass`, owner.schema, owner.table, { value: table.name, location: literal.location }) : null;
  if (renamed !== null) replaceNameLiteral(statement, literal.location, literal.value, prefix + formatIdentifier(renamed, table.quoted));
}
