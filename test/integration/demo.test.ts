/**
 * `npm run demo` ends by printing a next command; that command works as printed: it is run in a shell from the
 * repo root, prints the autofixes as a diff, and leaves examples/ unchanged.
 */
import { exec } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const run = promisify(exec);

function readSchema(): string {
  const dir = path.join(REPO, 'examples/src/db/schema');
  return fs.readdirSync(dir).map((name) => fs.readFileSync(path.join(dir, name), 'utf8')).join('\0');
}

describe('npm run demo', () => {
  it('prints a next command that works as printed', async () => {
    const { stdout } = await run('npm run demo', { cwd: REPO, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const command = /: (npm run demo -- --fix)\s/.exec(stdout)?.[1];
    expect(command).toBe('npm run demo -- --fix');

    const before = readSchema();
    const fixed = await run(command!, { cwd: REPO, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(fixed.stdout).toContain('+++ b/examples/src/db/schema/users.schema.ts');
    expect(fixed.stdout).toContain("+    id: uuid('id').primaryKey().defaultRandom(),");
    expect(fixed.stdout).toMatch(/Autofixed \d+ files in a temporary copy \(examples\/ is unchanged\)/);
    expect(readSchema()).toBe(before);
  }, 120_000);
});
