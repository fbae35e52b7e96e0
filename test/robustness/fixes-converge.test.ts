/**
 * Fixes converge and stay valid: every autofix and every suggestion of every rule, on the example app's
 * schema files (helper module shared.schema.ts) and on the schema files of a 300-file corpus.
 * - `autofix: 'all'` turns database-changing suggestions into fixes: after `verifyAndFix` every file parses,
 *   the example app still typechecks (`tsc` on a copy inside the repo, so node_modules resolve), and a second
 *   pass fixes nothing and reports nothing fixable. The same for the default mode (`autofix: 'safe'`).
 * - Default mode, each suggestion applied alone to the original file: the file parses, and the rule reports
 *   fewer problems afterwards (the suggestion resolves what it was offered for). These are not typechecked
 *   one by one (a tsc run each is too slow): switching a serial key to uuid is a data migration that changes
 *   the key's TypeScript type on purpose, so the app may rightly stop typechecking.
 * The corpus is parse-checked only: it is generated without a tsconfig or installed packages.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { generateCorpus, writeCorpus } from '../../bench/corpus.js';
import { applyFix, fixAndWrite, getParseErrors } from './apply-fixes.js';
import { getBaseConfig, type OptionSet } from './option-sets.js';
import { getTokenMutants } from './token-mutants.js';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const EXAMPLE_SCHEMA = 'examples/src/db/schema';

function getFixSet(autofix: 'safe' | 'all', helperModule: string): OptionSet {
  return {
    name: `all rules, autofix ${autofix}`,
    config: [getBaseConfig(), plugin.configs.all, { settings: { 'drizzle-schema': { casing: 'preserve', autofix, helperModules: [helperModule] } } }],
  };
}

function listSchemaFiles(cwd: string, folder: string): string[] {
  return fs
    .readdirSync(path.join(cwd, folder))
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => path.posix.join(folder, name));
}

interface Convergence {
  readonly changedFiles: number;
  readonly parseErrors: string[];
  /** Problems that still carry a fix after the first pass (must be none). */
  readonly stillFixable: string[];
  /** Files the second pass changed (must be none). */
  readonly changedAgain: string[];
  /** What is left after fixing: `rule/messageId`, sorted. */
  readonly remaining: string[];
}

/** Fix every file in place, then check parse, a second pass and what remains. */
function fixTwice(cwd: string, files: readonly string[], set: OptionSet): Convergence {
  const before = files.map((file) => fs.readFileSync(path.join(cwd, file), 'utf8'));
  const fixed = fixAndWrite(cwd, files, set.config);
  const parseErrors = fixed.flatMap(({ file, text }) => getParseErrors(cwd, file, text, set));
  const linter = new Linter({ cwd });
  const stillFixable: string[] = [];
  const remaining: string[] = [];
  const changedAgain: string[] = [];
  for (const { file, text } of fixed) {
    const second = linter.verifyAndFix(text, set.config, { filename: path.join(cwd, file) });
    if (second.fixed || second.output !== text) changedAgain.push(file);
    for (const message of second.messages) {
      if (message.fix) stillFixable.push(`${file}:${message.line} ${message.ruleId}: ${message.message}`);
      remaining.push(`${message.ruleId}/${message.messageId}`);
    }
  }
  return { changedFiles: fixed.filter(({ text }, i) => text !== before[i]).length, parseErrors, stillFixable, changedAgain, remaining: remaining.sort() };
}

/**
 * Default mode: every suggestion, applied alone to the original text. Returns the problems: a result that
 * does not parse, or one after which the rule reports as many problems as before.
 */
function checkEachSuggestion(cwd: string, files: readonly string[], set: OptionSet): { applied: number; problems: string[] } {
  const linter = new Linter({ cwd });
  const problems: string[] = [];
  let applied = 0;
  for (const file of files) {
    const filename = path.join(cwd, file);
    const text = fs.readFileSync(filename, 'utf8');
    const messages = linter.verify(text, set.config, { filename });
    const countOf = (list: readonly Linter.LintMessage[], ruleId: string | null) => list.filter((m) => m.ruleId === ruleId).length;
    for (const message of messages) {
      for (const suggestion of message.suggestions ?? []) {
        applied++;
        const output = applyFix(text, suggestion.fix);
        const label = `${file}:${message.line} ${message.ruleId} "${suggestion.desc}"`;
        const parseErrors = getParseErrors(cwd, file, output, set);
        if (parseErrors.length > 0) {
          problems.push(`${label}: does not parse: ${parseErrors.join('; ')}`);
          continue;
        }
        const after = linter.verify(output, set.config, { filename });
        if (countOf(after, message.ruleId) >= countOf(messages, message.ruleId)) problems.push(`${label}: the rule reports as much as before`);
      }
    }
  }
  return { applied, problems };
}

describe('fixes on the example app', () => {
  let base = '';
  let files: string[] = [];
  const helper = `${EXAMPLE_SCHEMA}/shared.schema.ts`;
  beforeAll(() => {
    fs.mkdirSync(path.join(REPO, '.tmp'), { recursive: true });
    base = fs.mkdtempSync(path.join(REPO, '.tmp', 'robust-'));
    files = listSchemaFiles(REPO, EXAMPLE_SCHEMA);
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  /** A fresh copy of examples/ under `base/<name>/examples`; returns the copy's root (the Linter's cwd). */
  const copyExamples = (name: string): string => {
    const root = path.join(base, name);
    fs.cpSync(path.join(REPO, 'examples'), path.join(root, 'examples'), { recursive: true, filter: (source) => path.basename(source) !== 'node_modules' });
    return root;
  };

  it("autofix 'all': every file parses, a second pass changes nothing, the app still typechecks", async () => {
    const root = copyExamples('all');
    const result = fixTwice(root, files, getFixSet('all', helper));
    expect(result.parseErrors).toEqual([]);
    expect(result.stillFixable).toEqual([]);
    expect(result.changedAgain).toEqual([]);
    expect(result.changedFiles).toBeGreaterThan(5);
    // Left: the two serial keys (switching to uuid is a data migration, never autofixed).
    expect(result.remaining).toEqual(['drizzle-schema/uuid-primary-key/notUuid', 'drizzle-schema/uuid-primary-key/notUuid']);
    const tsc = await promisify(execFile)(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'examples/tsconfig.json')], {
      cwd: root,
      encoding: 'utf8',
    }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '' }),
    );
    expect(tsc).toEqual({ code: 0, stdout: '' });
  }, 120_000);

  it("autofix 'safe': every file parses and a second pass changes nothing", () => {
    const root = copyExamples('safe');
    const result = fixTwice(root, files, getFixSet('safe', helper));
    expect(result.parseErrors).toEqual([]);
    expect(result.stillFixable).toEqual([]);
    expect(result.changedAgain).toEqual([]);
    // prefer-shared-helpers' helper substitutions are the safe autofixes of the example.
    expect(result.changedFiles).toBeGreaterThan(0);
  });

  it('default mode: each suggestion alone parses and resolves a problem of its rule', () => {
    const { applied, problems } = checkEachSuggestion(REPO, files, getFixSet('safe', helper));
    expect(problems).toEqual([]);
    expect(applied).toBeGreaterThan(20);
  });
});

describe('fixes on near-real code (token mutants of the example schema files that still parse)', () => {
  it("autofix 'all': each fixed mutant parses and a second pass changes nothing; each default-mode suggestion parses", () => {
    const sources = listSchemaFiles(REPO, EXAMPLE_SCHEMA).map((file) => fs.readFileSync(path.join(REPO, file), 'utf8'));
    const mutants = getTokenMutants(sources, { seed: 7, count: 150 });
    const all = getFixSet('all', `${EXAMPLE_SCHEMA}/shared.schema.ts`);
    const safe = getFixSet('safe', `${EXAMPLE_SCHEMA}/shared.schema.ts`);
    const linter = new Linter({ cwd: REPO });
    const problems: string[] = [];
    let fixedCount = 0;
    mutants.forEach((mutant, i) => {
      const file = `${EXAMPLE_SCHEMA}/mutant-${i}.schema.ts`;
      const filename = path.join(REPO, file);
      const first = linter.verifyAndFix(mutant, all.config, { filename });
      if (first.output !== mutant) fixedCount++;
      const parseErrors = getParseErrors(REPO, file, first.output, all);
      if (parseErrors.length > 0) problems.push(`${file}: fixed output does not parse: ${parseErrors.join('; ')}\n${mutant}`);
      else if (linter.verifyAndFix(first.output, all.config, { filename }).output !== first.output) problems.push(`${file}: a second pass changes the output\n${mutant}`);
      for (const message of linter.verify(mutant, safe.config, { filename })) {
        for (const suggestion of message.suggestions ?? []) {
          const errors = getParseErrors(REPO, file, applyFix(mutant, suggestion.fix), safe);
          if (errors.length > 0) problems.push(`${file}: suggestion "${suggestion.desc}" does not parse: ${errors.join('; ')}\n${mutant}`);
        }
      }
    });
    expect(problems).toEqual([]);
    expect(fixedCount).toBeGreaterThan(75);
    // ~20 s on an idle 2-core machine (nine rules, each mutant fixed to convergence); 50-60 s under a load of 17.
  }, 120_000);
});

describe('fixes on the corpus schema files', () => {
  let dir = '';
  let files: string[] = [];
  const helper = 'src/schema/shared.schema.ts';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-robust-fixes-'));
    writeCorpus(dir, generateCorpus({ files: 300 }));
    files = listSchemaFiles(dir, 'src/schema');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('default mode: each suggestion alone parses and resolves a problem of its rule', () => {
    const { applied, problems } = checkEachSuggestion(dir, files, getFixSet('safe', helper));
    expect(problems).toEqual([]);
    expect(applied).toBeGreaterThan(50);
  });

  it("autofix 'all': every file parses and a second pass changes nothing", () => {
    const result = fixTwice(dir, files, getFixSet('all', helper));
    expect(result.parseErrors).toEqual([]);
    expect(result.stillFixable).toEqual([]);
    expect(result.changedAgain).toEqual([]);
    expect(result.changedFiles).toBeGreaterThan(20);
  });
});
