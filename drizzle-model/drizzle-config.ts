/**
 * What a project's `drizzle.config.*` says, read statically (never executed: a config may read secrets or open
 * connections). The lint rules take `casing` from it; the rename codemod takes `out`, `dialect`, `schema`,
 * `casing` and `migrations` to find and write the project's migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Casing } from '../naming/casing.js';
import { parseSource } from './parse-source.js';
import { skipTypeWrappers } from './skip-type-wrappers.js';

export interface DrizzleConfig {
  /** Absolute path of the config file. */
  readonly path: string;
  /** drizzle-kit's `dialect` (`postgresql`, `mysql`, `sqlite`, `turso`, `singlestore`, `gel`), null when not a literal. */
  readonly dialect: string | null;
  /** `schema` paths or globs as written (relative to the config's folder); empty when not literal. */
  readonly schema: readonly string[];
  /**
   * Absolute path of the `out` folder (drizzle-kit's default `drizzle`). drizzle-kit resolves `out` from the folder it
   * runs in, not from the config's: for a config below its package (`server/db/drizzle.config.ts` run as
   * `drizzle-kit generate --config server/db/drizzle.config.ts`), the first folder from the config's up to its
   * package root where the `out` folder exists; else the config's folder.
   */
  readonly out: string;
  /** drizzle-kit's `casing` for name-less columns; null when the config does not set it (drizzle-kit: keys as written). */
  readonly casing: Casing | null;
  /** `migrations.prefix` (`index` by default in drizzle-kit 0.31; `timestamp`, `supabase`, `unix`, `none`). */
  readonly migrationsPrefix: string | null;
  /** `migrations.table` / `migrations.schema`: where drizzle-orm's migrator records applied migrations. */
  readonly migrationsTable: string | null;
  readonly migrationsSchema: string | null;
  /** `breakpoints` (drizzle-kit writes `--> statement-breakpoint` between statements unless this is false). */
  readonly breakpoints: boolean;
}

/** The file names drizzle-kit looks for by default, in its order of preference. */
export const DRIZZLE_CONFIG_NAMES = ['drizzle.config.ts', 'drizzle.config.mts', 'drizzle.config.cts', 'drizzle.config.js', 'drizzle.config.mjs', 'drizzle.config.cjs', 'drizzle.config.json'];

const CASINGS: ReadonlySet<string> = new Set(['snake_case', 'camelCase']);

/** Parsed configs keyed by absolute path; an entry is reused while the file's mtime is unchanged. */
const cache = new Map<string, { readonly mtimeMs: number; readonly config: DrizzleConfig | null }>();

/**
 * The drizzle config that applies to `fromDir`: the nearest `drizzle.config.*` in it or a folder above it, up to
 * and including `stopDir` (default: the filesystem root). Null when there is none, or when the nearest one cannot be
 * read statically (it does not parse, or exports no object literal).
 */
export function findDrizzleConfig(fromDir: string, stopDir?: string): DrizzleConfig | null {
  const stop = stopDir === undefined ? null : path.resolve(stopDir);
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    for (const name of DRIZZLE_CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return readDrizzleConfig(candidate);
    }
    if (dir === stop || path.dirname(dir) === dir) return null;
  }
}

/** Read one config file (cached by path and mtime). Null when it cannot be read statically. */
export function readDrizzleConfig(absolutePath: string): DrizzleConfig | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolutePath);
  } catch {
    return null;
  }
  const hit = cache.get(absolutePath);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.config;
  const config = parseDrizzleConfig(fs.readFileSync(absolutePath, 'utf8'), absolutePath);
  cache.set(absolutePath, { mtimeMs: stat.mtimeMs, config });
  return config;
}

/**
 * Read a config's source: `export default defineConfig({...})`, `export default {...} satisfies Config`,
 * `const config = {...}; export default config`, `module.exports = {...}`, or JSON. Values that are not literals
 * (`process.env.X`) count as absent.
 */
export function parseDrizzleConfig(source: string, absolutePath: string): DrizzleConfig | null {
  let object: Record<string, unknown> | null;
  if (absolutePath.endsWith('.json')) {
    try {
      const value: unknown = JSON.parse(source);
      object = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  } else {
    let program: TSESTree.Program;
    try {
      program = parseSource(source, absolutePath);
    } catch {
      return null;
    }
    const node = getExportedObject(program);
    object = node ? getStaticObject(node) : null;
  }
  if (!object) return null;
  const dir = path.dirname(absolutePath);
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const migrations = typeof object.migrations === 'object' && object.migrations !== null ? (object.migrations as Record<string, unknown>) : {};
  const schema = object.schema;
  const casing = text(object.casing);
  return {
    path: absolutePath,
    dialect: text(object.dialect),
    schema: typeof schema === 'string' ? [schema] : Array.isArray(schema) ? schema.filter((entry): entry is string => typeof entry === 'string') : [],
    out: getOutFolder(dir, text(object.out) ?? 'drizzle'),
    casing: casing !== null && CASINGS.has(casing) ? (casing as Casing) : null,
    migrationsPrefix: text(migrations.prefix),
    migrationsTable: text(migrations.table),
    migrationsSchema: text(migrations.schema),
    breakpoints: object.breakpoints !== false,
  };
}

function getOutFolder(configDir: string, out: string): string {
  if (path.isAbsolute(out)) return out;
  for (let dir = configDir; ; dir = path.dirname(dir)) {
    const candidate = path.resolve(dir, out);
    if (fs.existsSync(candidate)) return candidate;
    if (fs.existsSync(path.join(dir, 'package.json')) || path.dirname(dir) === dir) return path.resolve(configDir, out);
  }
}

function getExportedObject(program: TSESTree.Program): TSESTree.ObjectExpression | null {
  const constants = new Map<string, TSESTree.Expression>();
  let exported: TSESTree.Node | null = null;
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) constants.set(declarator.id.name, declarator.init);
      }
    }
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) exported = statement.declaration;
    if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      isModuleExports(statement.expression.left)
    ) {
      exported = statement.expression.right;
    }
  }
  for (let depth = 0; exported && depth < 5; depth += 1) {
    const node: TSESTree.Node = skipTypeWrappers(exported as TSESTree.Expression);
    if (node.type === AST_NODE_TYPES.ObjectExpression) return node;
    if (node.type === AST_NODE_TYPES.CallExpression) exported = node.arguments[0] ?? null; // defineConfig({...})
    else if (node.type === AST_NODE_TYPES.Identifier) exported = constants.get(node.name) ?? null;
    else return null;
  }
  return null;
}

function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'exports'
  );
}

/** The literal part of an object expression: strings, booleans, numbers, arrays and nested objects of them. */
function getStaticObject(node: TSESTree.ObjectExpression): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
    if (key === null) continue;
    const value = getStaticValue(property.value as TSESTree.Expression);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function getStaticValue(expression: TSESTree.Expression): unknown {
  const node = skipTypeWrappers(expression);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return node.value;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0 ? node.quasis[0]?.value.cooked : undefined;
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? getStaticValue(element) : undefined));
    case AST_NODE_TYPES.ObjectExpression:
      return getStaticObject(node);
    default:
      return undefined;
  }
}
