/**
 * CommonJS consumers: `require('eslint-plugin-drizzle-schema')` returns the plugin itself (Node's require(esm) with
 * the "module.exports" export name), and an `eslint.config.cjs` that requires it lints. Both run in a subprocess
 * against the BUILT package (`npm test` builds first), installed into a temp project as node_modules would have it
 * (a link to the package folder, resolved through package.json `exports`).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('require() from CommonJS', () => {
  let project = '';
  beforeAll(() => {
    // Inside the repo, so the package's own dependencies (and @typescript-eslint/parser) resolve from its node_modules.
    fs.mkdirSync(path.join(REPO, '.tmp'), { recursive: true });
    project = fs.mkdtempSync(path.join(REPO, '.tmp', 'cjs-'));
    fs.mkdirSync(path.join(project, 'node_modules'));
    fs.symlinkSync(REPO, path.join(project, 'node_modules/eslint-plugin-drizzle-schema'), 'dir');
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'cjs-consumer', private: true, type: 'commonjs' }));
  });
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it('returns the plugin object, not a module namespace', async () => {
    const script = `
      const plugin = require('eslint-plugin-drizzle-schema');
      console.log(JSON.stringify({
        keys: Object.keys(plugin).sort(),
        name: plugin.meta.name,
        same: plugin.configs.recommended.plugins['drizzle-schema'] === plugin,
        rules: Object.keys(plugin.rules).length,
      }));`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    const result = JSON.parse(stdout) as { keys: string[]; name: string; same: boolean; rules: number };
    expect(result).toEqual({ keys: ['configs', 'meta', 'rules'], name: 'eslint-plugin-drizzle-schema', same: true, rules: expect.any(Number) });
    expect(result.rules).toBeGreaterThanOrEqual(5);
  });

  it('works in an eslint.config.cjs', async () => {
    fs.writeFileSync(
      path.join(project, 'eslint.config.cjs'),
      `const drizzleSchema = require('eslint-plugin-drizzle-schema');
const tsParser = require('@typescript-eslint/parser');

module.exports = [{ ...drizzleSchema.configs.recommended, files: ['**/*.ts'], languageOptions: { parser: tsParser } }];
`,
    );
    fs.writeFileSync(
      path.join(project, 'users.schema.ts'),
      "import { pgTable, uuid } from 'drizzle-orm/pg-core';\n\nexport const users = pgTable('users', { id: uuid('id').primaryKey() });\n",
    );
    const eslintBin = path.join(REPO, 'node_modules/eslint/bin/eslint.js');
    const { stdout } = await run(process.execPath, [eslintBin, '--format', 'json', 'users.schema.ts'], { cwd: project, encoding: 'utf8' }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    const [result] = JSON.parse(stdout) as { messages: { ruleId: string; line: number; message: string }[] }[];
    expect(result!.messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual(['drizzle-schema/uuid-primary-key:3']);
    expect(result!.messages[0]!.message).toContain('users.id');
  });
});
