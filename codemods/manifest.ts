/**
 * Rename requests as the user wrote them: `--table old=new`, `--column table.old=new`
 * (or `schema.table.old=new`), and manifest files (JSON or YAML). Nothing is validated here
 * beyond the syntax of each entry; `buildPlan` checks names, collisions and order.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { UsageError } from './types.js';

/** A requested table rename. `schema` is null when the user did not name one (then: public). */
export interface TableRenameRequest {
  readonly schema: string | null;
  readonly from: string;
  readonly to: string;
  /** Where the request came from, for messages: `--table a=b` or `renames.json: tables["a"]`. */
  readonly source: string;
}

/** A requested column rename. `table` may be the table's old or new name; the planner normalizes it. */
export interface ColumnRenameRequest {
  readonly schema: string | null;
  readonly table: string;
  readonly from: string;
  readonly to: string;
  readonly source: string;
}

export interface RenameRequests {
  readonly tables: readonly TableRenameRequest[];
  readonly columns: readonly ColumnRenameRequest[];
}

/** Parse one `--table` value: `old=new` or `schema.old=new`. */
export function parseTableFlag(value: string): TableRenameRequest {
  const source = `--table ${value}`;
  const [left, to] = splitAssignment(value, source, 'old=new (or schema.old=new)');
  const parts = left.split('.');
  if (parts.length === 1) return { schema: null, from: left, to, source };
  if (parts.length === 2) return { schema: parts[0] ?? '', from: parts[1] ?? '', to, source };
  throw new UsageError(`${source}: expected old=new or schema.old=new, got ${parts.length} dot-separated parts before "="`);
}

/** Parse one `--column` value: `table.old=new` or `schema.table.old=new`. */
export function parseColumnFlag(value: string): ColumnRenameRequest {
  const source = `--column ${value}`;
  const [left, to] = splitAssignment(value, source, 'table.old=new (or schema.table.old=new)');
  const { schema, table, column } = parseColumnKey(left, source);
  return { schema, table, from: column, to, source };
}

/** Read a manifest file (`.json`, `.yaml`, `.yml`) into requests. `displayName` is used in messages. */
export async function readManifestFile(file: string, displayName: string = file): Promise<RenameRequests> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${displayName}: cannot read the manifest (${getErrorCode(error)})`);
  }
  return parseManifestText(text, displayName);
}

/**
 * Parse manifest text. The format is chosen by the extension of `fileName`: `.yaml`/`.yml` is YAML,
 * anything else JSON. Shape: `{ "tables": { "old": "new" }, "columns": { "table.old": "new" } }`,
 * keys may carry a schema (`"career.old"`, `"career.table.old"`); both sections are optional.
 */
export function parseManifestText(text: string, fileName: string): RenameRequests {
  const data = isYamlFile(fileName) ? parseYamlText(text, fileName) : parseJsonText(text, fileName);
  return getRequestsFromManifest(data, fileName);
}

function isYamlFile(fileName: string): boolean {
  const extension = path.extname(fileName).toLowerCase();
  return extension === '.yaml' || extension === '.yml';
}

function parseJsonText(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` at ${getLineAndColumn(text, Number(position[1]))}` : '';
    const reason = message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new UsageError(`${fileName}: invalid JSON${where}: ${reason}`);
  }
}

/** The YAML parser, loaded only for a YAML manifest (about 70 modules a JSON manifest or flags never need). */
function loadYaml(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}

function parseYamlText(text: string, fileName: string): unknown {
  const yaml = loadYaml();
  try {
    return yaml.parse(text, { uniqueKeys: true, prettyErrors: true }) as unknown;
  } catch (error) {
    if (error instanceof yaml.YAMLParseError) {
      const position = error.linePos?.[0];
      const where = position ? ` at line ${position.line}, column ${position.col}` : '';
      const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      throw new UsageError(`${fileName}: invalid YAML${where}: ${reason}`);
    }
    throw error;
  }
}

function getRequestsFromManifest(data: unknown, fileName: string): RenameRequests {
  if (!isPlainObject(data)) {
    throw new UsageError(`${fileName}: the manifest must be an object with "tables" and/or "columns", got ${describeValue(data)}`);
  }
  const problems: string[] = [];
  for (const key of Object.keys(data)) {
    if (key !== 'tables' && key !== 'columns') problems.push(`unknown key "${key}" (expected "tables" and/or "columns")`);
  }
  const tables: TableRenameRequest[] = [];
  const columns: ColumnRenameRequest[] = [];
  for (const [section, value] of [['tables', data.tables], ['columns', data.columns]] as const) {
    if (value === undefined || value === null) continue;
    if (!isPlainObject(value)) {
      problems.push(`"${section}" must be an object mapping old names to new names, got ${describeValue(value)}`);
      continue;
    }
    for (const [key, to] of Object.entries(value)) {
      const source = `${fileName}: ${section}["${key}"]`;
      if (typeof to !== 'string') {
        problems.push(`${section}["${key}"] must be a string (the new name), got ${describeValue(to)}`);
        continue;
      }
      try {
        if (section === 'tables') tables.push(getTableRequest(key, to, source));
        else columns.push(getColumnRequest(key, to, source));
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        problems.push(error.message.slice(`${fileName}: `.length));
      }
    }
  }
  if (data.tables == null && data.columns == null && problems.length === 0) {
    problems.push('the manifest renames nothing (expected "tables" and/or "columns")');
  }
  if (problems.length > 0) {
    throw new UsageError(`${fileName}: invalid manifest:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  return { tables, columns };
}

function getTableRequest(key: string, to: string, source: string): TableRenameRequest {
  const parts = key.split('.');
  if (parts.length === 1) return { schema: null, from: key, to, source };
  if (parts.length === 2) return { schema: parts[0] ?? '', from: parts[1] ?? '', to, source };
  throw new UsageError(`${source}: a table key is "old" or "schema.old", got ${parts.length} dot-separated parts`);
}

function getColumnRequest(key: string, to: string, source: string): ColumnRenameRequest {
  const { schema, table, column } = parseColumnKey(key, source);
  return { schema, table, from: column, to, source };
}

function parseColumnKey(key: string, source: string): { schema: string | null; table: string; column: string } {
  const parts = key.split('.');
  if (parts.length === 2) return { schema: null, table: parts[0] ?? '', column: parts[1] ?? '' };
  if (parts.length === 3) return { schema: parts[0] ?? '', table: parts[1] ?? '', column: parts[2] ?? '' };
  throw new UsageError(`${source}: a column is named "table.old" or "schema.table.old", got ${parts.length === 1 ? 'no table' : `${parts.length} dot-separated parts`}`);
}

function splitAssignment(value: string, source: string, expected: string): [string, string] {
  const index = value.indexOf('=');
  if (index === -1) throw new UsageError(`${source}: expected ${expected}, the "=" is missing`);
  return [value.slice(0, index).trim(), value.slice(index + 1).trim()];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function getLineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function getErrorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
