/**
 * `npm run demo`: lint the bundled example app with the recommended config and print a short
 * summary per rule, then every finding grouped by file.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../index.js';
import { exampleLintConfig } from './example-lint-config.js';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: exampleLintConfig(plugin, tseslint.parser),
});

const started = performance.now();
const results = await eslint.lintFiles(['examples/src/**/*.ts']);
const elapsed = performance.now() - started;

const byRule = new Map<string, number>();
const filesByRule = new Map<string, Set<string>>();
for (const result of results) {
  for (const message of result.messages) {
    const rule = message.ruleId ?? '(fatal)';
    byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
    const files = filesByRule.get(rule) ?? new Set<string>();
    files.add(path.relative(root, result.filePath));
    filesByRule.set(rule, files);
  }
}

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[22m` : s);
console.log(bold(`Linted ${results.length} files in examples/src with drizzle-schema/recommended (${elapsed.toFixed(0)} ms)\n`));
for (const name of Object.keys(plugin.rules).sort()) {
  const id = `drizzle-schema/${name}`;
  const count = byRule.get(id) ?? 0;
  const files = filesByRule.get(id)?.size ?? 0;
  console.log(`  ${String(count).padStart(3)}  ${id.padEnd(36)} in ${files} file${files === 1 ? '' : 's'}`);
}
const fatal = byRule.get('(fatal)') ?? 0;
if (fatal > 0) console.log(`  ${String(fatal).padStart(3)}  parse errors`);

const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(results);
if (text) console.log(text);
console.log('Fix the safe ones with: npx eslint --fix examples/src   (suggestions appear in your editor)');
