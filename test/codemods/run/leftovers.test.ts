import { describe, expect, it } from 'vitest';
import { getLeftoverReview } from '../../../codemods/leftovers.js';
import { parseColumnFlag, parseTableFlag } from '../../../codemods/manifest.js';
import { buildPlan } from '../../../codemods/plan.js';

const plan = buildPlan({ tables: [parseTableFlag('messages=comms_messages')], columns: [parseColumnFlag('users.isAdmin=is_admin')] }, { knownTables: new Set() });

describe('getLeftoverReview', () => {
  it('lists whole-word occurrences in code that no edit covers, with a reason and an excerpt', () => {
    const source = [
      "import { messages } from './schema';",
      "// read the messages",
      "const title = 'Your messages';",
      "await supabase.from('messages').select();",
      "const payload = { messages: [] }; const messagesCount = 1; if (user.isAdmin) {}",
    ].join('\n');
    const start = source.indexOf("'messages'") + 1;
    const review = getLeftoverReview({
      file: 'src/a.ts', source, kind: 'code', isAppliedMigration: false, plan,
      edits: [{ start, end: start + 'messages'.length, text: 'comms_messages' }],
      review: [{ file: 'src/a.ts', line: 5, column: 18, name: 'messages', reason: 'object key of an API payload', excerpt: '' }],
    });
    expect(review.map(({ line, column, name, reason, excerpt }) => `${line}:${column} ${name} ${reason} | ${excerpt}`)).toEqual([
      "1:10 messages code not recognized as a table or column reference (identifier, JSX text?) | import { messages } from './schema';",
      '2:13 messages comment | // read the messages',
      "3:21 messages string not recognized as a table or column name (UI text, route, key?) | const title = 'Your messages';",
      '5:69 isAdmin code not recognized as a table or column reference (identifier, JSX text?) | const payload = { messages: [] }; const messagesCount = 1; if (user.isAdmin) {}',
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
