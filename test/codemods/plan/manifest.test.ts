import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseColumnFlag, parseManifestText, parseTableFlag, readManifestFile } from '../../../codemods/manifest.js';
import { UsageError } from '../../../codemods/types.js';

function getUsageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseTableFlag', () => {
  it('reads old=new and schema.old=new', () => {
    expect(parseTableFlag('messages=comms_messages')).toEqual({ schema: null, from: 'messages', to: 'comms_messages', source: '--table messages=comms_messages' });
    expect(parseTableFlag('career.jobs=career_jobs')).toEqual({ schema: 'career', from: 'jobs', to: 'career_jobs', source: '--table career.jobs=career_jobs' });
  });

  it('keeps empty sides for the planner to refuse', () => {
    expect(parseTableFlag('=b')).toEqual({ schema: null, from: '', to: 'b', source: '--table =b' });
  });

  it('refuses a value without "=" or with too many dots', () => {
    expect(getUsageError(() => parseTableFlag('messages'))).toBe('--table messages: expected old=new (or schema.old=new), the "=" is missing');
    expect(getUsageError(() => parseTableFlag('a.b.c=d'))).toBe('--table a.b.c=d: expected old=new or schema.old=new, got 3 dot-separated parts before "="');
  });
});

describe('parseColumnFlag', () => {
  it('reads table.old=new and schema.table.old=new', () => {
    expect(parseColumnFlag('users.isAdmin=is_admin')).toEqual({ schema: null, table: 'users', from: 'isAdmin', to: 'is_admin', source: '--column users.isAdmin=is_admin' });
    expect(parseColumnFlag('career.jobs.jobTitle=title')).toEqual({ schema: 'career', table: 'jobs', from: 'jobTitle', to: 'title', source: '--column career.jobs.jobTitle=title' });
  });

  it('refuses a column without its table', () => {
    expect(getUsageError(() => parseColumnFlag('isAdmin=is_admin'))).toBe('--column isAdmin=is_admin: a column is named "table.old" or "schema.table.old", got no table');
    expect(getUsageError(() => parseColumnFlag('users.isAdmin'))).toBe('--column users.isAdmin: expected table.old=new (or schema.table.old=new), the "=" is missing');
  });
});

describe('parseManifestText', () => {
  it('reads JSON with both sections and schema-qualified keys', () => {
    const text = JSON.stringify({ tables: { messages: 'comms_messages', 'career.jobs': 'career_jobs' }, columns: { 'users.isAdmin': 'is_admin', 'career.jobs.jobTitle': 'title' } });
    expect(parseManifestText(text, 'renames.json')).toEqual({
      tables: [
        { schema: null, from: 'messages', to: 'comms_messages', source: 'renames.json: tables["messages"]' },
        { schema: 'career', from: 'jobs', to: 'career_jobs', source: 'renames.json: tables["career.jobs"]' },
      ],
      columns: [
        { schema: null, table: 'users', from: 'isAdmin', to: 'is_admin', source: 'renames.json: columns["users.isAdmin"]' },
        { schema: 'career', table: 'jobs', from: 'jobTitle', to: 'title', source: 'renames.json: columns["career.jobs.jobTitle"]' },
      ],
    });
  });

  it('reads YAML (.yaml and .yml) with one section', () => {
    const expected = { tables: [{ schema: null, from: 'calls', to: 'comms_calls', source: 'r.yaml: tables["calls"]' }], columns: [] };
    expect(parseManifestText('tables:\n  calls: comms_calls\n', 'r.yaml')).toEqual(expected);
    expect(parseManifestText('tables:\n  calls: comms_calls\n', 'r.yml').tables[0]?.source).toBe('r.yml: tables["calls"]');
  });

  it('reports JSON syntax errors with line and column', () => {
    expect(getUsageError(() => parseManifestText('{\n  "tables": { "a": "b" },\n}', 'renames.json'))).toBe(
      'renames.json: invalid JSON at line 3, column 1: Expected double-quoted property name',
    );
  });

  it('reports YAML syntax errors and duplicate keys with line and column', () => {
    expect(getUsageError(() => parseManifestText('tables:\n  a: [1,\n b', 'r.yaml'))).toBe(
      'r.yaml: invalid YAML at line 3, column 2: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(getUsageError(() => parseManifestText('tables:\n  a: b\n  a: c\n', 'r.yml'))).toBe('r.yml: invalid YAML at line 3, column 3: Map keys must be unique');
  });

  it('lists every shape problem at once', () => {
    const text = JSON.stringify({ tables: { a: 1, b: null, 'x.y.z': 'w' }, columns: ['a'], extra: true });
    expect(getUsageError(() => parseManifestText(text, 'm.json'))).toBe(
      [
        'm.json: invalid manifest:',
        '  - unknown key "extra" (expected "tables" and/or "columns")',
        '  - tables["a"] must be a string (the new name), got number 1',
        '  - tables["b"] must be a string (the new name), got null',
        '  - tables["x.y.z"]: a table key is "old" or "schema.old", got 3 dot-separated parts',
        '  - "columns" must be an object mapping old names to new names, got an array',
      ].join('\n'),
    );
  });

  it('refuses a manifest that is not an object, or renames nothing', () => {
    expect(getUsageError(() => parseManifestText('[]', 'm.json'))).toBe('m.json: the manifest must be an object with "tables" and/or "columns", got an array');
    expect(getUsageError(() => parseManifestText('"x"', 'm.json'))).toBe('m.json: the manifest must be an object with "tables" and/or "columns", got string "x"');
    expect(getUsageError(() => parseManifestText('{}', 'm.json'))).toBe('m.json: invalid manifest:\n  - the manifest renames nothing (expected "tables" and/or "columns")');
  });
});

describe('readManifestFile', () => {
  it('reads a file and reports a missing one without a stack trace', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    try {
      const file = path.join(folder, 'renames.json');
      writeFileSync(file, '{ "tables": { "messages": "comms_messages" } }');
      expect((await readManifestFile(file, 'renames.json')).tables).toEqual([
        { schema: null, from: 'messages', to: 'comms_messages', source: 'renames.json: tables["messages"]' },
      ]);
      await expect(readManifestFile(path.join(folder, 'missing.json'), 'missing.json')).rejects.toThrow(new UsageError('missing.json: cannot read the manifest (ENOENT)'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
