/**
 * The package as a user gets it: `npm pack`, installed with npm into a fresh project, `npx drizzle-schema rename`
 * run there. Two project shapes, one install each:
 * - the root depends on TypeScript 7 (npm's `latest`, whose JS API typescript-estree cannot use): the CLI parses
 *   with oxc-parser, and without oxc-parser's native binding with typescript-estree on its own pinned TypeScript,
 *   whatever npm hoisted;
 * - no TypeScript at all (installed with --legacy-peer-deps, so npm adds no TypeScript for typescript-eslint's peer
 *   dependency): the CLI needs none from the project. Then a dependency that cannot load (libpg-query removed) is an
 *   internal error: exit 3, one message, the stack only with --debug.
 * The npm cache is warm from `npm ci` (TypeScript 7 is the devDependency `typescript7`), so `--prefer-offline` keeps
 * the installs local.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../codemods/cli/run-cli.js';
import { getCleanEnv } from './example-copy.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const SCHEMA = `import { pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const messages = pgTable('messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  body: text('body').notNull(),
});
`;
const QUERIES = `import { createClient } from '@supabase/supabase-js';

const supabase = createClient('http://localhost', 'key');

export async function getMessages() {
  return supabase.from('messages').select('id, body');
}
`;

function getVersion(packageFolder: string): string {
  return (JSON.parse(readFileSync(path.join(packageFolder, 'package.json'), 'utf8')) as { version: string }).version;
}

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { cwd, encoding: 'utf8', timeout: 240_000, env: { ...getCleanEnv(), NO_COLOR: '1' } }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(new Error(`${command} ${args.join(' ')} did not finish (${error.signal ?? error.code})\n${stderr}`));
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

describe('the packed package, installed with npm', () => {
  let work = '';
  let tarball = '';

  beforeAll(() => {
    assertBuilt();
    work = mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-installed-'));
    const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--pack-destination', work], { cwd: REPO, encoding: 'utf8', env: getCleanEnv() })) as Array<{ filename: string }>;
    tarball = path.join(work, packed[0]?.filename ?? '');
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A project folder with `package.json` and the app's files, its dependencies installed by npm. */
  const createProject = async (name: string, manifest: object, installArgs: readonly string[]): Promise<string> => {
    const root = path.join(work, name);
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', private: true, ...manifest }, null, 2)}\n`);
    writeFileSync(path.join(root, 'src/schema.ts'), SCHEMA);
    writeFileSync(path.join(root, 'src/queries.ts'), QUERIES);
    const installed = await run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...installArgs, tarball], root);
    if (installed.code !== 0) throw new Error(`npm install failed in ${name}:\n${installed.stderr}`);
    return root;
  };

  const expectRenamed = (root: string): void => {
    expect(readFileSync(path.join(root, 'src/schema.ts'), 'utf8')).toBe(SCHEMA.replace("pgTable('messages'", "pgTable('comms_messages'"));
    expect(readFileSync(path.join(root, 'src/queries.ts'), 'utf8')).toBe(QUERIES.replace(".from('messages')", ".from('comms_messages')"));
  };

  it('renames in a project whose root has TypeScript 7', async () => {
    const typescript7 = getVersion(path.join(REPO, 'node_modules/typescript7'));
    expect(typescript7).toMatch(/^7\./);
    const root = await createProject('with-typescript-7', { devDependencies: { typescript: typescript7 } }, []);
    // What `require('typescript')` finds from the hoisted typescript-eslint packages.
    expect(getVersion(path.join(root, 'node_modules/typescript'))).toBe(typescript7);

    const result = await run(NPX, ['drizzle-schema', 'rename', '--table', 'messages=comms_messages'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Renamed 1 table, 2 files changed');
    expectRenamed(root);

    // Without oxc-parser's native binding (an optional dependency an install may omit): the same result, parsed by
    // typescript-estree with the package's own TypeScript (not the root's 7).
    rmSync(path.join(root, 'node_modules/@oxc-parser'), { recursive: true, force: true });
    const back = await run(NPX, ['drizzle-schema', 'rename', '--table', 'comms_messages=messages'], root);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    expect(readFileSync(path.join(root, 'src/schema.ts'), 'utf8')).toBe(SCHEMA);
    expect(readFileSync(path.join(root, 'src/queries.ts'), 'utf8')).toBe(QUERIES);
  }, 300_000);

  it('renames in a project without TypeScript; a dependency that cannot load exits 3', async () => {
    const eslint = getVersion(path.join(REPO, 'node_modules/eslint'));
    const root = await createProject('without-typescript', { devDependencies: { eslint } }, ['--legacy-peer-deps']);
    expect(existsSync(path.join(root, 'node_modules/typescript'))).toBe(false);

    const result = await run(NPX, ['drizzle-schema', 'rename', '--table', 'messages=comms_messages'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectRenamed(root);

    rmSync(path.join(root, 'node_modules/libpg-query'), { recursive: true, force: true });
    const broken = await run(NPX, ['drizzle-schema', 'rename', '--table', 'comms_messages=messages'], root);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toMatch(/^drizzle-schema: internal error: .*libpg-query/);
    expect(broken.stderr).toContain('This is a bug in drizzle-schema');
    expect(broken.stderr).not.toMatch(/^\s+at /m);
    expectRenamed(root);
    const debug = await run(NPX, ['drizzle-schema', 'rename', '--table', 'comms_messages=messages', '--debug'], root);
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/^\s+at /m);
  }, 300_000);
});
