import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getPlanFromOptions, getSettingsFromOptions, toJscodeshiftTransform } from '../../../codemods/jscodeshift.js';
import { drizzleSchemaTransform } from '../../../codemods/transforms/drizzle-schema.js';
import { sqlFileTransform } from '../../../codemods/transforms/sql-file.js';
import { UsageError } from '../../../codemods/types.js';
import { createProject } from './temp-project.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('toJscodeshiftTransform', () => {
  it('applies the edits of a transform with a plan from --table/--column, and reports review items', async () => {
    const transform = toJscodeshiftTransform(sqlFileTransform);
    const reports: string[] = [];
    const output = await transform(
      { path: 'seed.sql', source: "insert into users (\"isAdmin\") values (true); -- messages\nselect * from messages;\n" },
      { report: (message) => reports.push(message) },
      { table: 'messages=comms_messages', column: ['users.isAdmin=is_admin'] },
    );
    expect(output).toBe("insert into users (\"is_admin\") values (true); -- messages\nselect * from comms_messages;\n");
    expect(reports).toEqual([]);
  });

  it('returns undefined when nothing changes', async () => {
    const transform = toJscodeshiftTransform(sqlFileTransform);
    expect(await transform({ path: 'a.sql', source: 'select 1;\n' }, {}, { table: 'messages=comms_messages' })).toBeUndefined();
  });

  it('reads the plan from a manifest and refuses bad options', () => {
    const project = createProject({ 'renames.yaml': 'tables:\n  messages: comms_messages\n' });
    expect(getPlanFromOptions({ manifest: path.join(project.root, 'renames.yaml') }).tables).toEqual([{ schema: 'public', from: 'messages', to: 'comms_messages' }]);
    expect(() => getPlanFromOptions({ table: [1 as unknown as string] })).toThrow(new UsageError('--table must be a string, got 1'));
    expect(() => getPlanFromOptions({})).toThrow(UsageError);
  });

  it('reads the schema with --casing and --helper-module', async () => {
    const project = createProject({ 'helpers.ts': "import { uuid } from 'drizzle-orm/pg-core';\nexport const ownerColumn = (table: string, name: string) => uuid(name).notNull();\n" });
    const source = [
      "import { boolean, pgTable } from 'drizzle-orm/pg-core';",
      "import { ownerColumn } from './helpers.js';",
      "export const users = pgTable('users', { isAdmin: boolean(), ownerId: ownerColumn('people', 'owner_id') });",
      '',
    ].join('\n');
    const transform = toJscodeshiftTransform(drizzleSchemaTransform);
    const options = { column: ['users.is_admin=admin', 'users.owner_id=person_id'], casing: 'snake_case', 'helper-module': path.join(project.root, 'helpers.ts') };
    const output = await transform({ path: path.join(project.root, 'schema.ts'), source }, {}, options);
    expect(output).toBe(source.replace('boolean()', "boolean('admin')").replace("'owner_id'", "'person_id'"));
    // Without them, the name-less column is `isAdmin` (preserve); the helper is still found through the import
    // (the project model follows `./helpers.js`), so its name argument is still renamed.
    expect(await transform({ path: path.join(project.root, 'schema.ts'), source }, {}, { column: options.column })).toBe(source.replace("'owner_id'", "'person_id'"));
  });

  it('refuses a bad --casing or a missing --helper-module', () => {
    expect(() => getSettingsFromOptions({ casing: 'kebab' })).toThrow(new UsageError('--casing must be one of snake_case, camelCase, preserve, got "kebab"'));
    expect(() => getSettingsFromOptions({ helperModule: '/nonexistent/helpers.ts' })).toThrow(new UsageError('--helper-module /nonexistent/helpers.ts: no such file'));
    expect(getSettingsFromOptions({ casing: 'camelCase' })).toEqual({ casing: 'camelCase', helperModules: [] });
  });

  it('runs under the real jscodeshift CLI', () => {
    const adapter = path.join(root, 'dist/codemods/jscodeshift.js');
    const sqlFile = path.join(root, 'dist/codemods/transforms/sql-file.js');
    if (!existsSync(adapter) || !existsSync(sqlFile)) throw new Error('dist is missing: run `npm run build` first');
    const project = createProject({ 'db/seed.sql': 'select * from messages;\n', 'renames.json': '{ "tables": { "messages": "comms_messages" } }' });
    const transformFile = path.join(project.root, 'transform.mjs');
    writeFileSync(
      transformFile,
      `import { toJscodeshiftTransform } from ${JSON.stringify(adapter)};\nimport { sqlFileTransform } from ${JSON.stringify(sqlFile)};\nexport default toJscodeshiftTransform(sqlFileTransform);\n`,
    );
    const output = execFileSync(process.execPath, [path.join(root, 'node_modules/jscodeshift/bin/jscodeshift.js'), '-t', transformFile, '--no-babel', '--extensions=sql', '--manifest=renames.json', '--run-in-band', 'db'], { cwd: project.root, encoding: 'utf8' });
    expect(output).toMatch(/1 ok/);
    expect(project.read('db/seed.sql')).toBe('select * from comms_messages;\n');
  });
});
