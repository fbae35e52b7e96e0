/**
 * pgTAP assertions (`has_table`, `fk_ok`, `has_index`, `columns_are`, … every function of `pgtap-overloads.ts`,
 * also schema-qualified as `extensions.has_table`): the call is resolved to one declared overload the way
 * Postgres resolves it, and each string-literal argument is read by its role there.
 *
 * - a table (or view) name is renamed; a column name or a column array element (`ARRAY['a', 'b']`,
 *   `'{a,b}'::name[]`) is renamed when it is a renamed column of the argument group's table;
 * - an index or sequence name is renamed by the word rule the migration applies in the database
 *   (`renameEmbeddedName` with the table's renamed columns, then the table: `calls_user_id_idx` →
 *   `comms_calls_user_id_idx`), so the test still passes after the migration. Named without its table
 *   (`index_is_unique('calls_user_id_idx')`, `has_sequence('calls_id_seq')`), the table is the renamed
 *   one its name starts with; over 63 bytes the migration keeps the old name, and so does this (listed);
 * - trigger, policy and rule names, descriptions and types are never touched (the migration renames none).
 *
 * Listed for review instead: a call Postgres would find ambiguous, an argument pgTAP reads in another role
 * than its text suggests (`col_is_pk('public', 'messages', 'id')` is `(table, column, description)`: only
 * `::name` casts make it `(schema, table, column)`), an expression (`'lower(email)'`) naming a renamed column,
 * and index or sequence names whose table cannot be told.
 */
import type { NameLiteral } from './get-embedded-rename.js';
import { getEmbeddedRename } from './get-embedded-rename.js';
import type { PgtapParameter, PgtapRole } from './pgtap-overloads.js';
import { getPgtapOverloads } from './pgtap-overloads.js';
import type { PgtapArgumentType } from './resolve-pgtap-overload.js';
import { resolvePgtapOverload } from './resolve-pgtap-overload.js';
import type { PlanLookup } from './plan-lookup.js';
import { getPlanTables } from './plan-tables.js';
import { replaceNameLiteral } from './replace-name-literal.js';
import type { StatementScope } from './sql-context.js';
import { decide, getTokenIndexAt } from './sql-context.js';
import { getLastName, isAst } from './sql-ast.js';


const DEFAULT_SCHEMA = 'public';
const NAME_FUNCTIONS = new Set(['SVFOP_CURRENT_USER', 'SVFOP_CURRENT_ROLE', 'SVFOP_SESSION_USER', 'SVFOP_USER', 'SVFOP_CURRENT_SCHEMA', 'SVFOP_CURRENT_CATALOG']);
const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar']);
const SIMPLE_NAME = /^[A-Za-z_][\w$]*$/;


interface PgtapArgument {
  readonly type: PgtapArgumentType;
  /** The literal names it holds: one for a scalar, the elements for an array; empty when not literal. */
  readonly names: readonly NameLiteral[];
  /** `'{a,b}'::name[]`: the names are the elements of this one literal. */
  readonly arrayLiteral: NameLiteral | null;
  /** `current_schema` and friends: a name the codemod cannot read, but whose type it knows. */
  readonly isCurrentSchema: boolean;
}

interface Group {
  readonly schema: string | null;
  table: string | null;
}



function getStringConst(node: unknown): NameLiteral | null {
  if (!isAst(node) || !isAst(node.A_Const) || !isAst(node.A_Const.sval)) return null;
  const value = node.A_Const.sval.sval;
  return { value: typeof value === 'string' ? value : '', location: node.A_Const.location };
}

/** `{a,b}` with plain names only, else null. */
function parseArrayLiteral(text: string): string[] | null {
  const match = /^\{(.*)\}$/s.exec(text.trim());
  if (!match) return null;
  const inner = match[1]!.trim();
  if (inner === '') return [];
  const names = inner.split(',').map((name) => name.trim());
  return names.every((name) => SIMPLE_NAME.test(name)) ? names : null;
}

function readArgument(node: unknown): PgtapArgument {
  const none = { names: [], arrayLiteral: null, isCurrentSchema: false };
  if (!isAst(node)) return { type: 'other', ...none };
  const literal = getStringConst(node);
  if (literal) return { type: 'unknown', ...none, names: [literal] };
  if (isAst(node.A_Const)) return { type: 'ival' in node.A_Const ? 'int' : 'other', ...none };
  if (isAst(node.A_ArrayExpr)) {
    const elements = Array.isArray(node.A_ArrayExpr.elements) ? node.A_ArrayExpr.elements.map(readArgument) : [];
    const names = elements.flatMap((element) => element.names);
    return { type: elements[0]?.type === 'name' ? 'name[]' : 'text[]', ...none, names };
  }
  if (isAst(node.TypeCast)) {
    const typeName = isAst(node.TypeCast.typeName) ? node.TypeCast.typeName : {};
    const base = getLastName(typeName.names);
    const isArray = Array.isArray(typeName.arrayBounds) && typeName.arrayBounds.length > 0;
    const scalar = base === 'name' ? 'name' : base !== null && TEXT_TYPES.has(base) ? 'text' : null;
    const type: PgtapArgumentType = scalar === null ? 'other' : isArray ? `${scalar}[]` : scalar;
    const inner = readArgument(node.TypeCast.arg);
    const text = getStringConst(node.TypeCast.arg);
    if (isArray && text) {
      const names = parseArrayLiteral(text.value);
      return { type, ...none, names: names?.map((value) => ({ value, location: text.location })) ?? [], arrayLiteral: text };
    }
    return { ...inner, type };
  }
  if (isAst(node.SQLValueFunction)) {
    const op = node.SQLValueFunction.op;
    return { type: typeof op === 'string' && NAME_FUNCTIONS.has(op) ? 'name' : 'other', ...none, isCurrentSchema: op === 'SVFOP_CURRENT_SCHEMA' };
  }
  if (isAst(node.FuncCall) && getLastName(node.FuncCall.funcname) === 'current_schema' && !Array.isArray(node.FuncCall.args)) {
    return { type: 'name', ...none, isCurrentSchema: true };
  }
  return { type: 'other', ...none };
}

/** Rewrite the name arguments of pgTAP call `name(args)`; does nothing for functions that take no names. */
export function rewritePgtapCall(statement: StatementScope, name: string, argumentNodes: readonly unknown[]): void {
  const overloads = getPgtapOverloads(name);
  if (!overloads) return;
  const args = argumentNodes.map(readArgument);
  const { lookup } = statement.ctx;
  const resolved = resolvePgtapOverload(
    overloads,
    args.map((argument) => argument.type),
  );
  if (resolved.length !== 1) {
    if (resolved.length > 1) {
      const reason = `${name}() call Postgres cannot resolve to one overload: cast its arguments (::name) and check this name`;
      for (const literal of args.flatMap((argument) => argument.names)) if (isMentioningOldName(lookup, literal.value)) review(statement, literal, reason);
    }
    return;
  }
  const [overload] = resolved;
  const [first] = args;
  const isSchemaFirst = first !== undefined && (first.isCurrentSchema || (first.names[0] !== undefined && isPlanSchema(lookup, first.names[0].value)));
  const parameters = overload!.schemaFirst && isSchemaFirst ? overload!.schemaFirst : overload!.parameters;
  rewriteArguments(statement, name, parameters, args);
}

function isPlanSchema(lookup: PlanLookup, name: string): boolean {
  return name === DEFAULT_SCHEMA || lookup.schemas.has(name);
}

/** The value of a literal is an old table or column name, or embeds an old table name as a run of `_`-words. */
function isMentioningOldName(lookup: PlanLookup, value: string): boolean {
  if (lookup.tableNames.has(value) || lookup.columnNames.has(value)) return true;
  return [...lookup.tableNames].some((table) => `_${value}_`.includes(`_${table}_`));
}

function rewriteArguments(statement: StatementScope, name: string, parameters: readonly PgtapParameter[], args: readonly PgtapArgument[]): void {
  let group: Group = { schema: DEFAULT_SCHEMA, table: null };
  let isSchemaOpen = false;
  args.forEach((argument, index) => {
    const role = parameters[index]?.role ?? '-';
    const [literal] = argument.names;
    if (role === 'schema') {
      group = { schema: literal?.value ?? (argument.isCurrentSchema ? DEFAULT_SCHEMA : null), table: null };
      isSchemaOpen = true;
      return;
    }
    if (role === 'table') {
      if (!isSchemaOpen) group = { schema: DEFAULT_SCHEMA, table: null };
      isSchemaOpen = false;
      group.table = literal?.value ?? null;
    }
    const { schema, table } = group;
    if (schema === null) return;
    const renames = argument.names.map((item) => getRenamedName(statement, name, role, schema, table, item));
    const arrayLiteral = argument.arrayLiteral;
    if (arrayLiteral && argument.names.length === 0 && role !== '-' && /[\w$]/.test(arrayLiteral.value)) {
      const words = arrayLiteral.value.match(/[A-Za-z_][\w$]*/g) ?? [];
      const old = words.find((word) => isMentioningOldName(statement.ctx.lookup, word));
      if (old !== undefined) review(statement, { value: old, location: arrayLiteral.location }, `${name}() array literal this codemod cannot read (quoted or odd elements): rename the names in it by hand`);
      return;
    }
    if (argument.arrayLiteral) {
      if (renames.some((rename) => rename !== null)) {
        const elements = argument.names.map((item, position) => renames[position] ?? item.value);
        replaceNameLiteral(statement, argument.arrayLiteral.location, argument.arrayLiteral.value, `{${elements.join(',')}}`);
      }
      return;
    }
    argument.names.forEach((item, position) => {
      const rename = renames[position];
      if (rename !== null && rename !== undefined) replaceNameLiteral(statement, item.location, item.value, rename);
    });
  });
}

/** The new text of one name argument, or null to leave it (review items are recorded here). */
function getRenamedName(statement: StatementScope, name: string, role: PgtapRole, schema: string, table: string | null, literal: NameLiteral): string | null {
  const { lookup } = statement.ctx;
  const { value } = literal;
  if (role === 'table' || role === 'tables') return lookup.getTable(schema, value)?.to ?? null;
  // has_index(table, index, text) reads a text with a parenthesis as an index expression (pgTAP 1.3).
  const isExpression = role === '-' && name === 'has_index' && value.includes('(');
  const renamed =
    role === 'column' || role === 'columns' || isExpression
      ? getColumnRename(statement, name, schema, table, literal)
      : role === '-' || role === 'schema'
        ? null
        : getEmbeddedRename(statement, `${name}()`, schema, role === 'index' || role === 'indexes' ? table : null, literal);
  if (renamed !== null || role === 'schema') return renamed;
  const isColumnText = role === '-' && table !== null && lookup.getColumns(schema, table).has(value);
  if (getPlanTables(lookup, schema).includes(value) || isColumnText) {
    review(
      statement,
      literal,
      `${name}() reads this argument as ${ROLE_TEXT[role]}, not as a ${isColumnText ? 'column' : 'table'} name (Postgres picks pgTAP's overload by argument types): cast the arguments to name ('x'::name) for the form you mean`,
    );
  }
  return null;
}

const ROLE_TEXT: Readonly<Record<PgtapRole, string>> = {
  schema: 'a schema',
  table: 'a table',
  tables: 'a table',
  column: 'a column',
  columns: 'a column',
  index: 'an index name',
  indexes: 'an index name',
  sequence: 'a sequence name',
  sequences: 'a sequence name',
  '-': 'a description or other text',
};

function getColumnRename(statement: StatementScope, name: string, schema: string, table: string | null, literal: NameLiteral): string | null {
  const columns = table === null ? new Map<string, string>() : statement.ctx.lookup.getColumns(schema, table);
  const to = columns.get(literal.value);
  if (to !== undefined) return to;
  if (!SIMPLE_NAME.test(literal.value) && [...columns.keys()].some((column) => new RegExp(`(?<![\\w$])${column.replace(/\$/g, '\\$')}(?![\\w$])`).test(literal.value))) {
    review(statement, literal, `${name}() index expression that names a renamed column of ${schema}.${table ?? '?'}: rewrite it by hand`);
  }
  return null;
}

function review(statement: StatementScope, literal: NameLiteral, reason: string): void {
  const index = getTokenIndexAt(statement, literal.location);
  if (index !== null) decide(statement.ctx, index, { kind: 'review', name: literal.value, reason });
}
