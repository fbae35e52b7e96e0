/**
 * Postgres identifier rules shared by the rename planner, the SQL rewriter and the migration writer.
 */

/** Postgres truncates identifiers longer than NAMEDATALEN - 1 = 63 bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * Why `name` cannot be used as a NEW table or column name, or null when it can.
 * We accept what an unquoted or quoted identifier may hold in practice for a schema standard:
 * letters, digits, underscores and `$`, not starting with a digit or `$`.
 */
export function getIdentifierProblem(name: string): string | null {
  if (name.length === 0) return 'the name is empty';
  if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) {
    return `"${name}" is ${Buffer.byteLength(name, 'utf8')} bytes long; Postgres allows at most ${MAX_IDENTIFIER_BYTES}`;
  }
  if (!/^[A-Za-z_][A-Za-z\d_$]*$/.test(name)) {
    return `"${name}" is not a valid SQL identifier (letters, digits, _ and $, not starting with a digit)`;
  }
  return null;
}

/**
 * Why `name` cannot be the name of an object that already exists, or null when it can. Existing names are facts
 * (DESIGN.md): whatever the database has (`ssh-key`, `Odd Name`, `isAdmin`) is accepted, since every writer quotes it;
 * only what Postgres itself could never hold is refused: an empty name, a NUL character, more than 63 bytes.
 */
export function getExistingNameProblem(name: string): string | null {
  if (name.length === 0) return 'the name is empty';
  if (name.includes('\0')) return `"${name.replaceAll('\0', '\\0')}" contains a NUL character, which Postgres names cannot hold`;
  if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) {
    return `"${name}" is ${Buffer.byteLength(name, 'utf8')} bytes long; Postgres allows at most ${MAX_IDENTIFIER_BYTES}`;
  }
  return null;
}

/** True when Postgres would keep `name` as written without quotes (lower case, not a keyword-looking risk). */
export function isPlainIdentifier(name: string): boolean {
  return /^[a-z_][a-z\d_$]*$/.test(name);
}

/** Always-quoted form: `"name"` with embedded quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
