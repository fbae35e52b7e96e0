/**
 * The rules run unchanged under oxlint's JS plugins: the real oxlint (in a subprocess) loads the BUILT plugin
 * (`npm test` builds first) through `jsPlugins` in an .oxlintrc.json, lints the example app with the settings the
 * ESLint integration test uses, and reports exactly what ESLint reports (rule, file, line, column, message).
 * Then `oxlint --fix` (repeated until nothing changes: it applies one round of fixes per run) and ESLint's `fix` on
 * two copies of the example schema (autofix 'all') write the same files.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { exampleLintConfig } from '../../scripts/example-lint-config.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const OXLINT = path.join(REPO, 'node_modules/oxlint/bin/oxlint');
const run = promisify(execFile);

interface OxlintDiagnostic {
  readonly message: string;
  readonly code: string;
  readonly filename: string;
  readonly labels: readonly { readonly span: { readonly line: number; readonly column: number } }[];
}

/** An .oxlintrc.json with only this plugin's rules on (oxlint's built-in plugins and categories off). */
function writeOxlintConfig(dir: string, settings: Record<string, unknown>, rules: readonly string[]): string {
  const file = path.join(dir, '.oxlintrc.json');
  const config = {
    plugins: [],
    categories: { correctness: 'off' },
    jsPlugins: [path.join(REPO, 'dist/index.js')],
    settings: { 'drizzle-schema': settings },
    rules: Object.fromEntries(rules.map((rule) => [rule, 'error'])),
  };
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

async function oxlint(cwd: string, args: readonly string[]): Promise<string> {
  // oxlint exits 1 when it reports errors: the report is still on stdout.
  const result = await run(process.execPath, [OXLINT, ...args], { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string; code?: number }) => {
      if (error.code !== 1) throw new Error(`oxlint failed (${error.code}): ${error.stderr ?? ''}`);
      return { stdout: error.stdout ?? '' };
    },
  );
  return result.stdout;
}

const getSettings = (config: Linter.Config[]) => config.find((c) => c.settings)!.settings!['drizzle-schema'] as Record<string, unknown>;

describe('the example app under oxlint', () => {
  let dir = '';
  beforeAll(() => {
    fs.mkdirSync(path.join(REPO, '.tmp'), { recursive: true });
    dir = fs.mkdtempSync(path.join(REPO, '.tmp', 'oxlint-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports exactly what ESLint reports', async () => {
    const config = exampleLintConfig(plugin, tseslint.parser);
    const rules = Object.keys(plugin.configs.recommended.rules!);
    const eslintResults = await new ESLint({ cwd: REPO, overrideConfigFile: true, overrideConfig: config }).lintFiles(['examples/src/**/*.ts']);
    const fromEslint = eslintResults
      .flatMap((r) => r.messages.map((m) => `${m.ruleId} ${path.relative(REPO, r.filePath)}:${m.line}:${m.column} ${m.message}`))
      .sort();

    const configFile = writeOxlintConfig(dir, getSettings(config), rules);
    const report = JSON.parse(await oxlint(REPO, ['-c', configFile, '--format', 'json', 'examples/src'])) as { diagnostics: OxlintDiagnostic[] };
    const fromOxlint = report.diagnostics
      .map((d) => {
        const rule = /^([\w-]+)\(([\w-]+)\)$/.exec(d.code);
        const { line, column } = d.labels[0]!.span;
        return `${rule ? `${rule[1]}/${rule[2]}` : d.code} ${d.filename}:${line}:${column} ${d.message}`;
      })
      .sort();

    expect(fromEslint.length).toBeGreaterThan(40);
    expect(fromOxlint).toEqual(fromEslint);
  }, 120_000);

  it("writes the same fixes as ESLint (autofix 'all', every rule)", async () => {
    const copy = (name: string) => {
      const root = path.join(dir, name);
      fs.cpSync(path.join(REPO, 'examples/src/db/schema'), path.join(root, 'schema'), { recursive: true });
      return root;
    };
    const settings = { casing: 'preserve', autofix: 'all', helperModules: ['schema/shared.schema.ts'] };
    const rules = Object.keys(plugin.configs.all.rules!);

    const eslintRoot = copy('eslint');
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser, sourceType: 'module' } },
      plugin.configs.all,
      { settings: { 'drizzle-schema': settings } },
    ];
    const results = await new ESLint({ cwd: eslintRoot, overrideConfigFile: true, overrideConfig: config, fix: true }).lintFiles(['schema/**/*.ts']);
    await ESLint.outputFixes(results);
    expect(results.filter((r) => r.output !== undefined).length).toBeGreaterThan(5);

    const oxlintRoot = copy('oxlint');
    const configFile = writeOxlintConfig(oxlintRoot, settings, rules);
    // `oxlint --fix` applies one round of non-overlapping fixes per run (ESLint re-lints up to 10 times): run it
    // until the files stop changing.
    const snapshot = () => fs.readdirSync(path.join(oxlintRoot, 'schema')).map((f) => fs.readFileSync(path.join(oxlintRoot, 'schema', f), 'utf8')).join('\0');
    let runs = 0;
    for (let previous = ''; runs < 10 && previous !== snapshot(); runs++) {
      previous = snapshot();
      // Files named one by one: oxlint skips git-ignored folders (the copies live under .tmp/) when walking one.
      await oxlint(oxlintRoot, ['-c', configFile, '--fix', ...fs.readdirSync(path.join(oxlintRoot, 'schema')).map((f) => `schema/${f}`)]);
    }
    expect(runs).toBeLessThan(10);

    for (const file of fs.readdirSync(path.join(eslintRoot, 'schema'))) {
      const byOxlint = fs.readFileSync(path.join(oxlintRoot, 'schema', file), 'utf8');
      expect(byOxlint, file).toBe(fs.readFileSync(path.join(eslintRoot, 'schema', file), 'utf8'));
    }
  }, 120_000);
});
