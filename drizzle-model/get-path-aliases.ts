import fs from 'node:fs';
import path from 'node:path';
import { createFileCache } from './create-file-cache.js';
import { parseJsonc } from './parse-jsonc.js';

/** The module-resolution part of a tsconfig.json / jsconfig.json, with `extends` applied. */
export interface PathAliases {
  /** The config file that applies. */
  readonly configPath: string;
  /** Absolute `baseUrl`, or null. */
  readonly baseUrl: string | null;
  /** `paths` patterns in their written order; targets are absolute patterns (`/repo/src/*`). */
  readonly paths: readonly { readonly pattern: string; readonly targets: readonly string[] }[];
}

interface RawConfig {
  readonly extends: readonly string[];
  readonly baseUrl: string | null;
  readonly paths: Readonly<Record<string, readonly string[]>> | null;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

const rawConfigs = createFileCache((text): RawConfig | null => {
  const json = parseJsonc(text);
  if (typeof json !== 'object' || json === null) return null;
  const record = json as Record<string, unknown>;
  const options = (typeof record.compilerOptions === 'object' && record.compilerOptions !== null ? record.compilerOptions : {}) as Record<string, unknown>;
  const extendsValue = record.extends;
  const paths = typeof options.paths === 'object' && options.paths !== null ? (options.paths as Record<string, unknown>) : null;
  return {
    extends: typeof extendsValue === 'string' ? [extendsValue] : Array.isArray(extendsValue) ? extendsValue.filter((e): e is string => typeof e === 'string') : [],
    baseUrl: typeof options.baseUrl === 'string' ? options.baseUrl : null,
    paths: paths
      ? Object.fromEntries(Object.entries(paths).map(([key, value]) => [key, Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []]))
      : null,
  };
});

/** Where an `extends` entry points: a relative or absolute file, or a package's file in node_modules. */
function resolveExtends(entry: string, fromConfig: string): string | null {
  const dir = path.dirname(fromConfig);
  const candidates = entry.startsWith('.') || path.isAbsolute(entry) ? [path.resolve(dir, entry)] : [];
  if (candidates.length === 0) {
    for (let d = dir; ; d = path.dirname(d)) {
      candidates.push(path.join(d, 'node_modules', entry));
      if (path.dirname(d) === d) break;
    }
  }
  for (const candidate of candidates) {
    for (const file of [candidate, `${candidate}.json`, path.join(candidate, 'tsconfig.json')]) {
      if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
    }
  }
  return null;
}

/**
 * `baseUrl` and `paths` of one config, inherited through `extends` (a later entry and the config itself win;
 * `paths` resolve against `baseUrl` when set, else against the folder of the config that declares them).
 */
function readAliases(configPath: string, visiting: ReadonlySet<string>): { baseUrl: string | null; paths: PathAliases['paths'] | null } {
  const raw = rawConfigs.get(configPath);
  if (!raw || visiting.has(configPath)) return { baseUrl: null, paths: null };
  const next = new Set(visiting).add(configPath);
  let baseUrl: string | null = null;
  let paths: PathAliases['paths'] | null = null;
  let pathsBase: string | null = null;
  for (const entry of raw.extends) {
    const parent = resolveExtends(entry, configPath);
    if (!parent) continue;
    const inherited = readAliases(parent, next);
    baseUrl = inherited.baseUrl ?? baseUrl;
    paths = inherited.paths ?? paths;
  }
  const dir = path.dirname(configPath);
  if (raw.baseUrl !== null) baseUrl = path.resolve(dir, raw.baseUrl);
  if (raw.paths) {
    pathsBase = baseUrl ?? dir;
    paths = Object.entries(raw.paths).map(([pattern, targets]) => ({ pattern, targets: targets.map((t) => path.resolve(pathsBase!, t)) }));
  }
  return { baseUrl, paths };
}

/** The path aliases of the nearest tsconfig.json or jsconfig.json at or above `fromDir`; null when there is none. */
export function getPathAliases(fromDir: string): PathAliases | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const configPath = path.join(dir, name);
      if (!fs.existsSync(configPath)) continue;
      const { baseUrl, paths } = readAliases(configPath, new Set());
      return { configPath, baseUrl, paths: paths ?? [] };
    }
    if (path.dirname(dir) === dir) return null;
  }
}
