import { formatIdentifier, getIdentifierName } from './identifier-names.js';
import type { Ast } from './sql-ast.js';
import { isAst } from './sql-ast.js';
import type { StatementScope } from './sql-context.js';
import { decide, getTokenIndexAt } from './sql-context.js';

const DEFAULT_SCHEMA = 'public';

/**
 * The column lists of a table constraint (`PRIMARY KEY (a)`, `UNIQUE (a, b)`, `FOREIGN KEY (a) REFERENCES t (b)`,
 * also unnamed and in `ALTER TABLE … ADD`) and of a column's `REFERENCES t (b)`: the constrained columns are the
 * owner table's, the referenced ones `t`'s. The tree has their names without locations: the list is the first
 * parenthesized one after the constraint's keyword (its `location`), and after the referenced table's name.
 */
export function rewriteConstraintColumns(statement: StatementScope, owner: { readonly schema: string; readonly table: string }, constraint: Ast): void {
  const { lookup } = statement.ctx;
  const keyword = getTokenIndexAt(statement, constraint.location);
  const hasKeys = (Array.isArray(constraint.keys) && constraint.keys.length > 0) || (Array.isArray(constraint.fk_attrs) && constraint.fk_attrs.length > 0);
  if (keyword !== null && hasKeys) renameList(statement, keyword, lookup.getColumns(owner.schema, owner.table));
  const referenced = isAst(constraint.pktable) ? constraint.pktable : null;
  const tableToken = referenced ? getTokenIndexAt(statement, referenced.location) : null;
  if (referenced && tableToken !== null && typeof referenced.relname === 'string' && Array.isArray(constraint.pk_attrs) && constraint.pk_attrs.length > 0) {
    const schema = typeof referenced.schemaname === 'string' ? referenced.schemaname : DEFAULT_SCHEMA;
    renameList(statement, tableToken, lookup.getColumns(schema, referenced.relname));
  }
}

/** Renames the identifiers of the first `( … )` after token `from` that are keys of `columns`. */
function renameList(statement: StatementScope, from: number, columns: ReadonlyMap<string, string>): void {
  const { tokens } = statement.ctx;
  let open = from;
  while (open < statement.end && tokens[open]?.text !== '(') open++;
  for (let index = open + 1; index < statement.end && tokens[index]?.text !== ')'; index++) {
    const token = tokens[index];
    const name = token ? getIdentifierName(token) : null;
    const renamed = name === null ? undefined : columns.get(name);
    if (token && renamed !== undefined) decide(statement.ctx, index, { kind: 'edit', text: formatIdentifier(renamed, token.kind === 'quoted') });
    else if (token && name !== null) decide(statement.ctx, index, { kind: 'keep' });
  }
}
