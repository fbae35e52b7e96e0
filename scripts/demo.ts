/**
 * `npm run demo`: lint the bundled example app with the recommended config and print a short
 * summary per rule, then every finding grouped by file.
 * `npm run demo -- --fix`: apply the autofixes (the safe ones, as `eslint --fix` would) to a temporary copy of the
 * example app and print them as a diff; examples/ itself is never changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../index.js';
import { getUnifiedDiff } from '../codemods/diff.js';
import { exampleLintConfig } from './example-lint-config.js';

const root = path.resolve(import.meta.dirname, '..');

if (process.argv.includes('--fix')) {
  // The copy keeps the examples/ prefix, so the config's helper module path resolves in it as in the repo.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-demo-'));
  try {
    fs.cpSync(path.join(root, 'examples/src'), path.join(copy, 'examples/src'), { recursive: true });
    const fixer = new ESLint({ cwd: copy, overrideConfigFile: true, overrideConfig: exampleLintConfig(plugin, tseslint.parser), fix: true });
    const fixed = (await fixer.lintFiles(['examples/src/**/*.ts'])).filter((r) => r.output !== undefined);
    for (const result of fixed) {
      const file = path.relative(copy, result.filePath);
      process.stdout.write(getUnifiedDiff(file, fs.readFileSync(path.join(root, file), 'utf8'), result.output!));
    }
    const left = fixed.reduce((sum, r) => sum + r.messages.length, 0);
    console.log(`\nAutofixed ${fixed.length} files in a temporary copy (examples/ is unchanged); ${left} problems left in them need a suggestion or a decision.`);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
  process.exit(0);
}

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
console.log('See the safe autofixes as a diff (applied to a temporary copy): npm run demo -- --fix   (suggestions appear in your editor)');
