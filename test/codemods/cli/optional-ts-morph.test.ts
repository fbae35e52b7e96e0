/** ts-morph is an optional peer dependency: without it, only `--rename-exports` fails, clearly, and nothing is written. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../run/temp-project.js';
import { assertBuilt, CLI_PATH } from './run-cli.js';

// Makes `import('ts-morph')` fail as it does where the package is not installed.
const HIDE_TS_MORPH = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`export async function resolve(specifier, context, next) {
  if (specifier === 'ts-morph') { const error = new Error("Cannot find package 'ts-morph'"); error.code = 'ERR_MODULE_NOT_FOUND'; throw error; }
  return next(specifier, context);
}\`));
`;

const run = async (cwd: string, args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', './hide-ts-morph.mjs', CLI_PATH, ...args], { cwd, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

describe('without ts-morph installed', () => {
  beforeAll(assertBuilt);

  it('renames without --rename-exports, and refuses --rename-exports with exit code 2 and an install hint', async () => {
    const schema = "import { pgTable, uuid } from 'drizzle-orm/pg-core';\nexport const messages = pgTable('messages', { id: uuid('id') });\n";
    const project = createProject({ 'hide-ts-morph.mjs': HIDE_TS_MORPH, 'src/schema.ts': schema }, { git: true });
    const refused = await run(project.root, ['rename', '--table', 'messages=comms_messages', '--rename-exports']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--rename-exports needs ts-morph, which is not installed: npm install --save-dev ts-morph');
    expect(project.read('src/schema.ts')).toBe(schema);
    expect(project.git('status', '--porcelain')).toBe('');

    const renamed = await run(project.root, ['rename', '--table', 'messages=comms_messages']);
    expect(renamed.code).toBe(0);
    expect(project.read(path.join('src', 'schema.ts'))).toContain("pgTable('comms_messages'");
  });
});
