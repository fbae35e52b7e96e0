/**
 * Never crash on real code: every rule, under every option set (./option-sets.ts), over every `.ts`/`.tsx`/`.d.ts`
 * file of the installed drizzle-orm, typescript-eslint (+ the installed @typescript-eslint/* packages) and ts-morph
 * (+ @ts-morph/common) packages, and over a 300-file benchmark corpus. ESLint's Linter rethrows a rule's exception,
 * so a thrown error is a crash; a fatal message without a rule id is a parse error, not a crash (and none is
 * expected: every file here is valid TypeScript).
 *
 * Coverage: ALL files, no sampling. Measured on 2 cores: ~1,000 package files take ~6 s per option set
 * (the two big ones, typescript.d.ts and ts-morph.d.ts, ~1.1 s of it), so 5 sets stay well under the 90 s budget.
 * drizzle-orm's own .d.ts files import each other by relative paths, so the recognizer sees no Drizzle tables in
 * them (they test that nothing else trips the rules); the example app (linted with them) and the corpus
 * exercise the Drizzle paths.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, PHASE_ONE_RENAMES, writeCorpus } from '../../bench/corpus.js';
import { parseManifestText } from '../../codemods/manifest.js';
import { buildPlan } from '../../codemods/plan.js';
import { ensureSqlReady } from '../../codemods/sql/ensure-sql-ready.js';
import { codeTransform } from '../../codemods/transforms/code.js';
import { applyEdits } from '../../codemods/edits.js';
import { ParseError } from '../../codemods/types.js';
import { getOptionSets, type OptionSet } from './option-sets.js';
import { listPackageFiles } from './list-package-files.js';
import { getTokenMutants } from './token-mutants.js';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PACKAGES = ['drizzle-orm', 'typescript-eslint', 'ts-morph', '@ts-morph/common'];
const typescriptEslintScoped = fs.readdirSync(path.join(REPO, 'node_modules/@typescript-eslint')).sort().map((name) => `@typescript-eslint/${name}`);
/** A message a rule produced from a caught exception instead of a finding. */
const CRASH_TEXT = /TypeError|ReferenceError|RangeError|Cannot read propert|is not a function|is not iterable|undefined|Maximum call stack|Occurred while linting/;

interface Outcome {
  readonly crashes: string[];
  readonly parseErrors: string[];
  readonly messagesByRule: Record<string, number>;
}

/**
 * Lint `files` (paths relative to `root`) with one option set. Files under node_modules are given to the Linter
 * under a virtual name (`virtual/<package path>`), because ESLint ignores node_modules by default.
 */
function lintAll(root: string, files: readonly string[], set: OptionSet, getText = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')): Outcome {
  const linter = new Linter({ cwd: root });
  const outcome: Outcome = { crashes: [], parseErrors: [], messagesByRule: {} };
  for (const file of files) {
    const text = getText(file);
    const filename = file.startsWith('node_modules/') ? path.join(root, 'virtual', file.slice('node_modules/'.length)) : path.join(root, file);
    let messages: Linter.LintMessage[];
    try {
      messages = linter.verify(text, set.config, { filename });
    } catch (error) {
      outcome.crashes.push(`${file} [${set.name}]: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      continue;
    }
    for (const message of messages) {
      if (message.fatal && message.ruleId === null) outcome.parseErrors.push(`${file}:${message.line}:${message.column} ${message.message}`);
      else if (CRASH_TEXT.test(message.message) || message.ruleId === null) outcome.crashes.push(`${file}:${message.line} [${set.name}] ${message.ruleId}: ${message.message}`);
      else if (message.ruleId) outcome.messagesByRule[message.ruleId] = (outcome.messagesByRule[message.ruleId] ?? 0) + 1;
    }
  }
  return outcome;
}

describe('no rule crashes on the installed packages and the example app', () => {
  const files = [
    ...[...PACKAGES, ...typescriptEslintScoped].flatMap((name) => listPackageFiles(REPO, `node_modules/${name}`)),
    ...listPackageFiles(REPO, 'examples/src'),
    // The Drizzle code of the project's own fixtures (helpers, codemod inputs and outputs): odd but real shapes.
    ...listPackageFiles(REPO, 'test/fixtures'),
    ...listPackageFiles(REPO, 'test/codemods/transforms/__fixtures__'),
  ];

  it('finds the files of every package', () => {
    const count = (prefix: string) => files.filter((file) => file.startsWith(`node_modules/${prefix}/`)).length;
    // Exact counts would break on every patch release; each package must contribute its declaration files.
    expect(count('drizzle-orm')).toBeGreaterThan(400);
    expect(count('drizzle-orm/pg-core')).toBeGreaterThan(50);
    expect(count('typescript-eslint')).toBeGreaterThan(0);
    expect(count('@typescript-eslint/eslint-plugin')).toBeGreaterThan(100);
    expect(count('ts-morph')).toBeGreaterThan(0);
    expect(count('@ts-morph/common')).toBeGreaterThan(0);
    expect(files.filter((file) => file.startsWith('examples/src/db/schema/')).length).toBeGreaterThan(10);
  });

  // Options change what the rules do only where a file imports drizzle-orm (elsewhere the recognizer stops at the
  // import list): the first option set lints every file, the others the files that can hold Drizzle tables.
  const drizzleFiles = files.filter((file) => !file.startsWith('node_modules/') || /from\s*["']drizzle-orm/.test(fs.readFileSync(path.join(REPO, file), 'utf8')));
  for (const [index, set] of getOptionSets('./examples/src/db/schema/shared.schema.ts').entries()) {
    it(`${set.name}: no exception, no parse error`, () => {
      const outcome = lintAll(REPO, index === 0 ? files : drizzleFiles, set);
      expect(outcome.crashes).toEqual([]);
      expect(outcome.parseErrors).toEqual([]);
      // The example app has planted violations: the rules did run.
      expect(Object.keys(outcome.messagesByRule).length).toBeGreaterThan(0);
      // The first set also pays for loading the parser and the two big declaration files; on a shared machine under
      // load it has taken just over 60 s.
    }, 120_000);
  }
});

describe('no rule crashes on near-real code (token mutants of Drizzle schema files that still parse)', () => {
  // 300 mutants: one to three consecutive tokens deleted or duplicated in the example app's schema files,
  // which cover every rule's violations and helpers. Linted as files of the example's schema folder.
  const folder = 'examples/src/db/schema';
  const sources = fs.readdirSync(path.join(REPO, folder)).filter((name) => name.endsWith('.ts')).sort().map((name) => fs.readFileSync(path.join(REPO, folder, name), 'utf8'));
  const mutants = getTokenMutants(sources, { seed: 20260515, count: 300 });
  const names = mutants.map((_, i) => `${folder}/mutant-${i}.schema.ts`);

  it('300 mutants', () => {
    expect(mutants).toHaveLength(300);
  });

  it("the rename codemod's code transform with the example's manifest: no exception other than ParseError", async () => {
    await ensureSqlReady();
    const plan = buildPlan(parseManifestText(fs.readFileSync(path.join(REPO, 'examples/renames.json'), 'utf8'), 'renames.json'), { knownTables: new Set() });
    const failures: string[] = [];
    mutants.forEach((source, i) => {
      try {
        applyEdits(source, codeTransform({ source, path: names[i]!, plan }).edits);
      } catch (error) {
        if (!(error instanceof ParseError)) failures.push(`${names[i]}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${source}`);
      }
    });
    expect(failures).toEqual([]);
  });

  for (const set of getOptionSets(`./${folder}/shared.schema.ts`)) {
    it(`${set.name}: no exception`, () => {
      const outcome = lintAll(REPO, names, set, (name) => mutants[names.indexOf(name)]!);
      expect(outcome.crashes).toEqual([]);
    });
  }
});

describe('no rule crashes on the benchmark corpus', () => {
  let dir = '';
  let tsFiles: string[] = [];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-robust-corpus-'));
    const corpus = generateCorpus({ files: 300 });
    writeCorpus(dir, corpus);
    tsFiles = corpus.map((file) => file.path).filter((file) => file.endsWith('.ts'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const set of getOptionSets('./src/schema/shared.schema.ts')) {
    it(`${set.name}: no exception, no parse error, and the rules do report`, () => {
      const outcome = lintAll(dir, tsFiles, set);
      expect(outcome.crashes).toEqual([]);
      expect(outcome.parseErrors).toEqual([]);
      // The corpus plants violations of every rule: a harness that silently linted nothing would fail here.
      const reporting = Object.keys(outcome.messagesByRule).sort();
      expect(reporting.length).toBeGreaterThanOrEqual(3);
    });
  }

  it("the rename codemod's code transform: no exception other than ParseError, edits apply", async () => {
    await ensureSqlReady();
    const plan = buildPlan(
      { tables: Object.entries(PHASE_ONE_RENAMES).map(([from, to]) => ({ schema: null, from, to, source: `--table ${from}=${to}` })), columns: [] },
      { knownTables: new Set() },
    );
    expect(plan.tables).toHaveLength(19);
    const failures: string[] = [];
    let changed = 0;
    for (const file of tsFiles) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      try {
        const result = codeTransform({ source, path: file, plan });
        if (applyEdits(source, result.edits) !== source) changed++;
      } catch (error) {
        if (!(error instanceof ParseError)) failures.push(`${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(changed).toBeGreaterThan(0);
  });
});
