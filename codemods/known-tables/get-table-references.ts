/**
 * Where the project's files name a table as a table, for the requested names only: supabase-js
 * `.from('x')` (and `.schema('s').from('x')`), `Tables<'x'>` / `TablesInsert` / `TablesUpdate`, and SQL that names a
 * relation (`FROM x`, `JOIN s."x"`, `INSERT INTO`, `UPDATE`, `ALTER TABLE`, `REFERENCES`) — in `.sql` files, and in
 * code on a line that also has a SQL verb. A table the database has but no schema, migration or generated type
 * declares (created in a dashboard) is known through these. Plain pattern searches on files that contain the name
 * as a substring: no parser is loaded. Applied migrations are not searched: they say what the database had.
 */
import { escapeRegExp } from '../escape-reg-exp.js';

export interface TableReferences {
  /** `schema.table` → `path:line` of its first reference. */
  readonly referenced: Map<string, string>;
  /** Plain name → `path:line` of its first whole-word mention, for names that are mentioned but never referenced. */
  readonly mentioned: Map<string, string>;
}

const SQL_VERB = /\b(?:select|insert|update|delete|alter|create|drop|returning|truncate)\b/i;
const IDENTIFIER = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;

export function getTableReferences(
  files: ReadonlyArray<{ readonly path: string; readonly source: string; readonly kind: string; readonly isAppliedMigration: boolean }>,
  names: readonly string[],
): TableReferences {
  const referenced = new Map<string, string>();
  const mentioned = new Map<string, string>();
  if (names.length === 0) return { referenced, mentioned };
  // One scan for all names (in any case, as SQL may write them) keeps only the files that mention one of them.
  const anyName = new RegExp([...new Set(names)].map(escapeRegExp).join('|'), 'i');
  const mentioning = files.filter((file) => (file.kind === 'code' || file.kind === 'sql') && !file.isAppliedMigration && anyName.test(file.source));
  for (const name of new Set(names)) {
    const isLowerCase = name === name.toLowerCase();
    const escaped = escapeRegExp(name);
    const quoted = `"${escapeRegExp(name.replaceAll('"', '""'))}"`;
    const inSql = isLowerCase && /^[a-z_][\w$]*$/.test(name) ? `(?:${quoted}|${escaped}(?![\\w$]))` : quoted;
    const patterns = [
      new RegExp(String.raw`(?:\.schema\(\s*(['"\`])([^'"\`]+)\1\s*\)\s*)?\.from\(\s*(['"\`])${escaped}\3`, 'g'),
      new RegExp(String.raw`\bTables(?:Insert|Update)?<\s*(['"])${escaped}\1`, 'g'),
    ];
    const sqlPattern = new RegExp(String.raw`\b(?:from|join|into|update|table|references|only)\s+(?:if\s+(?:not\s+)?exists\s+)?(?:(${IDENTIFIER})\s*\.\s*)?${inSql}`, isLowerCase ? 'gi' : 'g');
    const word = new RegExp(String.raw`(?<![\w$])${escaped}(?![\w$])`);
    // Applied migrations are history (replayed for what they leave), not the code's references.
    for (const file of mentioning) {
      if (!(isLowerCase && file.kind === 'sql' ? file.source.toLowerCase() : file.source).includes(name)) continue;
      const found = findReference(file, patterns, sqlPattern);
      if (found) {
        const key = `${found.schema}.${name}`;
        if (!referenced.has(key)) referenced.set(key, `${file.path}:${getLine(file.source, found.index)}`);
      } else if (!mentioned.has(name)) {
        const match = word.exec(file.source);
        if (match) mentioned.set(name, `${file.path}:${getLine(file.source, match.index)}`);
      }
    }
  }
  for (const key of referenced.keys()) mentioned.delete(key.slice(key.indexOf('.') + 1));
  return { referenced, mentioned };
}

function findReference(file: { readonly source: string; readonly kind: string }, patterns: readonly RegExp[], sqlPattern: RegExp): { schema: string; index: number } | null {
  if (file.kind === 'code') {
    for (const [index, pattern] of patterns.entries()) {
      pattern.lastIndex = 0;
      const match = pattern.exec(file.source);
      // The first pattern (`.from`) captures a `.schema('s')` before it.
      if (match) return { schema: (index === 0 ? match[2] : undefined) ?? 'public', index: match.index };
    }
  }
  sqlPattern.lastIndex = 0;
  for (let match = sqlPattern.exec(file.source); match; match = sqlPattern.exec(file.source)) {
    if (file.kind === 'code' && !SQL_VERB.test(getLineText(file.source, match.index))) continue;
    const schema = match[1] === undefined ? 'public' : match[1].startsWith('"') ? match[1].slice(1, -1).replaceAll('""', '"') : match[1].toLowerCase();
    return { schema, index: match.index };
  }
  return null;
}

function getLine(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

function getLineText(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}

