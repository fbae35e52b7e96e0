/**
 * The statements that rename indexes, constraints and sequences (`ObjectRename`s from a drizzle-kit snapshot) in
 * the database, or rename them back (`direction: 'back'`). Names that trade places (a swap of two tables swaps their
 * derived names) go through temporary names first. A guarded rename (a name Postgres chose, such as `<table>_pkey`,
 * which no snapshot records) runs only when the object exists under that name.
 */
import { quoteIdentifier } from '../../naming/identifiers.js';
import type { ObjectRename } from './snapshot-renames.js';

export function getObjectRenameSql(renames: readonly ObjectRename[], direction: 'forward' | 'back'): string[] {
  const moves = renames.map((rename) => (direction === 'forward' ? rename : { ...rename, from: rename.to, to: rename.from }));
  const sources = new Set(moves.map((move) => `${move.schema}.${move.from}`));
  const collides = moves.some((move) => sources.has(`${move.schema}.${move.to}`));
  if (!collides) return moves.map((move) => getRenameStatement(move, move.from, move.to));
  const temporary = (index: number) => `drizzle_schema_rename_tmp_${index + 1}`;
  return [...moves.map((move, index) => getRenameStatement(move, move.from, temporary(index))), ...moves.map((move, index) => getRenameStatement(move, temporary(index), move.to))];
}

function getRenameStatement(rename: ObjectRename, from: string, to: string): string {
  const schema = quoteIdentifier(rename.schema);
  const table = `${schema}.${quoteIdentifier(rename.table)}`;
  switch (rename.kind) {
    case 'index':
      return `ALTER INDEX ${rename.isGuarded ? 'IF EXISTS ' : ''}${schema}.${quoteIdentifier(from)} RENAME TO ${quoteIdentifier(to)}`;
    case 'sequence':
      return `ALTER SEQUENCE ${rename.isGuarded ? 'IF EXISTS ' : ''}${schema}.${quoteIdentifier(from)} RENAME TO ${quoteIdentifier(to)}`;
    case 'constraint': {
      const statement = `ALTER TABLE ${table} RENAME CONSTRAINT ${quoteIdentifier(from)} TO ${quoteIdentifier(to)}`;
      if (!rename.isGuarded) return statement;
      const condition = `EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(${literal(table)}) AND conname = ${literal(from)})`;
      const body = ` BEGIN IF ${condition} THEN ${statement}; END IF; END `;
      let tag = '$rename$';
      for (let attempt = 2; body.includes(tag); attempt++) tag = `$rename_${attempt}$`;
      return `DO ${tag}${body}${tag}`;
    }
  }
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
