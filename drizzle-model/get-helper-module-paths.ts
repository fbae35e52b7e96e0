import fs from 'node:fs';
import path from 'node:path';
import { loadModule } from './load-module.js';

/** The configured helper modules as files, and one message per entry that is not a readable module. */
export interface HelperModulePaths {
  /** Absolute paths, in configuration order, of the entries that were found and parse. */
  readonly paths: readonly string[];
  /** What is wrong with the other entries, one sentence each. */
  readonly problems: readonly string[];
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Where the `helperModules` entries are, for a file being linted: an absolute path as is; a relative path from
 * ESLint's working directory (`context.cwd`, the folder ESLint runs in, normally the one with eslint.config.*),
 * else from the nearest folder above the linted file where it exists (so `cd src && eslint db/schema`, or an
 * editor that runs ESLint from a monorepo's root, find the same file). An entry found nowhere, or a file that
 * does not parse, is a problem (reported once per file by the rules), never an exception.
 */
export function getHelperModulePaths(cwd: string, filename: string, helperModules: readonly string[]): HelperModulePaths {
  const paths: string[] = [];
  const problems: string[] = [];
  for (const entry of helperModules) {
    const candidates = [path.resolve(cwd, entry)];
    if (!path.isAbsolute(entry)) {
      for (let dir = path.dirname(path.resolve(cwd, filename)); ; dir = path.dirname(dir)) {
        candidates.push(path.join(dir, entry));
        if (path.dirname(dir) === dir) break;
      }
    }
    const found = candidates.find(isFile);
    if (!found) {
      problems.push(
        `settings['drizzle-schema'].helperModules: ${JSON.stringify(entry)} was not found, neither from ESLint's working directory (${cwd}) nor from any folder above this file. Give a path relative to the folder ESLint runs in (where eslint.config.* is), or remove the entry: helpers imported by schema files are found without it.`,
      );
    } else if (!loadModule(found)) {
      problems.push(`settings['drizzle-schema'].helperModules: ${JSON.stringify(entry)} (${found}) does not parse as TypeScript, so its helpers are unknown.`);
    } else if (!paths.includes(found)) {
      paths.push(found);
    }
  }
  return { paths, problems };
}
