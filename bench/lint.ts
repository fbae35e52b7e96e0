/**
 * Lint overhead: in one process, alternating runs of ESLint with the typescript-eslint parser and no rules,
 * the same plus all of this plugin's rules, and the same plus a widely used rule set (typescript-eslint's
 * recommended, no type information) as a reference point. Per-rule shares come from ESLint's stats
 * (the same numbers TIMING prints). Also: rule time over parse time for a ~1,000-line schema file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../index.js';
import { generateCorpus, largestSchemaFile, writeCorpus } from './corpus.js';
import { median } from './stats.js';

export interface LintBenchResult {
  readonly files: number;
  readonly runs: number;
  readonly baselineMs: number;
  readonly pluginMs: number;
  readonly referenceMs: number;
  readonly ratio: number;
  readonly referenceRatio: number;
  readonly ruleShares: Record<string, number>;
  readonly largestFile: { readonly lines: number; readonly parseMs: number; readonly rulesMs: number; readonly ratio: number };
}

const base = (): Linter.Config[] => [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, sourceType: 'module' } }];
const withPlugin = (): Linter.Config[] => [
  ...base(),
  plugin.configs.all,
  { settings: { 'drizzle-schema': { helperModules: ['src/schema/shared.schema.ts'] } } },
];
const withReference = (): Linter.Config[] => [...base(), ...(tseslint.configs.recommended as Linter.Config[])];

async function timeLint(cwd: string, config: Linter.Config[], stats = false): Promise<{ ms: number; results: ESLint.LintResult[] }> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, stats });
  const started = performance.now();
  const results = await eslint.lintFiles(['src/**/*.ts']);
  return { ms: performance.now() - started, results };
}

export async function benchLint(options: { files: number; runs: number }): Promise<LintBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-lint-bench-'));
  try {
    writeCorpus(dir, generateCorpus({ files: options.files }));
    fs.writeFileSync(path.join(dir, 'src/schema/big.schema.ts'), largestSchemaFile());
    await timeLint(dir, withPlugin()); // warm-up: module loading, JIT
    await timeLint(dir, base());
    const baseline: number[] = [];
    const withRules: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      baseline.push((await timeLint(dir, base())).ms);
      withRules.push((await timeLint(dir, withPlugin())).ms);
      reference.push((await timeLint(dir, withReference())).ms);
    }
    const { results } = await timeLint(dir, withPlugin(), true);
    const ruleTotals: Record<string, number> = {};
    let big = { parseMs: 0, rulesMs: 0 };
    for (const result of results) {
      for (const pass of result.stats?.times.passes ?? []) {
        let rulesMs = 0;
        for (const [rule, time] of Object.entries(pass.rules ?? {})) {
          ruleTotals[rule] = (ruleTotals[rule] ?? 0) + time.total;
          rulesMs += time.total;
        }
        if (result.filePath.endsWith('big.schema.ts')) big = { parseMs: big.parseMs + (pass.parse?.total ?? 0), rulesMs: big.rulesMs + rulesMs };
      }
    }
    const totalRuleMs = Object.values(ruleTotals).reduce((a, b) => a + b, 0);
    const baselineMs = median(baseline);
    const pluginMs = median(withRules);
    const referenceMs = median(reference);
    return {
      files: options.files,
      runs: options.runs,
      baselineMs,
      pluginMs,
      referenceMs,
      ratio: pluginMs / baselineMs,
      referenceRatio: referenceMs / baselineMs,
      ruleShares: Object.fromEntries(Object.entries(ruleTotals).map(([rule, ms]) => [rule, ms / totalRuleMs])),
      largestFile: { lines: largestSchemaFile().split('\n').length, parseMs: big.parseMs, rulesMs: big.rulesMs, ratio: big.rulesMs / big.parseMs },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
