/**
 * Codemod benchmark: `drizzle-schema rename` (the built CLI, in a subprocess) with the 19-table manifest, against
 * (a) jscodeshift running one equivalent transform over every file (`baselines/jscodeshift-rename-tables.cjs`) and
 * (b) ts-morph loading the project and renaming one exported table (`baselines/ts-morph-rename.ts`).
 * Each corpus is a git repository in a temporary folder; before every run it is reset to its commit, so every
 * tool writes for real on the same fresh files. The order of the tools rotates from run to run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, PHASE_ONE_RENAMES, writeCorpus } from './corpus.js';
import type { CorpusFile } from './corpus.js';
import type { Measurement } from './measure.js';
import { measure } from './measure.js';
import type { CliProfile } from './profile.js';
import { profileCli } from './profile.js';
import { generateRealRepoCorpus, REAL_REPO_RENAME, REAL_REPO_SYMBOL } from './real-repo-corpus.js';
import { median } from './stats.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built CLI. The runs use a snapshot of dist/ (`snapshotBuild`): a rebuild during the bench cannot break a run. */
export const CLI = path.join(REPO, 'dist/bin/drizzle-schema.js');
const JSCODESHIFT = path.join(REPO, 'node_modules/jscodeshift/bin/jscodeshift.js');
const JSCODESHIFT_TRANSFORM = path.join(REPO, 'bench/baselines/jscodeshift-rename-tables.cjs');
const TS_MORPH_SCRIPT = path.join(REPO, 'bench/baselines/ts-morph-rename.ts');
/** The exported table ts-morph renames: one of the 19 (`messages` → `comms_messages`). */
export const TS_MORPH_SYMBOL = { from: 'messages', to: 'commsMessages' } as const;

/**
 * `monorepo`: bench/corpus.ts (a quarter schema files) with the 19 phase-1 renames; `app`: bench/real-repo-corpus.ts
 * (an application repository) with one common-word table (`notes`) renamed.
 */
export type CorpusShape = 'monorepo' | 'app';

interface ShapeSpec {
  readonly generate: (files: number) => CorpusFile[];
  readonly renames: Readonly<Record<string, string>>;
  readonly symbol: { readonly from: string; readonly to: string };
  /** The app has .tsx components: jscodeshift parses every file as TSX there (the corpus has no `<T>x` casts). */
  readonly jscodeshiftParser: readonly string[];
}

const SHAPES: Record<CorpusShape, ShapeSpec> = {
  monorepo: { generate: (files) => generateCorpus({ files }), renames: PHASE_ONE_RENAMES, symbol: TS_MORPH_SYMBOL, jscodeshiftParser: ['--extensions=ts', '--parser=ts'] },
  app: { generate: (files) => generateRealRepoCorpus({ files }), renames: { [REAL_REPO_RENAME.from]: REAL_REPO_RENAME.to }, symbol: REAL_REPO_SYMBOL, jscodeshiftParser: ['--extensions=ts,tsx', '--parser=tsx'] },
};

export const CODEMOD_TOOLS = ['drizzle-schema', 'jscodeshift', 'ts-morph'] as const;
export type CodemodTool = (typeof CODEMOD_TOOLS)[number];

export interface ToolResult {
  readonly wallS: number[];
  readonly maxRssMb: number[];
  readonly treeRssMb: number[];
  /** Files the tool changed (git diff), per run. */
  readonly changedFiles: number[];
  readonly medianWallS: number;
  readonly medianMaxRssMb: number;
  readonly medianTreeRssMb: number;
}

export interface CodemodSizeResult {
  /** When this case was measured (a `--cases` run keeps the other cases' earlier figures); absent in older results. */
  readonly measuredAt?: string;
  readonly files: number;
  /** Absent in results from before the shapes existed: `monorepo`. */
  readonly shape?: CorpusShape;
  readonly runs: number;
  /** From the CLI's JSON report: files scanned and prefilter candidates (files that contain an old name). */
  readonly filesScanned: number;
  readonly candidates: number;
  /** Code files that import a drizzle-orm core module and mention a table of the manifest: what the CLI's known-tables scan parses. */
  readonly filesImportingDrizzle: number;
  readonly tools: Record<CodemodTool, ToolResult>;
  /** Baseline median wall time over drizzle-schema's (the target is ≥ 25 vs jscodeshift at 20k files). */
  readonly speedupVsJscodeshift: number;
  readonly speedupVsTsMorph: number;
  /** One extra CLI run under `node --cpu-prof`, when asked for. */
  readonly profile?: CliProfile;
}

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

export interface CorpusRepo {
  readonly shape: CorpusShape;
  readonly root: string;
  readonly corpus: string;
  readonly manifest: string;
  readonly filesImportingDrizzle: number;
}

/** A corpus of `files` files in a fresh git repository (one commit), a tsconfig.json for ts-morph, and the manifest. */
export function createCorpusRepo(files: number, shape: CorpusShape = 'monorepo'): CorpusRepo {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `drizzle-schema-codemod-bench-${shape}-${files}-`));
  const corpus = path.join(root, 'corpus');
  const spec = SHAPES[shape];
  const generated = spec.generate(files);
  writeCorpus(corpus, generated);
  fs.writeFileSync(
    path.join(corpus, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'preserve', strict: true, skipLibCheck: true, noEmit: true }, include: ['src'] }, null, 2)}\n`,
  );
  const manifest = path.join(root, 'manifest.json');
  fs.writeFileSync(manifest, `${JSON.stringify({ tables: spec.renames }, null, 2)}\n`);
  git(corpus, 'init', '-q');
  git(corpus, 'add', '.');
  git(corpus, 'commit', '-q', '-m', 'corpus');
  const manifestNames = Object.entries(spec.renames).flat();
  const filesImportingDrizzle = generated.filter(
    (file) => file.path.endsWith('.ts') && /drizzle-orm\/[a-z]+-core/.test(file.text) && manifestNames.some((name) => file.text.includes(name)),
  ).length;
  return { shape, root, corpus, manifest, filesImportingDrizzle };
}

function resetCorpus(repo: CorpusRepo): void {
  git(repo.corpus, 'reset', '-q', '--hard');
  git(repo.corpus, 'clean', '-q', '-f', '-d');
}

function getChangedFiles(repo: CorpusRepo): number {
  return git(repo.corpus, 'diff', '--name-only').split('\n').filter((line) => line !== '').length;
}

/**
 * Copy dist/ to a temporary folder next to a package.json ({"type":"module"}) and a node_modules link to the
 * repository's, so the CLI resolves its dependencies as it does in place. Returns the snapshot's cli.js.
 */
export function snapshotBuild(): { cli: string; remove: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-bench-dist-'));
  fs.cpSync(path.join(REPO, 'dist'), path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), fs.readFileSync(path.join(REPO, 'package.json')));
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return { cli: path.join(root, 'dist/bin/drizzle-schema.js'), remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export function getCliArgs(repo: CorpusRepo, cli: string): string[] {
  return [cli, 'rename', '--manifest', repo.manifest, '--force', '--json'];
}

async function runTool(tool: CodemodTool, repo: CorpusRepo, cpus: number, cli: string): Promise<Measurement> {
  if (tool === 'drizzle-schema') return measure(process.execPath, getCliArgs(repo, cli), { cwd: repo.corpus });
  if (tool === 'jscodeshift') {
    return measure(
      process.execPath,
      [JSCODESHIFT, '--no-babel', '-t', JSCODESHIFT_TRANSFORM, ...SHAPES[repo.shape].jscodeshiftParser, `--cpus=${cpus}`, `--manifest=${repo.manifest}`, '.'],
      { cwd: repo.corpus },
    );
  }
  // Run from the repository so `--import tsx` resolves.
  const symbol = SHAPES[repo.shape].symbol;
  return measure(process.execPath, ['--import', 'tsx', TS_MORPH_SCRIPT, repo.corpus, symbol.from, symbol.to], { cwd: REPO });
}

/** Throws when a run failed: a benchmark of a failing tool measures nothing. */
function checkRun(tool: CodemodTool, result: Measurement): { filesScanned?: number; candidates?: number } {
  const fail = (why: string): never => {
    throw new Error(`${tool} run failed (${why}), exit code ${result.exitCode}\n${result.stderr.slice(-4000)}\n${result.stdout.slice(-2000)}`);
  };
  if (tool === 'drizzle-schema') {
    // 0: done; 1: done with items to review (the corpus plants some).
    if (result.exitCode !== 0 && result.exitCode !== 1) fail('exit code');
    const report = JSON.parse(result.stdout) as { filesScanned: number; candidates: number; skipped: unknown[] };
    if (report.skipped.length > 0) fail(`${report.skipped.length} files skipped`);
    return { filesScanned: report.filesScanned, candidates: report.candidates };
  }
  if (tool === 'jscodeshift') {
    if (result.exitCode !== 0) fail('exit code');
    const errors = /(\d+) errors/.exec(result.stdout)?.[1];
    if (errors !== '0') fail(`${errors ?? 'unknown'} files failed`);
    return {};
  }
  if (result.exitCode !== 0) fail('exit code');
  return {};
}

export async function benchCodemod(options: {
  files: number;
  runs: number;
  cpus: number;
  cli: string;
  shape?: CorpusShape;
  profile?: boolean;
  log?: (line: string) => void;
}): Promise<CodemodSizeResult> {
  const log = options.log ?? (() => undefined);
  const shape = options.shape ?? 'monorepo';
  const repo = createCorpusRepo(options.files, shape);
  try {
    type Samples = { wallS: number[]; maxRssMb: number[]; treeRssMb: number[]; changedFiles: number[] };
    const empty = (): Samples => ({ wallS: [], maxRssMb: [], treeRssMb: [], changedFiles: [] });
    const samples: Record<CodemodTool, Samples> = { 'drizzle-schema': empty(), jscodeshift: empty(), 'ts-morph': empty() };
    let filesScanned = 0;
    let candidates = 0;
    for (let run = 0; run < options.runs; run++) {
      for (let k = 0; k < CODEMOD_TOOLS.length; k++) {
        const tool = CODEMOD_TOOLS[(run + k) % CODEMOD_TOOLS.length]!;
        resetCorpus(repo);
        const result = await runTool(tool, repo, options.cpus, options.cli);
        const checked = checkRun(tool, result);
        if (checked.filesScanned !== undefined) filesScanned = checked.filesScanned;
        if (checked.candidates !== undefined) candidates = checked.candidates;
        const changed = getChangedFiles(repo);
        if (changed === 0) throw new Error(`${tool} changed no file in the ${options.files}-file corpus`);
        const sample = samples[tool];
        sample.wallS.push(result.wallS);
        sample.maxRssMb.push(result.maxRssMb);
        sample.treeRssMb.push(result.treeRssMb);
        sample.changedFiles.push(changed);
        log(`  codemod ${shape} ${options.files} files, run ${run + 1}/${options.runs}, ${tool}: ${result.wallS.toFixed(2)} s, max RSS ${result.maxRssMb.toFixed(0)} MB (tree ${result.treeRssMb.toFixed(0)} MB), ${changed} files changed`);
      }
    }
    resetCorpus(repo);
    const profile = options.profile ? profileCli({ cliArgs: getCliArgs(repo, options.cli), cwd: repo.corpus, profileDir: path.join(repo.root, 'profile'), files: options.files }) : undefined;
    resetCorpus(repo);
    const tools = Object.fromEntries(
      CODEMOD_TOOLS.map((tool) => {
        const sample = samples[tool];
        return [tool, { ...sample, medianWallS: median(sample.wallS), medianMaxRssMb: median(sample.maxRssMb), medianTreeRssMb: median(sample.treeRssMb) }];
      }),
    ) as Record<CodemodTool, ToolResult>;
    return {
      measuredAt: new Date().toISOString(),
      files: options.files,
      shape,
      runs: options.runs,
      filesScanned,
      candidates,
      filesImportingDrizzle: repo.filesImportingDrizzle,
      tools,
      speedupVsJscodeshift: tools.jscodeshift.medianWallS / tools['drizzle-schema'].medianWallS,
      speedupVsTsMorph: tools['ts-morph'].medianWallS / tools['drizzle-schema'].medianWallS,
      ...(profile ? { profile } : {}),
    };
  } finally {
    fs.rmSync(repo.root, { recursive: true, force: true });
  }
}
