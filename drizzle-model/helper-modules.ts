import fs from 'node:fs';
import path from 'node:path';
import { createProject, type Project } from './create-project.js';
import { loadModule } from './load-module.js';
import type { HelperDefinition } from './parse-chain.js';

export interface HelperModule {
  readonly path: string;
  /** Exported helpers by exported name. */
  readonly helpers: ReadonlyMap<string, HelperDefinition>;
}

/**
 * A helper module's exported helpers: functions whose body returns a Drizzle column builder chain (also through
 * the module's own imports: an enum, a custom type or another helper defined elsewhere). The module is parsed
 * once per process and reused until it changes on disk (see loadModule). Throws a clear error when the file is
 * missing or does not parse; the lint rules check configured paths first (getHelperModulePaths) and report
 * such an entry as a configuration message instead.
 */
export function loadHelperModule(absolutePath: string, project: Project = createProject()): HelperModule {
  if (!fs.existsSync(absolutePath)) {
    throw new Error(`eslint-plugin-drizzle-schema: helper module ${absolutePath} (settings['drizzle-schema'].helperModules) does not exist`);
  }
  if (!loadModule(absolutePath)) throw new Error(`eslint-plugin-drizzle-schema: helper module ${absolutePath} does not parse`);
  return { path: absolutePath, helpers: project.getModuleHelpers(absolutePath) };
}

/**
 * The configured helper module an import specifier points at, or null.
 * Relative specifiers are resolved against the importing file (with the usual TypeScript extension
 * substitutions); bare specifiers (path aliases such as `@db/schema/shared.schema`) match a helper module
 * whose file name, without extension, equals the specifier's last segment.
 */
export function getHelperModulePath(specifier: string, fromFile: string, helperPaths: readonly string[]): string | null {
  if (helperPaths.length === 0) return null;
  if (specifier.startsWith('.')) {
    const base = path.resolve(path.dirname(fromFile), specifier);
    const stem = base.replace(/\.(?:[mc]?js|jsx)$/, '');
    const candidates = new Set([base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, path.join(base, 'index.ts')]);
    return helperPaths.find((p) => candidates.has(p)) ?? null;
  }
  const last = specifier.split('/').at(-1)!.replace(/\.(?:[mc]?js|jsx|tsx?|mts|cts)$/, '');
  return helperPaths.find((p) => path.basename(p).replace(/\.(?:tsx?|mts|cts|[mc]?js|jsx)$/, '') === last) ?? null;
}
