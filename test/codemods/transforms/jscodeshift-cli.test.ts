/**
 * A built transform run on its own under the real jscodeshift CLI, in a subprocess:
 * `jscodeshift -t dist/codemods/transforms/supabase-js.js --extensions=ts --parser=ts --manifest=<file> <dir>`.
 * Needs `npm run build` first (npm test builds before running vitest); fails with that instruction otherwise.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.join(ROOT, 'test/codemods/transforms/__fixtures__');
const temporary: string[] = [];

afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

/** `--casing=…` / `--helper-module=src/<module>` from `<fixture>.settings.json`, its helper modules copied into `dir/src`. */
function getSettingsArgs(folder: string, fixture: string, dir: string): string[] {
  const file = path.join(folder, `${fixture}.settings.json`);
  if (!fs.existsSync(file)) return [];
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as { casing?: string; helperModules?: string[] };
  const args = settings.casing ? [`--casing=${settings.casing}`] : [];
  for (const helper of settings.helperModules ?? []) {
    fs.copyFileSync(path.join(folder, helper), path.join(dir, 'src', helper));
    args.push(`--helper-module=src/${helper}`);
  }
  return args;
}

describe('transforms under the jscodeshift CLI', () => {
  it.each([
    ['supabase-js', 'columns'],
    ['drizzle-schema', 'basic'],
    // With the fixture's settings as --casing / --helper-module options.
    ['drizzle-schema', 'snake-case'],
    ['drizzle-schema', 'helpers'],
  ])('runs dist/codemods/transforms/%s.js on a copy of the %s fixture', (transform, fixture) => {
    const built = path.join(ROOT, 'dist/codemods/transforms', `${transform}.js`);
    if (!fs.existsSync(built)) throw new Error(`${path.relative(ROOT, built)} is missing: run \`npm run build\` first`);
    if (!fs.readFileSync(built, 'utf8').includes('export default')) throw new Error(`${path.relative(ROOT, built)} is stale (no default export): run \`npm run build\``);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-jscodeshift-'));
    temporary.push(dir);
    fs.mkdirSync(path.join(dir, 'src'));
    fs.copyFileSync(path.join(FIXTURES, transform, `${fixture}.input.ts`), path.join(dir, 'src', `${fixture}.ts`));
    const options = path.join(FIXTURES, transform, `${fixture}.options.json`);
    fs.copyFileSync(fs.existsSync(options) ? options : path.join(FIXTURES, transform, 'manifest.json'), path.join(dir, 'renames.json'));
    const settingsArgs = getSettingsArgs(path.join(FIXTURES, transform), fixture, dir);
    const output = execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js'), '-t', built, '--no-babel', '--extensions=ts', '--parser=ts', '--manifest=renames.json', ...settingsArgs, '--run-in-band', 'src'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(output).toMatch(/0 errors/);
    expect(output).toMatch(/1 ok/);
    expect(fs.readFileSync(path.join(dir, 'src', `${fixture}.ts`), 'utf8')).toBe(fs.readFileSync(path.join(FIXTURES, transform, `${fixture}.output.ts`), 'utf8'));
  });
});
