/**
 * The tables and views that generated Supabase types (`supabase gen types typescript`) declare:
 * the keys of `<schema>: { Tables: { … }, Views: { … } }` whose entry has a `Row`, with the `Row` keys (columns).
 *
 * Read with a small scanner of its own (strings, comments, braces, `key:` pairs), not a TypeScript parser: the known
 * tables are collected before any file is parsed, and a types file can be thousands of lines long. A file is scanned
 * only when it contains both `Tables` (or `Views`) and `Row` as plain substrings.
 */

export interface SupabaseTypeRelation {
  readonly schema: string;
  readonly name: string;
  readonly kind: 'table' | 'view';
  /** The keys of its `Row` type. */
  readonly columns: readonly string[];
}

interface Token {
  readonly kind: 'name' | 'punct';
  readonly text: string;
}

/** `Tables`/`Views` → kind of relation its keys name. */
const SECTIONS: Readonly<Record<string, 'table' | 'view'>> = { Tables: 'table', Views: 'view' };

export function getSupabaseTypeTables(source: string): SupabaseTypeRelation[] {
  if (!source.includes('Row') || !(source.includes('Tables') || source.includes('Views'))) return [];
  if (!/\bRow\s*:/.test(source) || !/\b(?:Tables|Views)\s*:/.test(source)) return [];
  const relations = new Map<string, { schema: string; name: string; kind: 'table' | 'view'; columns: string[]; hasRow: boolean }>();
  // The keys of the object types we are inside of; null for a brace that does not follow `key:`.
  const path: Array<string | null> = [];
  let name: string | null = null;
  let pendingKey: string | null = null;
  for (const token of scanTypeTokens(source)) {
    if (token.kind === 'name') {
      name = token.text;
      pendingKey = null;
    } else if (token.text === '?') {
      // `key?:` keeps its key.
    } else if (token.text === ':') {
      pendingKey = name;
      name = null;
      const [schema, section, table, part] = path.slice(-4);
      if (part === 'Row' && pendingKey !== null) getRelation(relations, schema, section, table)?.columns.push(pendingKey);
    } else if (token.text === '{') {
      path.push(pendingKey);
      const [schema, section, table] = path.slice(-3);
      const kind = section ? SECTIONS[section] : undefined;
      if (schema && section && kind && table) {
        const key = `${schema}.${section}.${table}`;
        if (!relations.has(key)) relations.set(key, { schema, name: table, kind, columns: [], hasRow: false });
      }
      if (pendingKey === 'Row') {
        const [rowSchema, rowSection, rowTable] = path.slice(-4, -1);
        const relation = getRelation(relations, rowSchema, rowSection, rowTable);
        if (relation) relation.hasRow = true;
      }
      name = null;
      pendingKey = null;
    } else {
      if (token.text === '}') path.pop();
      name = null;
      pendingKey = null;
    }
  }
  return [...relations.values()].filter((relation) => relation.hasRow).map(({ schema, name: table, kind, columns }) => ({ schema, name: table, kind, columns }));
}

function getRelation<T>(relations: ReadonlyMap<string, T>, schema: string | null | undefined, section: string | null | undefined, table: string | null | undefined): T | undefined {
  return schema && section && table ? relations.get(`${schema}.${section}.${table}`) : undefined;
}

/** Names (identifiers and string literals, unquoted) and single punctuation characters; comments and template literals skipped. */
function* scanTypeTokens(source: string): Generator<Token> {
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    const next = source[index + 1];
    if (char === '/' && next === '/') {
      const end = source.indexOf('\n', index);
      index = end === -1 ? source.length : end;
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', index + 2);
      index = end === -1 ? source.length : end + 2;
    } else if (char === '"' || char === "'") {
      let end = index + 1;
      let text = '';
      while (end < source.length && source[end] !== char && source[end] !== '\n') {
        if (source[end] === '\\') {
          text += source[end + 1] ?? '';
          end += 2;
        } else {
          text += source[end];
          end += 1;
        }
      }
      yield { kind: 'name', text };
      index = end + 1;
    } else if (char === '`') {
      index = getTemplateEnd(source, index);
    } else if (/[A-Za-z_$]/.test(char)) {
      const match = /^[\w$]+/.exec(source.slice(index, index + 256));
      const text = match?.[0] ?? char;
      yield { kind: 'name', text };
      index += text.length;
    } else {
      if (!/\s/.test(char)) yield { kind: 'punct', text: char };
      index += 1;
    }
  }
}

/** The offset after a template literal starting at `start`, `${…}` nesting included. */
function getTemplateEnd(source: string, start: number): number {
  let depth = 0;
  for (let index = start + 1; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') index += 1;
    else if (depth === 0 && char === '`') return index + 1;
    else if (char === '$' && source[index + 1] === '{') {
      depth += 1;
      index += 1;
    } else if (depth > 0 && char === '}') depth -= 1;
  }
  return source.length;
}
