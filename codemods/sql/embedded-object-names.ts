/**
 * Index, constraint and sequence names that SQL outside the applied migrations defines or names, renamed as the
 * forward migration renames them in the database (`getEmbeddedRename`: the same word rule, the table's renamed
 * columns then the table, for the objects of a table the plan touches), so that a declarative schema
 * (`supabase/schemas/*.sql`), a `schema.sql` or a test describes the database as it is after the migration:
 * - `CREATE [UNIQUE] INDEX name ON t …` (the migration renames every index of `t` that backs no constraint);
 * - `CONSTRAINT name …` in `CREATE TABLE t` (column and table constraints) and `ALTER TABLE t ADD CONSTRAINT name`,
 *   and `ALTER TABLE t DROP / VALIDATE CONSTRAINT name`;
 * - `CREATE SEQUENCE s … OWNED BY t.c` and `ALTER SEQUENCE s OWNED BY t.c` (the migration renames sequences a
 *   column owns; the owner may be given by a later `ALTER SEQUENCE … OWNED BY` of the file, as pg_dump writes it:
 *   `getSequenceOwners`), and such a sequence in `'s'::regclass` (`nextval`, `name-literals.ts`); a
 *   `CREATE SEQUENCE` no `OWNED BY` gives an owner, whose name starts with a renamed table's, is listed.
 * The constraints' column lists are renamed with them (`rewriteConstraintColumns`).
 * Names are the statement's own (old names on the first run; on a re-run the table has its new name and nothing
 * changes). Implicit names (`id uuid PRIMARY KEY`) follow the renamed table by themselves.
 */
import { rewriteConstraintColumns } from './constraint-columns.js';
import { formatIdentifier, getIdentifierName } from './identifier-names.js';
import { getEmbeddedRename } from './get-embedded-rename.js';
import type { SequenceOwner } from './get-sequence-owners.js';
import { getPlanTables } from './plan-tables.js';
import type { Ast } from './sql-ast.js';
import { isAst } from './sql-ast.js';
import type { StatementScope } from './sql-context.js';
import { decide, getTokenIndexAt } from './sql-context.js';

const DEFAULT_SCHEMA = 'public';
const CONSTRAINT_COMMANDS = new Set(['AT_DropConstraint', 'AT_ValidateConstraint']);

/** Decides the object-name tokens of one statement (before the walker decides its relations). */
export function rewriteEmbeddedObjectNames(statement: StatementScope, type: string, node: Ast): void {
  if (type === 'IndexStmt') renameIndex(statement, node);
  else if (type === 'CreateStmt') renameTableConstraints(statement, node);
  else if (type === 'AlterTableStmt') renameAlteredConstraints(statement, node);
  else if (type === 'CreateSeqStmt' || type === 'AlterSeqStmt') renameSequence(statement, type, node);
}

function renameIndex(statement: StatementScope, index: Ast): void {
  const table = getRelation(index.relation);
  const name = typeof index.idxname === 'string' ? index.idxname : null;
  const relationToken = isAst(index.relation) ? getTokenIndexAt(statement, index.relation.location) : null;
  if (!table || name === null || relationToken === null) return;
  // The name comes before `ON <table>`.
  const tokens = getNameTokens(statement, name, statement.first, relationToken);
  renameToken(statement, 'CREATE INDEX', table, tokens.at(-1));
}

function renameTableConstraints(statement: StatementScope, create: Ast): void {
  const table = getRelation(create.relation);
  if (!table) return;
  for (const element of Array.isArray(create.tableElts) ? create.tableElts : []) {
    if (!isAst(element)) continue;
    if (isAst(element.Constraint)) renameConstraint(statement, table, element.Constraint);
    const column = isAst(element.ColumnDef) ? element.ColumnDef : null;
    for (const constraint of Array.isArray(column?.constraints) ? column.constraints : []) {
      if (isAst(constraint) && isAst(constraint.Constraint)) renameConstraint(statement, table, constraint.Constraint);
    }
  }
}

function renameAlteredConstraints(statement: StatementScope, alter: Ast): void {
  const table = getRelation(alter.relation);
  if (!table || alter.objtype !== 'OBJECT_TABLE') return;
  for (const item of Array.isArray(alter.cmds) ? alter.cmds : []) {
    const command = isAst(item) && isAst(item.AlterTableCmd) ? item.AlterTableCmd : null;
    if (!command) continue;
    if (command.subtype === 'AT_AddConstraint' && isAst(command.def) && isAst(command.def.Constraint)) renameConstraint(statement, table, command.def.Constraint);
    if (typeof command.name === 'string' && CONSTRAINT_COMMANDS.has(String(command.subtype))) {
      // `DROP CONSTRAINT [IF EXISTS] name`: the name token after the table's.
      const start = isAst(alter.relation) ? (getTokenIndexAt(statement, alter.relation.location) ?? statement.first) + 1 : statement.first;
      for (const token of getNameTokens(statement, command.name, start, statement.end)) renameToken(statement, 'ALTER TABLE … CONSTRAINT', table, token);
    }
  }
}

/** `CONSTRAINT name …`: the location is the keyword's, the name is the next token; and its column lists. */
function renameConstraint(statement: StatementScope, table: TableName, constraint: Ast): void {
  rewriteConstraintColumns(statement, table, constraint);
  if (typeof constraint.conname !== 'string') return;
  const keyword = getTokenIndexAt(statement, constraint.location);
  if (keyword === null || statement.ctx.tokens[keyword]?.text.toLowerCase() !== 'constraint') return;
  const [token] = getNameTokens(statement, constraint.conname, keyword + 1, keyword + 2);
  renameToken(statement, 'CONSTRAINT', table, token);
}

function renameSequence(statement: StatementScope, type: string, sequence: Ast): void {
  const rangeVar = isAst(sequence.sequence) ? sequence.sequence : null;
  const token = rangeVar ? getTokenIndexAt(statement, rangeVar.location) : null;
  const name = typeof rangeVar?.relname === 'string' ? rangeVar.relname : null;
  if (!rangeVar || token === null || name === null) return;
  // `schema.name`: the name is the last part.
  const [nameToken] = getNameTokens(statement, name, token, Math.min(token + 3, statement.end));
  const schema = typeof rangeVar.schemaname === 'string' ? rangeVar.schemaname : DEFAULT_SCHEMA;
  const owner = statement.ctx.sequenceOwners.get(`${schema}.${name}`);
  if (owner) {
    renameToken(statement, type === 'CreateSeqStmt' ? 'CREATE SEQUENCE' : 'ALTER SEQUENCE', owner, nameToken);
    return;
  }
  const prefixed = getPlanTables(statement.ctx.lookup, schema).some((table) => name.startsWith(`${table}_`));
  if (type === 'CreateSeqStmt' && prefixed && nameToken !== undefined) {
    decide(statement.ctx, nameToken, {
      kind: 'review',
      name,
      reason: 'sequence that no OWNED BY of this file gives an owner: the migration renames it only when a column of the renamed table owns it; check what it is called after the migration',
    });
  }
}

type TableName = SequenceOwner;

function getRelation(value: unknown): TableName | null {
  if (!isAst(value) || typeof value.relname !== 'string') return null;
  return { schema: typeof value.schemaname === 'string' ? value.schemaname : DEFAULT_SCHEMA, table: value.relname };
}

/** Identifier tokens in [from, to) that stand for `name`. */
function getNameTokens(statement: StatementScope, name: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let index = Math.max(from, statement.first); index < Math.min(to, statement.end); index++) {
    const token = statement.ctx.tokens[index];
    if (token && getIdentifierName(token) === name) found.push(index);
  }
  return found;
}

function renameToken(statement: StatementScope, where: string, owner: TableName, index: number | undefined): void {
  const token = index === undefined ? undefined : statement.ctx.tokens[index];
  const name = token ? getIdentifierName(token) : null;
  if (!token || index === undefined || name === null) return;
  const renamed = getEmbeddedRename(statement, where, owner.schema, owner.table, { value: name, location: token.byteStart - statement.base });
  if (renamed !== null) decide(statement.ctx, index, { kind: 'edit', text: formatIdentifier(renamed, token.kind === 'quoted') });
}
