import { chmodSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseColumnFlag, parseTableFlag } from '../../../codemods/manifest.js';
import { buildPlan } from '../../../codemods/plan.js';
import { prepareRename, runRename } from '../../../codemods/run.js';
import { sqlFileTransform } from '../../../codemods/transforms/sql-file.js';
import type { RenamePlan, SourceTransform } from '../../../codemods/types.js';
import { UsageError } from '../../../codemods/types.js';
import { createProject } from './temp-project.js';

const tree = {
  'supabase/migrations/20240101000000_init.sql': 'create table messages (id int primary key, body text);\ncreate table users (id int, "isAdmin" boolean);\n',
  'supabase/seed.sql': "insert into messages (id, body) values (1, 'messages are here');\n",
  'supabase/tests/broken.sql': "select * from messages where body = 'unterminated;\n",
  'supabase/functions.sql': 'select count(*) from messages;\n',
  'src/notes.ts': "export const title = 'Your messages';\n",
  'src/blob.sql': Buffer.from('messages\0'),
};

function getPlan(tables: string[], columns: string[] = []): RenamePlan {
  return buildPlan({ tables: tables.map(parseTableFlag), columns: columns.map(parseColumnFlag) }, { knownTables: new Set() });
}

describe('runRename', () => {
  it('in dry-run returns diffs and the report, and writes nothing', async () => {
    const project = createProject(tree, { git: true });
    const report = await runRename({ cwd: project.root, plan: getPlan(['messages=comms_messages']), dryRun: true, force: false });
    expect(project.git('status', '--porcelain')).toBe('');
    expect(report.changed).toEqual([
      {
        file: 'supabase/functions.sql',
        edits: 1,
        diff: '--- a/supabase/functions.sql\n+++ b/supabase/functions.sql\n@@ -1,1 +1,1 @@\n-select count(*) from messages;\n+select count(*) from comms_messages;\n',
      },
      {
        file: 'supabase/seed.sql',
        edits: 1,
        diff: "--- a/supabase/seed.sql\n+++ b/supabase/seed.sql\n@@ -1,1 +1,1 @@\n-insert into messages (id, body) values (1, 'messages are here');\n+insert into comms_messages (id, body) values (1, 'messages are here');\n",
      },
    ]);
    expect(report.skipped).toEqual([
      { file: 'src/blob.sql', reason: 'binary', message: 'binary file (contains a NUL byte)' },
      { file: 'supabase/tests/broken.sql', reason: 'parse-error', message: expect.stringMatching(/^does not parse: SQL could not be tokenized/) },
    ]);
    expect(report.review.map((item) => `${item.file}:${item.line}:${item.column} ${item.reason}`)).toEqual([
      'src/notes.ts:1:28 string not recognized as a table or column name (UI text, route, key?)',
      'supabase/migrations/20240101000000_init.sql:1:14 applied migration (never rewritten)',
      'supabase/seed.sql:1:45 string literal',
    ]);
    expect({ ...report, changed: [], skipped: [], review: [] }).toEqual({
      version: 1, dryRun: true, interrupted: false, plan: getPlan(['messages=comms_messages']),
      filesScanned: 6, candidates: 5, changed: [], skipped: [], review: [], unlisted: [], alreadyApplied: false, migrations: [], warnings: [],
    });
  });

  it('writes files atomically, keeps their mode, and a second run changes nothing', async () => {
    const project = createProject(tree, { git: true });
    chmodSync(path.join(project.root, 'supabase/seed.sql'), 0o600);
    const plan = getPlan(['messages=comms_messages']);
    const report = await runRename({ cwd: project.root, plan, dryRun: false, force: false });
    expect(report.changed).toEqual([{ file: 'supabase/functions.sql', edits: 1 }, { file: 'supabase/seed.sql', edits: 1 }]);
    expect(project.read('supabase/seed.sql')).toBe("insert into comms_messages (id, body) values (1, 'messages are here');\n");
    expect(project.read('supabase/migrations/20240101000000_init.sql')).toBe(tree['supabase/migrations/20240101000000_init.sql']);
    expect(statSync(path.join(project.root, 'supabase/seed.sql')).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.join(project.root, 'supabase')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    project.git('commit', '-qam', 'rename');
    const second = await runRename({ cwd: project.root, plan, dryRun: false, force: false });
    expect(second.changed).toEqual([]);
    expect(project.git('status', '--porcelain')).toBe('');
  });

  it('refuses a dirty git work tree unless forced, before writing anything', async () => {
    const project = createProject(tree, { git: true });
    project.write('src/wip.ts', 'export const wip = 1;\n');
    const plan = getPlan(['messages=comms_messages']);
    await expect(runRename({ cwd: project.root, plan, dryRun: false, force: false })).rejects.toThrow(
      new UsageError('The git work tree has uncommitted changes:\n  ?? src/wip.ts\nCommit or stash them first, so the rename is one diff you can review and revert; or pass --force.'),
    );
    expect(project.git('status', '--porcelain')).toBe('?? src/wip.ts\n');
    const forced = await runRename({ cwd: project.root, plan, dryRun: false, force: true });
    expect(forced.changed.map((entry) => entry.file)).toEqual(['supabase/functions.sql', 'supabase/seed.sql']);
  });

  it('stops after the current file when aborted, and says so', async () => {
    const project = createProject(tree);
    const controller = new AbortController();
    const report = await runRename({
      cwd: project.root, plan: getPlan(['messages=comms_messages']), dryRun: false, force: false, signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'rewrite' && progress.file === 'supabase/functions.sql') controller.abort();
      },
    });
    expect(report.interrupted).toBe(true);
    expect(report.changed).toEqual([{ file: 'supabase/functions.sql', edits: 1 }]);
    expect(project.read('supabase/functions.sql')).toBe('select count(*) from comms_messages;\n');
    expect(project.read('supabase/seed.sql')).toBe(tree['supabase/seed.sql']);
  });

  it('skips a file whose transforms make overlapping edits, leaving it untouched', async () => {
    const project = createProject({ 'db/seed.sql': 'select * from messages;\n' });
    const wholeStatement: SourceTransform = function wholeStatement({ source }) {
      return { edits: [{ start: 0, end: source.indexOf(';'), text: 'select 1' }], review: [] };
    };
    const report = await runRename({ cwd: project.root, plan: getPlan(['messages=comms_messages']), dryRun: false, force: false, getTransforms: () => [sqlFileTransform, wholeStatement] });
    expect(report.skipped).toEqual([
      { file: 'db/seed.sql', reason: 'overlapping-edits', message: 'transforms made conflicting edits (overlapping edits at 14..22 and 0..22); file left untouched' },
    ]);
    expect(project.read('db/seed.sql')).toBe('select * from messages;\n');
  });

  it('with renameExports renames the table export across files, then runs the transforms on the result', async () => {
    const project = createProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true }, include: ['src'] }),
      'src/schema.ts': "import { pgTable, uuid } from 'drizzle-orm/pg-core';\n\nexport const messages = pgTable('messages', { id: uuid().primaryKey() });\n",
      'src/service.ts': "import { messages } from './schema.js';\n\nexport type Message = typeof messages.$inferSelect;\nexport const table = messages;\n",
    });
    const report = await runRename({ cwd: project.root, plan: getPlan(['messages=comms_messages']), dryRun: false, force: false, renameExports: true });
    expect(project.read('src/schema.ts')).toBe("import { pgTable, uuid } from 'drizzle-orm/pg-core';\n\nexport const commsMessages = pgTable('comms_messages', { id: uuid().primaryKey() });\n");
    expect(project.read('src/service.ts')).toBe("import { commsMessages } from './schema.js';\n\nexport type Message = typeof commsMessages.$inferSelect;\nexport const table = commsMessages;\n");
    expect(report.changed).toEqual([{ file: 'src/schema.ts', edits: 2 }, { file: 'src/service.ts', edits: 1 }]);
    expect(report.warnings).toEqual([]);
  });

  it('prepares the known tables from the SQL files, for the planner', async () => {
    const project = createProject({
      ...tree,
      'supabase/migrations/20240201000000_more.sql': 'create table career.jobs (id int);\nalter table users rename to app_users;\ndrop table if exists messages;\ncreate table "Odd" (id int);\n',
      'supabase/migrations/20240301000000_broken.sql': 'create table calls (id int);\ncreate tabel x;\n',
    });
    const prepared = await prepareRename({ cwd: project.root });
    expect([...prepared.knownTables].sort()).toEqual(['career.jobs', 'public.Odd', 'public.app_users', 'public.calls']);
    expect(prepared.warnings).toEqual([
      'supabase/migrations/20240301000000_broken.sql:2: statement skipped, it does not parse (syntax error at or near "tabel")',
    ]);
  });

  it('lists a column\'s leftovers only in files that name its table or its Drizzle export; counts the rest as unlisted', async () => {
    const project = createProject({
      'src/db/schema.ts': "import { pgTable, text, uuid } from 'drizzle-orm/pg-core';\n\nexport const graphTargets = pgTable('targets', { id: uuid('id'), name: text('name') });\n",
      'src/repositories/targets.ts': "import { graphTargets } from '../db/schema';\n\n// sorted by name\nexport const byName = () => graphTargets;\n",
      'src/cli/help.ts': 'export const HELP = `--name  the name of the graph`;\n',
      'sql/report.sql': '-- the name of every row in TARGETS\nselect 1;\n',
      'sql/other.sql': '-- the name of a project\nselect 1;\n',
    });
    const requests = { tables: [], columns: [parseColumnFlag('targets.name=target_name')] };
    const prepared = await prepareRename({ cwd: project.root, tableNames: ['targets'] });
    const plan = buildPlan(requests, { knownTables: prepared.knownTables, sources: prepared.tableSources });
    const report = await runRename({ cwd: project.root, plan, prepared, dryRun: true, force: false });
    expect(report.changed.map((file) => file.file)).toEqual(['src/db/schema.ts']);
    expect(report.review.map((item) => `${item.file}:${item.line} ${item.reason}`)).toEqual(['sql/report.sql:1 comment', 'src/repositories/targets.ts:3 comment']);
    expect(report.unlisted.map((item) => `${item.file}:${item.line}:${item.column} ${item.why}`)).toEqual([
      'sql/other.sql:1:8 table-not-in-reach',
      'src/cli/help.ts:1:24 table-not-in-reach',
      'src/cli/help.ts:1:34 table-not-in-reach',
    ]);
  });
});
