/**
 * Lint overhead: in one process, alternating runs of ESLint with the typescript-eslint parser and no rules
 * (baseline), the same plus all of this plugin's rules, and the same plus a widely used rule set
 * (typescript-eslint's `recommended`, no type information) as a reference point. The order of the three
 * rotates from run to run so none always runs first after a GC. Per-rule shares come from ESLint's stats
 * (the same numbers `TIMING=all` prints). Also: rule time over parse time for a ~1,000-line schema file,
 * the median over repeated lints of that one file (the cost an editor user feels on each keystroke).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../index.js';
import { generateCorpus, largestSchemaFile, writeCorpus } from './corpus.js';
import { median } from './stats.js';

export type LintSetup = 'baseline' | 'plugin' | 'reference' | 'oneRule' | 'oneRulePlugin';

export interface StatsTotals {
  readonly parseMs: number;
  readonly rulesMs: number;
  /** Per rule, summed over all files. */
  readonly ruleMs: Record<string, number>;
}

export interface LargestFileResult {
  readonly lines: number;
  readonly runs: number;
  /** Medians over the runs. */
  readonly parseMs: number;
  readonly pluginRulesMs: number;
  readonly referenceRulesMs: number;
  /** Median of (plugin rule time / parse time) per run. */
  readonly pluginRatio: number;
  readonly referenceRatio: number;
}

export interface LintBenchResult {
  readonly files: number;
  readonly runs: number;
  /** Wall time of each run, in run order, per setup. */
  readonly samplesMs: Record<LintSetup, number[]>;
  /** Medians. */
  readonly baselineMs: number;
  readonly pluginMs: number;
  readonly referenceMs: number;
  /** pluginMs / baselineMs and referenceMs / baselineMs (the target is ratio ≤ 1.05). */
  readonly ratio: number;
  readonly referenceRatio: number;
  /**
   * ESLint walks the tree (code path analysis, selector dispatch) only when at least one rule is on, so the
   * parser-only baseline leaves that out. `oneRule` is the parser plus one trivial core rule (`no-debugger`),
   * `oneRulePlugin` the same plus every plugin rule: their ratio is what the plugin adds to a real setup.
   */
  readonly oneRuleMs: number;
  readonly oneRulePluginMs: number;
  readonly marginalRatio: number;
  /** From one extra run with ESLint stats on. */
  readonly pluginStats: StatsTotals;
  readonly referenceStats: StatsTotals;
  /** Each plugin rule's share of the plugin's total rule time. */
  readonly ruleShares: Record<string, number>;
}

const HELPER_SETTINGS: Linter.Config = { settings: { 'drizzle-schema': { helperModules: ['src/schema/shared.schema.ts'] } } };
const base = (): Linter.Config[] => [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, sourceType: 'module' } }];
const CONFIGS: Record<LintSetup, () => Linter.Config[]> = {
  baseline: base,
  plugin: () => [...base(), plugin.configs.all, HELPER_SETTINGS],
  reference: () => [...base(), ...(tseslint.configs.recommended as Linter.Config[])],
  oneRule: () => [...base(), ONE_RULE],
  oneRulePlugin: () => [...base(), ONE_RULE, plugin.configs.all, HELPER_SETTINGS],
};
const ONE_RULE: Linter.Config = { rules: { 'no-debugger': 'error' } };
const SETUPS: readonly LintSetup[] = ['baseline', 'plugin', 'reference', 'oneRule', 'oneRulePlugin'];

async function timeLint(cwd: string, setup: LintSetup, stats = false): Promise<{ ms: number; results: ESLint.LintResult[] }> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: CONFIGS[setup](), stats });
  const started = performance.now();
  const results = await eslint.lintFiles(['src/**/*.ts']);
  const ms = performance.now() - started;
  const crashed = results.find((result) => result.messages.some((message) => message.fatal === true));
  if (crashed) throw new Error(`lint bench: ${crashed.filePath} does not parse: ${crashed.messages[0]?.message ?? ''}`);
  return { ms, results };
}

function getStatsTotals(results: readonly ESLint.LintResult[]): StatsTotals {
  const ruleMs: Record<string, number> = {};
  let parseMs = 0;
  let rulesMs = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) {
        ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
        rulesMs += time.total;
      }
    }
  }
  return { parseMs, rulesMs, ruleMs };
}

/** The corpus of `files` files plus the large schema file, linted `runs` times per setup. */
export async function benchLint(options: { files: number; runs: number; log?: (line: string) => void }): Promise<LintBenchResult> {
  const log = options.log ?? (() => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-lint-bench-'));
  try {
    writeCorpus(dir, generateCorpus({ files: options.files }));
    fs.writeFileSync(path.join(dir, 'src/schema/big.schema.ts'), largestSchemaFile());
    for (const setup of SETUPS) await timeLint(dir, setup); // warm-up: module loading, JIT
    const samplesMs: Record<LintSetup, number[]> = { baseline: [], plugin: [], reference: [], oneRule: [], oneRulePlugin: [] };
    for (let run = 0; run < options.runs; run++) {
      for (let k = 0; k < SETUPS.length; k++) {
        const setup = SETUPS[(run + k) % SETUPS.length]!;
        const { ms } = await timeLint(dir, setup);
        samplesMs[setup].push(ms);
        log(`  lint ${options.files} files, run ${run + 1}/${options.runs}, ${setup}: ${ms.toFixed(0)} ms`);
      }
    }
    const pluginStats = getStatsTotals((await timeLint(dir, 'plugin', true)).results);
    const referenceStats = getStatsTotals((await timeLint(dir, 'reference', true)).results);
    const baselineMs = median(samplesMs.baseline);
    const pluginMs = median(samplesMs.plugin);
    const referenceMs = median(samplesMs.reference);
    return {
      files: options.files,
      runs: options.runs,
      samplesMs,
      baselineMs,
      pluginMs,
      referenceMs,
      ratio: pluginMs / baselineMs,
      referenceRatio: referenceMs / baselineMs,
      oneRuleMs: median(samplesMs.oneRule),
      oneRulePluginMs: median(samplesMs.oneRulePlugin),
      marginalRatio: median(samplesMs.oneRulePlugin) / median(samplesMs.oneRule),
      pluginStats,
      referenceStats,
      ruleShares: Object.fromEntries(Object.entries(pluginStats.ruleMs).map(([rule, ms]) => [rule, ms / pluginStats.rulesMs])),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The editor number: lint the ~1,000-line schema file alone, `runs` times per setup after a warm-up,
 * and take the median of rule time over parse time (ESLint stats, one file per lint, as an editor does).
 */
export async function benchLargestFile(options: { runs: number }): Promise<LargestFileResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-lint-big-'));
  try {
    writeCorpus(dir, generateCorpus({ files: 10 }));
    const text = largestSchemaFile();
    const filePath = path.join(dir, 'src/schema/big.schema.ts');
    fs.writeFileSync(filePath, text);
    const measure = async (setup: LintSetup): Promise<{ parseMs: number; rulesMs: number }> => {
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: CONFIGS[setup](), stats: true });
      const [result] = await eslint.lintText(text, { filePath });
      if (!result || result.messages.some((message) => message.fatal === true)) throw new Error('lint bench: the large schema file does not parse');
      const totals = getStatsTotals([result]);
      return { parseMs: totals.parseMs, rulesMs: totals.rulesMs };
    };
    for (let i = 0; i < 5; i++) {
      await measure('plugin');
      await measure('reference');
    }
    const plugin: Array<{ parseMs: number; rulesMs: number }> = [];
    const reference: Array<{ parseMs: number; rulesMs: number }> = [];
    for (let i = 0; i < options.runs; i++) {
      plugin.push(await measure('plugin'));
      reference.push(await measure('reference'));
    }
    return {
      lines: text.split('\n').length,
      runs: options.runs,
      parseMs: median([...plugin, ...reference].map((run) => run.parseMs)),
      pluginRulesMs: median(plugin.map((run) => run.rulesMs)),
      referenceRulesMs: median(reference.map((run) => run.rulesMs)),
      pluginRatio: median(plugin.map((run) => run.rulesMs / run.parseMs)),
      referenceRatio: median(reference.map((run) => run.rulesMs / run.parseMs)),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
