/**
 * A bulk adoption run on a schema folder, end to end: every rule (`configs.all`) with `autofix: 'all'`, run through
 * ESLint's Node API with `fix: true` (what `eslint --fix` does) on test/fixtures/converge/schema, 13 schema files
 * of a deploy platform written for this test (camelCase DB names, foreign keys without indexes — one table has more
 * of them than ESLint has fix passes —, timestamps without precision, inline copies of the shared helpers, a key
 * without a default declared in the extra config).
 * - Every file converges within ESLint's 10 passes: a rule counts the passes, and a second lint finds nothing fixable.
 * - The index names the fixes add are built from the columns' final names (snake_case), never from a name the same
 *   run renamed.
 * - The real drizzle-kit (0.31.11) generates DDL from the folder before and after the fixes (into fresh `out`
 *   folders, so it never prompts about renames), and the DDL loads into Postgres (PGlite). After the fixes it creates
 *   the added indexes on the renamed columns.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { ESLint, type Linter, type Rule } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { getBaseConfig } from './option-sets.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(REPO, 'test/fixtures/converge');
const DRIZZLE_KIT = path.join(REPO, 'node_modules/drizzle-kit/bin.cjs');
/** ESLint's `verifyAndFix` limit (linter.js MAX_AUTOFIX_PASSES). */
const MAX_PASSES = 10;

/** A rule that reports nothing and counts how often each file is linted (once per fix pass, plus a last look). */
function getPassCounter(): { readonly plugin: ESLint.Plugin; readonly counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      counts.set(context.filename, (counts.get(context.filename) ?? 0) + 1);
      return {};
    },
  };
  return { plugin: { rules: { count: rule } }, counts };
}

function getConfig(counter?: ESLint.Plugin): Linter.Config[] {
  return [
    getBaseConfig(),
    plugin.configs.all,
    {
      settings: { 'drizzle-schema': { casing: 'snake_case', autofix: 'all', helperModules: ['schema/shared.schema.ts'] } },
    },
    ...(counter ? [{ plugins: { counter }, rules: { 'counter/count': 'error' } } satisfies Linter.Config] : []),
  ];
}

/** `drizzle-kit generate` into a fresh `out` folder; returns the SQL of the one migration it writes. */
async function generate(cwd: string, out: string): Promise<string> {
  await promisify(execFile)(
    process.execPath,
    [DRIZZLE_KIT, 'generate', '--dialect', 'postgresql', '--schema', './schema', '--out', out, '--casing', 'snake_case'],
    { cwd, encoding: 'utf8', timeout: 120_000 },
  );
  const files = fs.readdirSync(path.join(cwd, out)).filter((name) => name.endsWith('.sql'));
  expect(files).toHaveLength(1);
  return fs.readFileSync(path.join(cwd, out, files[0]!), 'utf8');
}

/** Load drizzle-kit's statements (split at its breakpoints) into an empty Postgres. */
async function load(sql: string): Promise<void> {
  const db = new PGlite();
  try {
    for (const statement of sql.split('--> statement-breakpoint')) {
      if (statement.trim()) await db.exec(statement);
    }
  } finally {
    await db.close();
  }
}

describe('eslint --fix with every rule and autofix all, then drizzle-kit', () => {
  let root = '';
  beforeAll(() => {
    // Inside the repo, so drizzle-kit and the schema files resolve drizzle-orm from its node_modules.
    fs.mkdirSync(path.join(REPO, '.tmp'), { recursive: true });
    root = fs.mkdtempSync(path.join(REPO, '.tmp', 'converge-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('converges within ESLint\'s passes, names indexes from final column names, and drizzle-kit still generates valid DDL', async () => {
    const files = fs.readdirSync(path.join(root, 'schema')).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const before = await generate(root, 'drizzle-before');
    await load(before);

    const counter = getPassCounter();
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: getConfig(counter.plugin), fix: true });
    const results = await eslint.lintFiles(['schema/**/*.ts']);
    await ESLint.outputFixes(results);
    expect(results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
    const changed = results.filter((r) => r.output !== undefined).map((r) => path.basename(r.filePath));
    expect(changed.length).toBeGreaterThanOrEqual(10);
    // Passes that applied fixes: every lint but the last one, which found nothing more to fix.
    const passes = Object.fromEntries([...counter.counts].map(([file, count]) => [path.basename(file), count - 1]));
    expect(Object.values(passes).every((n) => n < MAX_PASSES), JSON.stringify(passes)).toBe(true);

    // Nothing fixable is left; what is left are problems without an automatic fix.
    const again = await new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: getConfig() }).lintFiles(['schema/**/*.ts']);
    const fixable = again.flatMap((r) => r.messages.filter((m) => m.fix).map((m) => `${path.basename(r.filePath)}:${m.line} ${m.ruleId}`));
    expect(fixable).toEqual([]);

    const application = fs.readFileSync(path.join(root, 'schema/applications.schema.ts'), 'utf8');
    expect(application).toContain("uuid('custom_git_ssh_key_id')");
    expect(application).toContain("index('application_custom_git_ssh_key_id_idx').on(table.customGitSSHKeyId)");
    const indexNames = changed.flatMap((file) =>
      [...fs.readFileSync(path.join(root, 'schema', file), 'utf8').matchAll(/\bindex\('([^']+)'\)/g)].map((m) => m[1]!),
    );
    expect(indexNames.length).toBeGreaterThan(20);
    expect(indexNames.filter((name) => !/^[a-z][a-z0-9_]*$/.test(name))).toEqual([]);

    const after = await generate(root, 'drizzle-after');
    await load(after);
    expect(after).toContain('CREATE INDEX "application_custom_git_ssh_key_id_idx" ON "application" USING btree ("custom_git_ssh_key_id")');
    expect(after).toContain('"created_at" timestamp (3) with time zone');
    expect(after).not.toMatch(/"[a-z]+[A-Z]\w*"/);
  }, 300_000);
});
