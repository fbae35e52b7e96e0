import { chmodSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getUnifiedDiff } from '../../../codemods/diff.js';
import { writeFileAtomic } from '../../../codemods/write.js';
import { createProject } from './temp-project.js';

describe('writeFileAtomic', () => {
  it('replaces the file, keeps its mode, and leaves no temporary file', async () => {
    const project = createProject({ 'bin/run.sh': 'echo messages\n' });
    const file = path.join(project.root, 'bin/run.sh');
    chmodSync(file, 0o755);
    await writeFileAtomic(file, 'echo comms_messages\n');
    expect(project.read('bin/run.sh')).toBe('echo comms_messages\n');
    expect(statSync(file).mode & 0o777).toBe(0o755);
    expect(readdirSync(path.dirname(file))).toEqual(['run.sh']);
  });

  it('creates a new file with mode 644', async () => {
    const project = createProject({});
    const file = path.join(project.root, 'new.sql');
    await writeFileAtomic(file, 'select 1;\n');
    expect(project.read('new.sql')).toBe('select 1;\n');
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('fails without leaving a temporary file when the folder is missing', async () => {
    const project = createProject({});
    await expect(writeFileAtomic(path.join(project.root, 'missing/x.sql'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(project.root)).toEqual([]);
  });
});

describe('getUnifiedDiff', () => {
  it('prints a git-apply compatible diff', () => {
    expect(getUnifiedDiff('src/a.ts', "from('messages')\n", "from('comms_messages')\n")).toBe(
      "--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,1 +1,1 @@\n-from('messages')\n+from('comms_messages')\n",
    );
  });
});
