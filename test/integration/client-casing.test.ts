/**
 * A project whose drizzle.config sets no `casing` and whose app passes it to `drizzle(pool, { casing })`
 * (test/fixtures/client-casing): name-less columns take the client's casing, as drizzle-orm names them, with no
 * setting. Linted through ESLint's Node API; a temp copy shows the casing following edits of the client file in
 * one process (the listing and file caches are checked against mtimes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { writeTree } from '../drizzle-model/write-tree.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/client-casing');
const FILES = ['package.json', 'drizzle.config.ts', 'src/db/client.ts', 'src/db/schema.ts'];

const config: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
  { files: ['**/*.ts'], plugins: { 'drizzle-schema': plugin }, rules: { 'drizzle-schema/column-name-snake-case': 'error' } },
];

async function lint(cwd: string): Promise<string[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintFiles(['src/db/schema.ts']);
  return result!.messages.map((m) => `${m.line}:${m.column} ${m.messageId ?? m.message} ${m.message.split(' ')[1]}`);
}

const tree = writeTree(Object.fromEntries(FILES.map((file) => [file, fs.readFileSync(path.join(FIXTURE, file), 'utf8')])));
afterAll(() => tree.remove());

const TAX_NUMBER = '8:19 notSnakeCase customers.taxNumber';

describe('casing from the drizzle() call when drizzle.config has none', () => {
  it('names billingEmail/isActive/createdAt as drizzle does (snake_case): only the camelCase name string is reported', async () => {
    expect(await lint(FIXTURE)).toEqual([TAX_NUMBER]);
  });

  it('follows edits of the client file: camelCase, no casing, and two clients that disagree', async () => {
    const client = tree.read('src/db/client.ts');
    expect(await lint(tree.dir)).toEqual([TAX_NUMBER]);

    fs.writeFileSync(tree.file('src/db/client.ts'), client.replace("'snake_case'", "'camelCase'"));
    expect(await lint(tree.dir)).toEqual(['5:3 notSnakeCase customers.billingEmail', '6:3 notSnakeCase customers.isActive', TAX_NUMBER, '9:3 notSnakeCase customers.createdAt']);

    fs.writeFileSync(tree.file('src/db/client.ts'), client.replace("  casing: 'snake_case',\n", ''));
    expect(await lint(tree.dir)).toEqual(['5:3 notSnakeCase customers.billingEmail', '6:3 notSnakeCase customers.isActive', TAX_NUMBER, '9:3 notSnakeCase customers.createdAt']);

    fs.writeFileSync(tree.file('src/db/client.ts'), client);
    fs.mkdirSync(tree.file('src/jobs'));
    fs.writeFileSync(tree.file('src/jobs/client.ts'), client.replace("'snake_case'", "'camelCase'"));
    expect(await lint(tree.dir)).toHaveLength(4);

    fs.rmSync(tree.file('src/jobs'), { recursive: true });
    expect(await lint(tree.dir)).toEqual([TAX_NUMBER]);
  });

  it('a casing in drizzle.config wins over the client, and the setting over both', async () => {
    fs.writeFileSync(tree.file('drizzle.config.ts'), tree.read('drizzle.config.ts').replace("dialect: 'postgresql',", "dialect: 'postgresql',\n  casing: 'camelCase',"));
    expect(await lint(tree.dir)).toHaveLength(4);
    const eslint = new ESLint({ cwd: tree.dir, overrideConfigFile: true, overrideConfig: [...config, { settings: { 'drizzle-schema': { casing: 'snake_case' } } }] });
    const [result] = await eslint.lintFiles(['src/db/schema.ts']);
    expect(result!.messages.map((m) => m.line)).toEqual([8]);
  });

  it('without a drizzle.config there is no drizzle project to search: name-less columns keep their keys', async () => {
    fs.rmSync(tree.file('drizzle.config.ts'));
    expect(await lint(tree.dir)).toHaveLength(4);
  });
});
