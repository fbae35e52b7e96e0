/**
 * Bundle the rename CLI (dist/codemods/cli.js, compiled by tsc) into dist/bin/drizzle-schema.js, the package's
 * `bin`, and a few chunks it imports. A run then loads a handful of modules instead of about 400 (this package's ~120 and the CJS packages it uses:
 * @typescript-eslint/scope-manager alone is ~180 files), which is most of the start-up cost of a rename on a
 * repository of ordinary size (docs/performance.md). The compiled modules stay in dist/ for the ESLint plugin, the
 * programmatic API and the jscodeshift transforms.
 *
 * Left outside the bundle, loaded from node_modules as before: packages that find files next to themselves
 * (libpg-query's WebAssembly, oxc-parser's native binding) and the TypeScript-based ones only `--rename-exports`
 * loads (ts-morph and the pinned TypeScript, which the CLI resolves through its own `require` hook).
 */
import { build } from 'esbuild';

await build({
  entryPoints: { 'drizzle-schema': 'dist/codemods/cli.js' },
  outdir: 'dist/bin',
  // The entry stays small and loads the run (and the packages left outside) through the CLI's own `import()`,
  // inside its error handling: a dependency that fails to load is an internal error (exit 3), not a crash at start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['libpg-query', 'oxc-parser', 'ts-morph', 'typescript', 'typescript-for-drizzle-schema'],
  // Bundled CommonJS packages call `require` for Node built-ins; an ES module has none of its own.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
});
