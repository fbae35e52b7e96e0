import fs from 'node:fs';
import path from 'node:path';
import { createFileCache } from './create-file-cache.js';
import { getDrizzleTables } from './get-drizzle-tables.js';
import { getSourceCodeView } from './get-source-code-view.js';
import { parseSource } from './parse-source.js';
import type { DrizzleTable } from './types.js';

/** What another schema file says about one of its tables: enough to name it and refer to it. */
export interface FolderTable {
  /** Absolute path of the file that defines it. */
  readonly file: string;
  readonly name: string | null;
  readonly schema: string | null;
  readonly variableName: string | null;
  /** The key of its one-column primary key, or null. */
  readonly primaryKey: string | null;
}

/** Table names and keys do not depend on casing: `preserve` spares each file the drizzle.config / client lookup. */
const SETTINGS = Object.freeze({ 'drizzle-schema': Object.freeze({ casing: 'preserve' }) });
const SOURCE = /(?<!\.d)\.[cm]?tsx?$|\.[cm]?jsx?$/;

function getPrimaryKey(table: DrizzleTable): string | null {
  const keys = table.indexes.filter((index) => index.kind === 'primaryKey');
  return keys.length === 1 && keys[0]!.columns.length === 1 ? keys[0]!.columns[0]! : null;
}

/** A file's tables, read with the recognizer and no settings (table names and keys do not depend on casing). */
function readFolderTables(text: string, file: string): readonly FolderTable[] {
  // Most files of a folder (queries, relations, types) define no table: skip them without parsing.
  if (!/drizzle-orm\/[a-z]+-core/.test(text)) return [];
  let ast;
  try {
    ast = parseSource(text, file);
  } catch {
    return [];
  }
  const context = {
    sourceCode: getSourceCodeView(text, ast),
    settings: SETTINGS,
    cwd: path.dirname(file),
    filename: file,
    physicalFilename: file,
    report: () => undefined,
  };
  const tables = getDrizzleTables(context as unknown as Parameters<typeof getDrizzleTables>[0]);
  return tables.map((table) => ({ file, name: table.name, schema: table.schema, variableName: table.variableName, primaryKey: getPrimaryKey(table) }));
}

const fileTables = createFileCache(readFolderTables);

/**
 * The Drizzle tables of the other files in `filename`'s folder (a schema split into one file per table, as
 * `db/schema/*.ts`), for rules that name tables of the schema beside the file's own. Each file is parsed once and
 * reused while its mtime and size are unchanged; files that import no drizzle-orm `*-core` module are not parsed.
 */
export function getFolderTables(filename: string): readonly FolderTable[] {
  const dir = path.dirname(filename);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => SOURCE.test(name) && path.join(dir, name) !== filename)
    .sort()
    .flatMap((name) => fileTables.get(path.join(dir, name)) ?? []);
}
