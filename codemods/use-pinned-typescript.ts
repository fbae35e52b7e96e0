/**
 * The CLI parses code with typescript-estree, which does `require('typescript')` (as do ts-api-utils and the other
 * typescript-eslint packages). Left alone, that require finds whatever TypeScript npm hoisted next to them: in a
 * repository whose root has TypeScript 7 (a different JS API) the run crashed inside typescript-estree, and in one
 * without TypeScript it could not start. The package therefore depends on its own copy
 * (`typescript-for-drizzle-schema`, an npm alias of a TypeScript that typescript-eslint supports), and the CLI
 * process sends every `require('typescript')` and `require('typescript/…')` there, whatever the hoisting.
 *
 * Only the CLI's entry calls this (never the ESLint plugin, which runs under the user's parser and TypeScript).
 * Idempotent: a second call finds the hook installed.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const PINNED = 'typescript-for-drizzle-schema';

interface ModuleInternals {
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
}

const HOOKED = Symbol.for('drizzle-schema.pinned-typescript');

/** Resolve `typescript` to the package's own copy in this process; returns that copy's folder. */
export function usePinnedTypeScript(): string {
  const internals = Module as unknown as ModuleInternals & { [HOOKED]?: string };
  const installed = internals[HOOKED];
  if (installed !== undefined) return installed;
  const ownRequire = createRequire(import.meta.url);
  const folder = path.dirname(ownRequire.resolve(`${PINNED}/package.json`));
  const resolve = internals._resolveFilename;
  // Resolved from this package (not from the requiring module), so a nested copy is found too.
  internals._resolveFilename = function resolvePinnedTypeScript(request, parent, isMain, options) {
    if (request === 'typescript' || request.startsWith('typescript/')) return ownRequire.resolve(`${PINNED}${request.slice('typescript'.length)}`);
    return resolve.call(this, request, parent, isMain, options);
  };
  internals[HOOKED] = folder;
  return folder;
}
