import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../../codemods/discover.js';
import { parseColumnFlag, parseTableFlag } from '../../../codemods/manifest.js';
import { buildPlan } from '../../../codemods/plan.js';
import { getNeedles, isCandidateText, prefilterFiles, readSourceFiles } from '../../../codemods/prefilter.js';
import { createProject } from './temp-project.js';

const plan = buildPlan({ tables: [parseTableFlag('messages=comms_messages')], columns: [parseColumnFlag('users.isAdmin=is_admin'), parseColumnFlag('users.user_id=owner_id')] }, { knownTables: new Set() });

describe('getNeedles', () => {
  it('adds camelCase and snake_case forms; lower-case needles match any case; table needles get a relation pattern', () => {
    expect(getNeedles(plan).map(({ text, isCaseInsensitive, relationPattern }) => [text, isCaseInsensitive, relationPattern !== null])).toEqual([
      ['messages', true, true],
      ['isAdmin', false, false],
      ['is_admin', true, false],
      ['user_id', true, false],
      ['userId', false, false],
    ]);
  });
});

describe('isCandidateText', () => {
  const needles = getNeedles(plan);
  it('finds unquoted SQL in any case, and exact camelCase names', () => {
    expect(isCandidateText('SELECT * FROM MESSAGES', needles)).toBe(true);
    expect(isCandidateText('const q = sql`SELECT * FROM MESSAGES`', needles, 'code')).toBe(true);
    expect(isCandidateText('join public."Messages" m', needles, 'code')).toBe(true);
  });

  it('in code, a table name in another case counts only where SQL names a relation (not UI text)', () => {
    expect(isCandidateText("export const NAV_LABEL = 'Messages';", needles, 'code')).toBe(false);
    expect(isCandidateText("export const NAV_LABEL = 'Messages';", needles, 'sql')).toBe(true);
    expect(isCandidateText("title: 'messages'", needles, 'code')).toBe(true);
    expect(isCandidateText('const { isAdmin } = row', needles)).toBe(true);
    expect(isCandidateText('userId: uuid()', needles)).toBe(true);
    expect(isCandidateText('select isadmin from users', needles)).toBe(false);
    expect(isCandidateText('export const calls = 1', needles)).toBe(false);
  });

  it('counts a name only where it stands on its own: `port` in `import`, `report` or `portal` is no mention', () => {
    const portNeedles = getNeedles(buildPlan({ tables: [{ schema: null, from: 'port', to: 'app_port', source: '--table' }], columns: [] }, { knownTables: new Set(['port']) }));
    expect(isCandidateText("import { x } from './y';\nexport const report = portal;", portNeedles, 'code')).toBe(false);
    expect(isCandidateText('select * from reports; -- IMPORT', portNeedles, 'sql')).toBe(false);
    for (const text of ["supabase.from('port')", 'index port_pkey', 'export const portTable = 1', '"public"."port"', 'Tables<"port">']) {
      expect(isCandidateText(text, portNeedles, 'code'), text).toBe(true);
    }
    expect(isCandidateText('SELECT * FROM Port', portNeedles, 'sql')).toBe(true);
  });
});

describe('readSourceFiles and prefilterFiles', () => {
  it('reads each file once, keeps candidates, lists binary and non-UTF-8 files that name an old name', async () => {
    const project = createProject({
      'src/a.ts': "db.from('messages')",
      'src/b.ts': 'export const calls = 1;',
      'src/blob.sql': Buffer.from('messages\0\x01\x02'),
      'src/blob-other.sql': Buffer.from('calls\0'),
      // `messages` only inside longer words: no reference to the table, so not worth listing.
      'src/blob-words.ts': Buffer.from('import { usermessagesbox } from "x";\0'),
      'src/blob-key.ts': Buffer.from('"messages_pkey"\0'),
      'src/latin1.sql': Buffer.from([0x6d, 0x65, 0x73, 0x73, 0x61, 0x67, 0x65, 0x73, 0x20, 0xe9]),
    });
    const files = await discoverFiles({ cwd: project.root });
    const progress: string[] = [];
    const loaded = await readSourceFiles(files, (done, file) => progress.push(`${done} ${file.path}`));
    expect(progress).toHaveLength(7);
    expect(loaded.texts.map((file) => file.path)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(loaded.unreadable).toEqual([]);
    const result = prefilterFiles(loaded, plan);
    expect(result.candidates.map((file) => [file.path, file.source])).toEqual([['src/a.ts', "db.from('messages')"]]);
    expect(result.skipped.map(({ file, reason }) => [file.path, reason])).toEqual([
      ['src/blob-key.ts', 'binary file (contains a NUL byte)'],
      ['src/blob.sql', 'binary file (contains a NUL byte)'],
      ['src/latin1.sql', 'not valid UTF-8'],
    ]);
  });

  it('lists a file that cannot be read', async () => {
    const project = createProject({ 'src/a.ts': 'messages' });
    const files = await discoverFiles({ cwd: project.root });
    const missing = { ...files[0]!, path: 'src/gone.ts', absolutePath: `${project.root}/src/gone.ts` };
    const loaded = await readSourceFiles([...files, missing]);
    expect(loaded.unreadable.map(({ file, message }) => [file.path, message.split(',')[0]])).toEqual([['src/gone.ts', 'ENOENT: no such file or directory']]);
  });
});
