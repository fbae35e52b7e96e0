import { scanSync } from 'libpg-query';
import { isPlainIdentifier, quoteIdentifier } from '../../naming/identifiers.js';
import type { SqlToken } from './scan-sql.js';

/**
 * The name an identifier token stands for, after Postgres folding: unquoted text folds to lower case
 * (ASCII letters only, as Postgres does), quoted text is exact. Null for tokens that are not identifiers.
 */
export function getIdentifierName(token: SqlToken): string | null {
  if (token.kind === 'word') return token.text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  if (token.kind === 'quoted') return token.text.slice(1, -1).replaceAll('""', '"');
  return null;
}

/**
 * How to write `name` in SQL: quoted when the original reference was quoted, and always when the name
 * would not survive unquoted (upper-case letters, or a keyword that cannot stand bare as a name).
 */
export function formatIdentifier(name: string, wasQuoted: boolean): string {
  return wasQuoted || isQuotingRequired(name) ? quoteIdentifier(name) : name;
}

function isQuotingRequired(name: string): boolean {
  if (!isPlainIdentifier(name)) return true;
  const [token] = scanSync(name).tokens;
  // Column-name, type/function-name and reserved keywords are not safe as bare names everywhere.
  return token === undefined || token.keywordKind >= 2;
}
