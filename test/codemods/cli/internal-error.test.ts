/**
 * An internal error is never a "file skipped" (exit 1) nor a success: the built CLI exits 3 with one short message,
 * and prints the stack only with --debug. Provoked for real: a valid file nested deeper than the parser's recursion
 * can go (a limit of the tool, not a fault of the file), next to a file with a genuine syntax error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../run/temp-project.js';
import { assertBuilt, runCli } from './run-cli.js';

const SCHEMA = "import { pgTable, uuid } from 'drizzle-orm/pg-core';\nexport const messages = pgTable('messages', { id: uuid('id') });\n";
// Valid TypeScript that mentions the table; no drizzle-orm import, so only the rewrite parses it.
const DEEP = `export const table = 'messages';\nexport const nested = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`;
const BROKEN = "export const table = 'messages';\nexport const = ;\n";

describe('internal errors', () => {
  beforeAll(assertBuilt);

  it('a file with a syntax error is skipped and listed (exit 1); the others are rewritten', async () => {
    const project = createProject({ 'src/broken.ts': BROKEN, 'src/schema.ts': SCHEMA });
    const result = await runCli(['rename', '--table', 'messages=comms_messages'], project.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/src\/broken\.ts.*does not parse/);
    expect(project.read('src/schema.ts')).toContain("pgTable('comms_messages'");
  });

  it('a transform that fails on a valid file exits 3 with one short message naming the file; --debug adds the stack', async () => {
    const project = createProject({ 'src/a-deep.ts': DEEP, 'src/schema.ts': SCHEMA });
    const result = await runCli(['rename', '--table', 'messages=comms_messages'], project.root);
    expect(result.code).toBe(3);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^drizzle-schema: internal error: src\/a-deep\.ts: transform code failed: Maximum call stack size exceeded/);
    expect(lines[1]).toContain('This is a bug in drizzle-schema');
    expect(lines[1]).toContain('/issues');
    expect(lines[2]).toContain('--debug');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // The failing file comes first: nothing was written.
    expect(project.read('src/schema.ts')).toBe(SCHEMA);

    const debug = await runCli(['rename', '--table', 'messages=comms_messages', '--debug'], project.root);
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/^drizzle-schema: internal error: src\/a-deep\.ts/);
    expect(debug.stderr).toMatch(/Caused by: RangeError: Maximum call stack size exceeded\n\s+at /);
  });

  it('--json also reports the internal error on stdout', async () => {
    const project = createProject({ 'src/a-deep.ts': DEEP });
    const result = await runCli(['rename', '--table', 'messages=comms_messages', '--json'], project.root);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 1, error: { kind: 'internal', message: expect.stringContaining('src/a-deep.ts') } });
  });
});
