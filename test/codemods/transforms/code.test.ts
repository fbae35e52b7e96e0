import { describe, expect, it } from 'vitest';
import { mergeEdits } from '../../../codemods/transforms/code/merge-edits.js';
import { codeTransform } from '../../../codemods/transforms/code.js';
import { ParseError } from '../../../codemods/types.js';
import { runFixtures } from './run-fixtures.js';

runFixtures('code', codeTransform);

describe('codeTransform', () => {
  it('throws a ParseError naming the file and line for a syntax error', () => {
    const plan = { tables: [{ schema: 'public', from: 'messages', to: 'comms_messages' }], columns: [], steps: [] };
    expect(() => codeTransform({ source: "const a = 'messages';\nconst b = (;\n", path: 'src/broken.ts', plan })).toThrow(ParseError);
    expect(() => codeTransform({ source: "const a = 'messages';\nconst b = (;\n", path: 'src/broken.ts', plan })).toThrow(/^src\/broken\.ts: line 2, /);
  });

  it('parses JSX in .tsx files', () => {
    const plan = { tables: [{ schema: 'public', from: 'messages', to: 'comms_messages' }], columns: [], steps: [] };
    const source = "export const Title = () => <h1>messages</h1>;\nexport const load = (s: any) => s.from('messages');\n";
    const result = codeTransform({ source, path: 'src/title.tsx', plan });
    expect(result.edits).toEqual([{ start: source.indexOf("'messages'") + 1, end: source.indexOf("'messages'") + 9, text: 'comms_messages' }]);
  });
});

describe('mergeEdits', () => {
  it('keeps identical edits once and sorts them', () => {
    const edits = mergeEdits([
      { edit: { start: 10, end: 12, text: 'b' }, owner: 'one' },
      { edit: { start: 0, end: 2, text: 'a' }, owner: 'one' },
      { edit: { start: 10, end: 12, text: 'b' }, owner: 'two' },
    ]);
    expect(edits).toEqual([
      { start: 0, end: 2, text: 'a' },
      { start: 10, end: 12, text: 'b' },
    ]);
  });

  it('throws on overlapping different edits, naming both transforms', () => {
    expect(() =>
      mergeEdits([
        { edit: { start: 0, end: 5, text: 'x' }, owner: 'supabase-js' },
        { edit: { start: 3, end: 8, text: 'y' }, owner: 'sql-in-code' },
      ]),
    ).toThrow('conflicting edits: supabase-js replaces 0..5 with "x", sql-in-code replaces 3..8 with "y"');
    expect(() =>
      mergeEdits([
        { edit: { start: 4, end: 4, text: 'a' }, owner: 'one' },
        { edit: { start: 4, end: 4, text: 'b' }, owner: 'two' },
      ]),
    ).toThrow(/conflicting edits/);
  });
});
