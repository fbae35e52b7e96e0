import { MAX_IDENTIFIER_BYTES } from '../../naming/identifiers.js';
import { getEmbeddedNameWords } from './embedded-name-words.js';
import { getPlanTables } from './plan-tables.js';
import { renameEmbeddedNameOnce } from './rename-embedded-name-once.js';
import type { StatementScope } from './sql-context.js';
import { decide, getTokenIndexAt } from './sql-context.js';

/** A string literal of a statement: its text and where its token starts (tree location). */
export interface NameLiteral {
  readonly value: string;
  readonly location: unknown;
}

function review(statement: StatementScope, literal: NameLiteral, reason: string): void {
  const index = getTokenIndexAt(statement, literal.location);
  if (index !== null) decide(statement.ctx, index, { kind: 'review', name: literal.value, reason });
}

/**
 * An index, constraint or sequence name after the migration's word rule (`getEmbeddedNameTargets`: the table's
 * renamed columns, then the table), or null to leave it. Without its table, the renamed table the name starts
 * with. `where` says what holds the name (`has_index()`, `pg_indexes.indexname`) in the review reasons recorded
 * here: several candidate tables, no table, or a result over 63 bytes (the migration keeps the old name then).
 */
export function getEmbeddedRename(statement: StatementScope, where: string, schema: string, table: string | null, literal: NameLiteral): string | null {
  const { lookup } = statement.ctx;
  const tables = table === null ? getPlanTables(lookup, schema).filter((candidate) => literal.value.startsWith(`${candidate}_`)) : [table];
  const results = new Set(tables.map((candidate) => renameEmbeddedNameOnce(literal.value, getEmbeddedNameWords(lookup, schema, candidate))));
  results.delete(literal.value);
  if (results.size === 0) {
    if (table === null && getPlanTables(lookup, schema).some((candidate) => renameEmbeddedNameOnce(literal.value, getEmbeddedNameWords(lookup, schema, candidate)) !== literal.value)) {
      review(statement, literal, `${where} names an index or sequence without its table, and its name does not start with a renamed table's: check whether the migration renamed it`);
    }
    return null;
  }
  const [renamed] = results;
  if (results.size > 1 || renamed === undefined) {
    review(statement, literal, `${where} names an index or sequence that could belong to several renamed tables: check what the migration renamed it to`);
    return null;
  }
  if (Buffer.byteLength(renamed, 'utf8') > MAX_IDENTIFIER_BYTES) {
    review(statement, literal, `${where}: "${renamed}" would be over ${MAX_IDENTIFIER_BYTES} bytes, so the migration keeps the old name; rename it by hand in both`);
    return null;
  }
  return renamed;
}
