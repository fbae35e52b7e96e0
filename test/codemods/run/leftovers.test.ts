import { describe, expect, it } from 'vitest';
import { getLeftoverReview } from '../../../codemods/leftovers.js';
import { parseColumnFlag, parseTableFlag } from '../../../codemods/manifest.js';
import { buildPlan } from '../../../codemods/plan.js';

const plan = buildPlan({ tables: [parseTableFlag('messages=comms_messages')], columns: [parseColumnFlag('users.isAdmin=is_admin')] }, { knownTables: new Set() });

describe('getLeftoverReview', () => {
  it('lists old names left in strings, templates, comments and JSX text of code, not in identifiers or import paths', () => {
    const source = [
      "import { messages } from './messages';",
      '// read the messages',
      "const title = 'Your messages';",
      "await supabase.from('messages').select();",
      'const payload = { messages: [] }; const messagesCount = 1; if (user.isAdmin) {}',
      'const page = <h1 title="messages">Your messages</h1>;',
      'const text = `${count} messages`;',
    ].join('\n');
    const start = source.indexOf("'messages')") + 1;
    const review = getLeftoverReview({
      file: 'src/a.tsx', source, kind: 'code', isAppliedMigration: false, plan,
      edits: [{ start, end: start + 'messages'.length, text: 'comms_messages' }],
      review: [{ file: 'src/a.tsx', line: 2, column: 13, name: 'messages', reason: 'comment mentioning the table', excerpt: '' }],
    });
    expect(review.map(({ line, column, name, reason, excerpt }) => `${line}:${column} ${name} ${reason} | ${excerpt}`)).toEqual([
      "3:21 messages string not recognized as a table or column name (UI text, route, key?) | const title = 'Your messages';",
      '6:25 messages JSX attribute text (UI text?) | const page = <h1 title="messages">Your messages</h1>;',
      '6:40 messages JSX text (UI text) | const page = <h1 title="messages">Your messages</h1>;',
      '7:24 messages template literal text not recognized as SQL or a table name | const text = `${count} messages`;',
    ]);
  });

  it('falls back to a guess from the line when the code does not parse', () => {
    const source = "const a = 'messages';\n// messages\nmessages(((";
    const review = getLeftoverReview({ file: 'src/a.ts', source, kind: 'code', isAppliedMigration: false, plan, edits: [], review: [] });
    expect(review.map(({ line, column, reason }) => `${line}:${column} ${reason}`)).toEqual([
      '1:12 string not recognized as a table or column name (UI text, route, key?)',
      '2:4 comment',
      '3:1 code not recognized as a table or column reference (identifier, JSX text?)',
    ]);
  });

  it('matches lower-case names in any case in SQL, and marks applied migrations', () => {
    const source = 'create table Messages (id int);\n-- messages of users\nselect \'messages\', "isAdmin", isadmin from MESSAGES;';
    const review = getLeftoverReview({ file: 'db/0001.sql', source, kind: 'sql', isAppliedMigration: false, plan, edits: [], review: [] });
    expect(review.map(({ line, column, name, reason }) => `${line}:${column} ${name} ${reason}`)).toEqual([
      '1:14 messages not rewritten by any transform',
      '2:4 messages comment',
      '3:9 messages string literal',
      '3:21 isAdmin not rewritten by any transform',
      '3:44 messages not rewritten by any transform',
    ]);
    const applied = getLeftoverReview({ file: 'db/0001.sql', source, kind: 'sql', isAppliedMigration: true, plan, edits: [], review: [] });
    expect(new Set(applied.map((item) => item.reason))).toEqual(new Set(['applied migration (never rewritten)']));
    expect(applied).toHaveLength(5);
  });
});
