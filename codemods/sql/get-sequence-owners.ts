import type { Ast } from './sql-ast.js';
import { isAst } from './sql-ast.js';

/** The table whose column owns a sequence (`OWNED BY t.c`). */
export interface SequenceOwner {
  readonly schema: string;
  readonly table: string;
}

const DEFAULT_SCHEMA = 'public';

/**
 * The sequences a SQL text gives an owner (`CREATE SEQUENCE s … OWNED BY t.c`, `ALTER SEQUENCE s OWNED BY t.c`,
 * as pg_dump and `supabase db dump` write them, after the `CREATE SEQUENCE`): `schema.sequence` → the owning table,
 * an unqualified table in the sequence's schema. The migration renames exactly the sequences a column owns.
 */
export function getSequenceOwners(statements: readonly (Ast | null)[]): Map<string, SequenceOwner> {
  const owners = new Map<string, SequenceOwner>();
  for (const tree of statements) {
    const sequence = isAst(tree?.CreateSeqStmt) ? tree.CreateSeqStmt : isAst(tree?.AlterSeqStmt) ? tree.AlterSeqStmt : null;
    const rangeVar = sequence && isAst(sequence.sequence) ? sequence.sequence : null;
    if (!sequence || typeof rangeVar?.relname !== 'string') continue;
    const schema = typeof rangeVar.schemaname === 'string' ? rangeVar.schemaname : DEFAULT_SCHEMA;
    for (const option of Array.isArray(sequence.options) ? sequence.options : []) {
      const definition = isAst(option) && isAst(option.DefElem) ? option.DefElem : null;
      if (definition?.defname !== 'owned_by' || !isAst(definition.arg) || !isAst(definition.arg.List)) continue;
      const parts = (Array.isArray(definition.arg.List.items) ? definition.arg.List.items : []).map((item) =>
        isAst(item) && isAst(item.String) && typeof item.String.sval === 'string' ? item.String.sval : null,
      );
      const owner = parts.length === 3 && parts[0] && parts[1] ? { schema: parts[0], table: parts[1] } : parts.length === 2 && parts[0] ? { schema, table: parts[0] } : null;
      if (owner) owners.set(`${schema}.${rangeVar.relname}`, owner);
    }
  }
  return owners;
}
