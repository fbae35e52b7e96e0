import fs from 'node:fs';
import path from 'node:path';
import { getPathAliases } from './get-path-aliases.js';
import { parseJsonc } from './parse-jsonc.js';
import { createFileCache } from './create-file-cache.js';

/** Source extensions tried for an extensionless specifier, in TypeScript's order (sources before declarations). */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts'];
/** `./x.js` in TypeScript source means `./x.ts` (and so on). */
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
/** Export conditions tried, in order; a target that is a source file wins over a declaration file. */
const CONDITIONS = ['source', 'development', 'types', 'import', 'module', 'node', 'default', 'require'];

interface PackageJson {
  readonly exports: unknown;
  readonly main: string | null;
  readonly module: string | null;
  readonly types: string | null;
}

const packageJsons = createFileCache((text): PackageJson | null => {
  const json = parseJsonc(text);
  if (typeof json !== 'object' || json === null) return null;
  const record = json as Record<string, unknown>;
  const text_ = (value: unknown) => (typeof value === 'string' ? value : null);
  return { exports: record.exports ?? null, main: text_(record.main), module: text_(record.module), types: text_(record.types) ?? text_(record.typings) };
});

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The file a path denotes: itself, its `.js`→`.ts` counterpart, with an extension added, or its folder's index. */
function resolveFile(base: string): string | null {
  const ext = path.extname(base);
  for (const replacement of JS_TO_TS[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + replacement;
    if (isFile(candidate)) return candidate;
  }
  if (isFile(base)) return base;
  for (const extension of EXTENSIONS) if (isFile(base + extension)) return base + extension;
  for (const extension of EXTENSIONS) {
    const index = path.join(base, `index${extension}`);
    if (isFile(index)) return index;
  }
  return null;
}

const isDeclaration = (file: string) => /\.d\.[mc]?ts$/.test(file);

/** The targets an `exports` value offers for `subpath` (`.`, `./columns`), in condition order. */
function getExportTargets(exportsValue: unknown, subpath: string): string[] {
  if (typeof exportsValue === 'string') return subpath === '.' ? [exportsValue] : [];
  if (Array.isArray(exportsValue)) return exportsValue.flatMap((entry) => getExportTargets(entry, subpath));
  if (typeof exportsValue !== 'object' || exportsValue === null) return [];
  const record = exportsValue as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!keys.some((key) => key.startsWith('.'))) {
    // A conditions object for the root.
    return subpath === '.' ? getConditionTargets(record) : [];
  }
  if (subpath in record) return getConditionTargets(record[subpath]);
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= prefix.length + suffix.length) {
      const match = subpath.slice(prefix.length, subpath.length - suffix.length);
      return getConditionTargets(record[key]).map((target) => target.replaceAll('*', match));
    }
  }
  return [];
}

function getConditionTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(getConditionTargets);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const ordered = [...CONDITIONS.filter((c) => c in record), ...Object.keys(record).filter((c) => !CONDITIONS.includes(c))];
  return ordered.flatMap((condition) => getConditionTargets(record[condition]));
}

/** A package folder's file for `subpath`: through `exports` when present, else `types`/`module`/`main`/index. */
function resolvePackageFile(packageDir: string, subpath: string): string | null {
  const manifest = packageJsons.get(path.join(packageDir, 'package.json'));
  const found: string[] = [];
  if (manifest?.exports != null) {
    for (const target of getExportTargets(manifest.exports, subpath)) {
      const file = resolveFile(path.resolve(packageDir, target));
      if (file) found.push(file);
    }
  } else if (subpath === '.') {
    for (const entry of [manifest?.types, manifest?.module, manifest?.main, 'index']) {
      const file = entry ? resolveFile(path.resolve(packageDir, entry)) : null;
      if (file) found.push(file);
    }
  } else {
    const file = resolveFile(path.resolve(packageDir, subpath));
    if (file) found.push(file);
  }
  return found.find((file) => !isDeclaration(file)) ?? found[0] ?? null;
}

/** `@scope/name/sub/path` → the package name and `./sub/path` (or `.`). */
function splitPackageSpecifier(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/');
  const count = specifier.startsWith('@') ? 2 : 1;
  const rest = parts.slice(count).join('/');
  return { name: parts.slice(0, count).join('/'), subpath: rest ? `./${rest}` : '.' };
}

function resolveFromNodeModules(specifier: string, fromDir: string): string | null {
  const { name, subpath } = splitPackageSpecifier(specifier);
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') {
      const packageDir = path.join(dir, 'node_modules', name);
      if (fs.existsSync(packageDir)) {
        // Workspace packages are symlinks: work with the real folder, so their own imports resolve there.
        const file = resolvePackageFile(fs.realpathSync(packageDir), subpath);
        if (file) return file;
      }
    }
    if (path.dirname(dir) === dir) return null;
  }
}

function resolveThroughAliases(specifier: string, fromDir: string): string | null {
  const aliases = getPathAliases(fromDir);
  if (!aliases) return null;
  let best: { prefixLength: number; targets: readonly string[]; match: string } | null = null;
  for (const { pattern, targets } of aliases.paths) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === specifier && (!best || pattern.length > best.prefixLength)) best = { prefixLength: pattern.length, targets, match: '' };
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) continue;
    if (!best || prefix.length > best.prefixLength) {
      best = { prefixLength: prefix.length, targets, match: specifier.slice(prefix.length, specifier.length - suffix.length) };
    }
  }
  for (const target of best?.targets ?? []) {
    const file = resolveFile(target.replace('*', best!.match));
    if (file) return file;
  }
  return aliases.baseUrl ? resolveFile(path.resolve(aliases.baseUrl, specifier)) : null;
}

/**
 * The source file an import specifier of `fromFile` denotes, as TypeScript would find it: relative and absolute
 * paths (`./x.js` → `./x.ts`, extensionless, folder index), the `paths` and `baseUrl` of the nearest
 * tsconfig.json/jsconfig.json (with `extends`), then packages in `node_modules` (workspace links followed to their
 * real folder; `exports` conditions, `types`, `module`, `main`). drizzle-orm itself is never followed.
 * Null when nothing is found.
 */
export function resolveImport(specifier: string, fromFile: string): string | null {
  const fromDir = path.dirname(fromFile);
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return resolveFile(path.resolve(fromDir, specifier));
  if (specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/') || specifier.startsWith('node:')) return null;
  return resolveThroughAliases(specifier, fromDir) ?? resolveFromNodeModules(specifier, fromDir);
}
