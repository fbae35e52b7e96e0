/**
 * Run one rename transform under jscodeshift:
 *   npx jscodeshift -t dist/codemods/transforms/<x>.js --manifest=renames.json src
 *   npx jscodeshift -t dist/codemods/transforms/<x>.js --table=messages=comms_messages --column=users.isAdmin=is_admin src
 *   … --casing=snake_case --helper-module=src/db/schema/shared.schema.ts (as the CLI's --casing / --helper-module)
 * The transforms work on typescript-estree ASTs with exact range edits (quotes and formatting are kept byte
 * for byte), so this adapter ignores jscodeshift's recast API: it builds the plan from the options, applies
 * the transform's edits, and returns the new text, or `undefined` when nothing changed (jscodeshift: "skip").
 * Review items are passed to jscodeshift's `report`. The function is async because the SQL parser
 * (libpg-query, WebAssembly) must be loaded first; jscodeshift awaits transforms.
 * No known-tables check here (a single file cannot tell): use the `drizzle-schema rename` CLI for that.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadModule } from 'libpg-query';
import { applyEdits } from './edits.js';
import type { RenameRequests } from './manifest.js';
import { parseColumnFlag, parseManifestText, parseTableFlag } from './manifest.js';
import { buildPlan } from './plan.js';
import type { RenamePlan, SourceTransform, TransformSettings } from './types.js';
import { UsageError } from './types.js';

export interface JscodeshiftFileInfo {
  readonly path: string;
  readonly source: string;
}

export interface JscodeshiftApi {
  readonly report?: (message: string) => void;
}

export interface JscodeshiftRenameOptions {
  /** Path of a JSON or YAML manifest, relative to the current directory. */
  readonly manifest?: string;
  /** `old=new`, once or repeated. */
  readonly table?: string | readonly string[];
  /** `table.old=new`, once or repeated. */
  readonly column?: string | readonly string[];
  /** `snake_case`, `camelCase` or `preserve` (default): the DB name of a column without a name string. */
  readonly casing?: string;
  /** Column helper module(s), relative to the current directory (`--helper-module`, also `--helperModule`). */
  readonly 'helper-module'?: string | readonly string[];
  readonly helperModule?: string | readonly string[];
  readonly [option: string]: unknown;
}

export type JscodeshiftTransform = (file: JscodeshiftFileInfo, api: JscodeshiftApi, options: JscodeshiftRenameOptions) => Promise<string | undefined>;

export function toJscodeshiftTransform(transform: SourceTransform): JscodeshiftTransform {
  return async (file, api, options) => {
    await loadModule();
    const plan = getPlanFromOptions(options);
    const result = transform({ source: file.source, path: file.path, plan, settings: getSettingsFromOptions(options) });
    for (const item of result.review) api.report?.(`${item.line}:${item.column} ${item.name}: ${item.reason} | ${item.excerpt}`);
    const output = applyEdits(file.source, result.edits);
    return output === file.source ? undefined : output;
  };
}

/** The plan of jscodeshift options `--manifest`, `--table`, `--column`. Throws UsageError. */
export function getPlanFromOptions(options: JscodeshiftRenameOptions): RenamePlan {
  const tables = toList(options.table, '--table').map(parseTableFlag);
  const columns = toList(options.column, '--column').map(parseColumnFlag);
  if (options.manifest !== undefined) {
    if (typeof options.manifest !== 'string') throw new UsageError('--manifest must be a file path');
    const fromFile = readManifest(options.manifest);
    tables.push(...fromFile.tables);
    columns.push(...fromFile.columns);
  }
  return buildPlan({ tables, columns }, { knownTables: new Set() });
}

/** The transform settings of jscodeshift options `--casing`, `--helper-module`. Throws UsageError. */
export function getSettingsFromOptions(options: JscodeshiftRenameOptions): TransformSettings {
  const casing = options.casing;
  if (casing !== undefined && casing !== 'snake_case' && casing !== 'camelCase' && casing !== 'preserve') {
    throw new UsageError(`--casing must be one of snake_case, camelCase, preserve, got ${JSON.stringify(casing)}`);
  }
  const helperModules = [...toList(options['helper-module'], '--helper-module'), ...toList(options.helperModule, '--helper-module')].map((file) => path.resolve(file));
  for (const file of helperModules) if (!existsSync(file)) throw new UsageError(`--helper-module ${file}: no such file`);
  return { ...(casing === undefined ? {} : { casing }), helperModules };
}

function readManifest(file: string): RenameRequests {
  let text: string;
  try {
    text = readFileSync(path.resolve(file), 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`${file}: cannot read the manifest (${code})`);
  }
  return parseManifestText(text, file);
}

function toList(value: unknown, flag: string): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((item) => {
    if (typeof item !== 'string') throw new UsageError(`${flag} must be a string, got ${JSON.stringify(item)}`);
    return item;
  });
}
