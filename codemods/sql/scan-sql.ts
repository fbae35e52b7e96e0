import { scanSync } from 'libpg-query';

/** What a token is, as far as renaming cares. */
export type SqlTokenKind =
  /** An unquoted identifier or a non-reserved keyword that may stand for one. */
  | 'word'
  /** A double-quoted identifier. */
  | 'quoted'
  /** A string constant: '…', E'…', $tag$…$tag$. */
  | 'string'
  | 'comment'
  | 'other';

export interface SqlToken {
  /** Character (UTF-16) offsets into the scanned text. */
  readonly start: number;
  readonly end: number;
  /** UTF-8 byte offset of the start, as libpg-query's parse tree `location` fields count. */
  readonly byteStart: number;
  readonly text: string;
  readonly kind: SqlTokenKind;
  /** Postgres keyword category: 0 none, 1 unreserved, 2 column name, 3 type/function name, 4 reserved. */
  readonly keywordKind: number;
}

/** The text cannot be tokenized as SQL (an unterminated quote or comment). */
export class SqlScanError extends Error {
  override readonly name = 'SqlScanError';
}

const IDENT = 'IDENT';
const STRING = 'SCONST';

/**
 * Scan `sql` with Postgres's own lexer. libpg-query reports UTF-8 byte offsets; the tokens returned
 * here carry character offsets (for edits on the JavaScript string) and the byte start (to match
 * parse tree locations). Throws `SqlScanError` when the text cannot be scanned (an unterminated quote).
 */
export function scanSql(sql: string): SqlToken[] {
  const byteToChar = getByteToCharOffsets(sql);
  let scanned: ReturnType<typeof scanSync>;
  try {
    scanned = scanSync(sql);
  } catch (error) {
    // libpg-query reports scanner errors (e.g. "unterminated quoted string") as a JSON SyntaxError.
    throw new SqlScanError(`SQL could not be tokenized: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return scanned.tokens.map((token) => {
    const start = byteToChar[token.start] ?? sql.length;
    const end = byteToChar[token.end] ?? sql.length;
    const text = sql.slice(start, end);
    return { start, end, byteStart: token.start, text, kind: getTokenKind(token.tokenName, token.keywordKind, text), keywordKind: token.keywordKind };
  });
}

function getTokenKind(tokenName: string, keywordKind: number, text: string): SqlTokenKind {
  if (tokenName === IDENT) return text.startsWith('"') ? 'quoted' : 'word';
  if (tokenName === STRING || tokenName === 'USCONST' || tokenName === 'XCONST' || tokenName === 'BCONST') return 'string';
  if (tokenName === 'SQL_COMMENT' || tokenName === 'C_COMMENT') return 'comment';
  // Unreserved and column-name keywords (`name`, `type`, `data`, `values`…) can be table or column names.
  if (keywordKind === 1 || keywordKind === 2) return 'word';
  return 'other';
}

/** For every UTF-8 byte offset that starts a character (and the end), the matching UTF-16 offset. */
export function getByteToCharOffsets(text: string): Int32Array {
  const offsets = new Int32Array(Buffer.byteLength(text, 'utf8') + 1).fill(-1);
  let byte = 0;
  let index = 0;
  for (const char of text) {
    offsets[byte] = index;
    const code = char.codePointAt(0) ?? 0;
    byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    index += char.length;
  }
  offsets[byte] = index;
  return offsets;
}
