/**
 * `npm run bench`: the lint overhead benchmark, the codemod benchmark, then bench/results/latest.json,
 * docs/performance-codemod.svg and the generated section of docs/performance.md from those results.
 *
 *   npm run bench                 full run (lint 1k and 5k files, codemod 1k, 5k and 20k files): about 15 minutes on 2 cores
 *   npm run bench -- --quick      smoke test (small sizes, one run); writes bench/results/quick.json only
 *   npm run bench -- --doc-only   regenerate the chart and the doc section from bench/results/latest.json
 *   npm run bench -- --cases 200,app-1500,20000
 *                                 only these codemod cases of the full run (`<files>` for the monorepo corpus,
 *                                 `app-<files>` for the application corpus); the lint figures are kept from
 *                                 bench/results/latest.json and the doc says from which run they come
 *   npm run bench -- --cases … --runs 3   fewer runs per selected case (a busy machine)
 *
 * The codemod is measured through the built CLI (dist/): run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getCodemodChartSvg } from './chart.js';
import type { CodemodSizeResult } from './codemod.js';
import type { CorpusShape } from './codemod.js';
import { benchCodemod, CLI, REPO, snapshotBuild } from './codemod.js';
import type { LargestFileResult, LintBenchResult } from './lint.js';
import { benchLargestFile, benchLint } from './lint.js';
import { getGnuTimeProblem } from './measure.js';
import { benchProjectModel } from './project-model.js';
import type { BenchResults } from './report.js';
import { getDocSection, replaceDocSection } from './report.js';

interface Plan {
  readonly lint: ReadonlyArray<{ files: number; runs: number }>;
  readonly largestFileRuns: number;
  readonly codemod: ReadonlyArray<{ files: number; runs: number; shape?: CorpusShape }>;
  /** The case (as `--cases` names it) whose CLI run is profiled once. */
  readonly profileAt: string;
  readonly output: string;
  readonly writeDoc: boolean;
}

const FULL: Plan = {
  lint: [
    { files: 1000, runs: 5 },
    { files: 5000, runs: 3 },
  ],
  largestFileRuns: 30,
  codemod: [
    { files: 200, runs: 5 },
    { files: 1000, runs: 5 },
    { files: 1500, runs: 5, shape: 'app' },
    { files: 5000, runs: 5 },
    { files: 20_000, runs: 3 },
  ],
  profileAt: 'app-1500',
  output: 'bench/results/latest.json',
  writeDoc: true,
};

const QUICK: Plan = {
  lint: [{ files: 200, runs: 1 }],
  largestFileRuns: 5,
  codemod: [
    { files: 200, runs: 1 },
    { files: 500, runs: 1 },
    { files: 1500, runs: 1, shape: 'app' },
  ],
  profileAt: 'app-1500',
  output: 'bench/results/quick.json',
  writeDoc: false,
};

const DOC = path.join(REPO, 'docs/performance.md');
const CHART = path.join(REPO, 'docs/performance-codemod.svg');

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function getMachine(): BenchResults['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    totalMemoryGb: os.totalmem() / 1024 ** 3,
  };
}

/** Stops the run when dist/ is missing, warns when it is older than the codemod sources. */
function checkBuild(): void {
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(REPO, CLI)} is missing: run \`npm run build\` first (the codemod is measured through the built CLI).`);
  const built = fs.statSync(CLI).mtimeMs;
  const newer = fs
    .readdirSync(path.join(REPO, 'codemods'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && fs.statSync(path.join(REPO, 'codemods', file)).mtimeMs > built);
  if (newer.length > 0) log(`warning: codemods/${newer[0]} (and ${newer.length - 1} more) is newer than dist/: run \`npm run build\` to measure the current code.`);
}

function writeOutputs(results: BenchResults, output: string, writeDoc: boolean): void {
  fs.mkdirSync(path.dirname(path.join(REPO, output)), { recursive: true });
  fs.writeFileSync(path.join(REPO, output), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${output}`);
  if (!writeDoc) return;
  if (results.codemod.length > 0) {
    const caption = `Median of ${results.codemod.map((size) => size.runs).join('/')} runs; ${results.machine.cpus} cores, Node ${results.machine.node}; jscodeshift --cpus=${results.jscodeshiftCpus}`;
    fs.writeFileSync(CHART, getCodemodChartSvg(results.codemod.filter((size) => (size.shape ?? 'monorepo') === 'monorepo'), caption));
    log(`wrote ${path.relative(REPO, CHART)}`);
  }
  const doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Performance\n';
  fs.writeFileSync(DOC, replaceDocSection(doc, getDocSection(results)));
  log(`wrote ${path.relative(REPO, DOC)}`);
}

/** Other engineers' test and build processes seen while measuring: timings taken on a busy machine say so. */
function watchContention(): () => BenchResults['contention'] {
  let samples = 0;
  let busySamples = 0;
  let maxLoad = 0;
  const timer = setInterval(() => {
    const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    const others = ps.split('\n').filter((line) => /vitest|\btsc\b|eslint(?!-plugin-drizzle)/.test(line) && !line.includes('bench/run.ts')).length;
    samples += 1;
    if (others > 0) busySamples += 1;
    maxLoad = Math.max(maxLoad, os.loadavg()[0] ?? 0);
  }, 5000);
  timer.unref();
  return () => {
    clearInterval(timer);
    return { samples, busySamples, maxLoad1: maxLoad };
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, 'doc-only': { type: 'boolean' }, cases: { type: 'string' }, runs: { type: 'string' } } });
  if (values['doc-only']) {
    writeOutputs(readResults(FULL.output), FULL.output, true);
    return;
  }
  const cases = values.cases?.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const previous = cases ? readResults(FULL.output) : null;
  const base = values.quick ? QUICK : FULL;
  const runs = values.runs === undefined ? null : Number(values.runs);
  if (runs !== null && (!Number.isInteger(runs) || runs < 1)) throw new Error(`--runs must be a positive integer, got "${values.runs}"`);
  const selected = cases ? selectCases(base, cases) : base.codemod;
  const sizes = runs === null ? selected : selected.map((size) => ({ ...size, runs }));
  const plan: Plan = cases ? { ...base, lint: [], largestFileRuns: 0, codemod: sizes } : { ...base, codemod: sizes };
  const timeProblem = plan.codemod.length > 0 ? getGnuTimeProblem() : null;
  if (timeProblem) {
    log(timeProblem);
    process.exitCode = 1;
    return;
  }
  checkBuild();
  const machine = getMachine();
  const stopWatching = watchContention();
  log(`machine: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}`);

  const lint: LintBenchResult[] = [];
  for (const size of plan.lint) {
    log(`lint overhead, ${size.files} files, ${size.runs} runs`);
    const result = await benchLint({ ...size, log });
    log(`  ratio ${result.ratio.toFixed(3)} (typescript-eslint recommended: ${result.referenceRatio.toFixed(3)})`);
    lint.push(result);
  }
  let largestFile: LargestFileResult | null = previous?.largestFile ?? null;
  if (plan.largestFileRuns > 0) {
    log(`largest schema file, ${plan.largestFileRuns} lints`);
    largestFile = await benchLargestFile({ runs: plan.largestFileRuns });
    log(`  rules / parse: ${(largestFile.pluginRatio * 100).toFixed(1)} % (typescript-eslint recommended: ${(largestFile.referenceRatio * 100).toFixed(1)} %)`);
  }

  // `--cases` measures codemod cases only: the project model's figures, like the lint ones, are the previous run's.
  let projectModel = previous?.projectModel ?? null;
  if (!cases) {
    log('project model, no settings');
    projectModel = await benchProjectModel({ runs: plan.largestFileRuns, coldSamples: values.quick ? 3 : 15, log });
  }

  const cpus = os.cpus().length;
  const codemod: CodemodSizeResult[] = [];
  const build = snapshotBuild();
  try {
    for (const size of plan.codemod) {
      log(`codemod, ${size.shape ?? 'monorepo'} corpus, ${size.files} files, ${size.runs} runs`);
      const result = await benchCodemod({ ...size, cpus, cli: build.cli, profile: getCaseId(size) === plan.profileAt, log });
      log(`  drizzle-schema ${result.speedupVsJscodeshift.toFixed(2)}× faster than jscodeshift, ${result.speedupVsTsMorph.toFixed(2)}× faster than ts-morph; ${result.candidates}/${result.filesScanned} candidates`);
      codemod.push(result);
    }
  } finally {
    build.remove();
  }
  // With `--cases`, the cases not named keep the previous run's figures (each result says when it was measured).
  const measured = new Set(codemod.map((result) => getCaseId(result)));
  const carried = (previous?.codemod ?? []).filter((result) => !measured.has(getCaseId(result)));
  const order = base.codemod.map(getCaseId);
  const allCodemod = [...carried, ...codemod].sort((a, b) => order.indexOf(getCaseId(a)) - order.indexOf(getCaseId(b)));

  const results: BenchResults = {
    version: 1,
    date: new Date().toISOString(),
    command: `npm run bench${values.quick || cases || runs !== null ? ' --' : ''}${values.quick ? ' --quick' : ''}${cases ? ` --cases ${cases.join(',')}` : ''}${runs === null ? '' : ` --runs ${runs}`}`,
    machine,
    jscodeshiftCpus: cpus,
    lint: previous ? previous.lint : lint,
    ...(previous ? { lintFrom: previous.lintFrom ?? previous.date } : {}),
    largestFile,
    projectModel,
    codemod: allCodemod,
    contention: stopWatching(),
  };
  writeOutputs(results, plan.output, plan.writeDoc);
}

function readResults(output: string): BenchResults {
  return JSON.parse(fs.readFileSync(path.join(REPO, output), 'utf8')) as BenchResults;
}

/** The codemod cases of `plan` named by `ids` (`200`, `app-1500`), in the plan's order; an unknown id stops the run. */
function getCaseId(size: { readonly files: number; readonly shape?: string }): string {
  return `${size.shape === 'app' ? 'app-' : ''}${size.files}`;
}

function selectCases(plan: Plan, ids: readonly string[]): Plan['codemod'] {
  const getId = getCaseId;
  const unknown = ids.filter((id) => !plan.codemod.some((size) => getId(size) === id));
  if (unknown.length > 0) throw new Error(`unknown codemod case ${unknown.join(', ')}; the cases are ${plan.codemod.map(getId).join(', ')}`);
  return plan.codemod.filter((size) => ids.includes(getId(size)));
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
