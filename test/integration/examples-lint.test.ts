/**
 * Lints the example app through ESLint's Node API (ESLint 10 and ESLint 9) with the recommended config and
 * asserts the exact findings: every violation planted in examples/ (inventoried in examples/VIOLATIONS.md)
 * and nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { exampleLintConfig } from '../../scripts/example-lint-config.js';

const root = path.resolve(import.meta.dirname, '../..');
const schemaDir = 'examples/src/db/schema';

/** `rule file:line` for every row of the per-rule tables in VIOLATIONS.md, checked against each section's count. */
function readInventory(): string[] {
  const text = fs.readFileSync(path.join(root, 'examples/VIOLATIONS.md'), 'utf8');
  const expected: string[] = [];
  for (const section of text.split(/^## /m).slice(1)) {
    const heading = /^([a-z-]+) \((\d+)\)/.exec(section);
    if (!heading) continue;
    const [, rule, count] = heading;
    const rows = [...section.matchAll(/^\| `([\w.-]+\.ts):(\d+)` \|/gm)].map(([, file, line]) => `drizzle-schema/${rule} ${schemaDir}/${file}:${line}`);
    expect(rows, `VIOLATIONS.md section ${rule}`).toHaveLength(Number(count));
    expected.push(...rows);
  }
  return expected.sort();
}

const ENGINES = [
  { name: 'ESLint 10', ESLint: ESLint10 },
  { name: 'ESLint 9', ESLint: ESLint9 as unknown as typeof ESLint10 },
];

describe.each(ENGINES)('examples/ linted with $name', ({ ESLint }) => {
  it('reports every planted violation and nothing else', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: exampleLintConfig(plugin, tseslint.parser) });
    const results = await eslint.lintFiles(['examples/src/**/*.ts']);
    expect(results.length).toBeGreaterThan(30);
    const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal || m.ruleId === null).map((m) => `${r.filePath}: ${m.message}`));
    expect(fatal).toEqual([]);
    const actual = results
      .flatMap((r) => r.messages.map((m) => `${m.ruleId} ${path.relative(root, r.filePath)}:${m.line}`))
      .sort();
    expect(actual).toEqual(readInventory());
  });

  it('names the table and column in every message', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: exampleLintConfig(plugin, tseslint.parser) });
    const results = await eslint.lintFiles([`${schemaDir}/users.schema.ts`, `${schemaDir}/career.schema.ts`]);
    const messages = results.flatMap((r) => r.messages.map((m) => m.message));
    expect(messages.some((m) => m.includes('users.isAdmin') || m.includes('users.id'))).toBe(true);
    expect(messages.some((m) => m.includes('career.job_applications'))).toBe(true);
  });
});
