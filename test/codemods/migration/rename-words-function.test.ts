/**
 * The word rule in JavaScript (`renameEmbeddedName`, used by the code transforms) and in PL/pgSQL (the
 * migration's `pg_temp.drizzle_schema_rename_words`) must agree: both run on one table of names here.
 */
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRenameWordsFunctionSql, RENAME_WORDS_FUNCTION } from '../../../codemods/migration/rename-words-function.js';
import { renameEmbeddedName } from '../../../naming/rename-embedded-name.js';

type Renames = ReadonlyArray<readonly [string, string]>;

const messages: Renames = [['messages', 'comms_messages']];
const camelColumns: Renames = [
  ['userId', 'user_id'],
  ['bookmarks', 'saved_links'],
];
const multiWord: Renames = [
  ['user', 'person'],
  ['user_id', 'owner_id'],
  ['transcript_segments', 'call_transcript_segments'],
  ['transcripts', 'call_transcripts'],
];
const swap: Renames = [
  ['a', 'b'],
  ['b', 'a'],
];
const longName: Renames = [['messages', 'communication_channel_messages_archive']];

/** [name, renames, expected]: the expected results are the rule's documented behaviour. */
const table: Array<[string, Renames, string]> = [
  ['messages_user_id_idx', messages, 'comms_messages_user_id_idx'],
  ['messages_pkey', messages, 'comms_messages_pkey'],
  ['messages_id_seq', messages, 'comms_messages_id_seq'],
  ['scheduled_messages_user_id_idx', messages, 'scheduled_comms_messages_user_id_idx'],
  ['scheduled_messagesx', messages, 'scheduled_messagesx'],
  ['my_messages2', messages, 'my_messages2'],
  ['Messages_idx', messages, 'Messages_idx'],
  ['messages_messages_idx', messages, 'comms_messages_comms_messages_idx'],
  ['messages', messages, 'comms_messages'],
  ['_messages_', messages, '_comms_messages_'],
  ['x__messages', messages, 'x__comms_messages'],
  ['comms_messages_idx', messages, 'comms_comms_messages_idx'],
  ['bookmarks_userId_fkey', camelColumns, 'saved_links_user_id_fkey'],
  ['bookmarks_user_id_url_key', camelColumns, 'saved_links_user_id_url_key'],
  ['bookmarks_userid_idx', camelColumns, 'saved_links_userid_idx'],
  ['user_id_idx', multiWord, 'owner_id_idx'],
  ['user_idx', multiWord, 'person_idx'],
  ['user_user_id', multiWord, 'person_owner_id'],
  ['transcript_segments_transcript_id_position_idx', multiWord, 'call_transcript_segments_transcript_id_position_idx'],
  ['transcripts_call_id_fkey', multiWord, 'call_transcripts_call_id_fkey'],
  ['a_pkey', swap, 'b_pkey'],
  ['b_a_id_fkey', swap, 'a_b_id_fkey'],
  ['a$b_a', swap, 'a$b_b'],
  ['messages_user_id_created_at_recipient_id_idx', longName, 'communication_channel_messages_archive_user_id_created_at_recipient_id_idx'],
  ['messages_idx', [], 'messages_idx'],
  ['', messages, ''],
];

let db: PGlite;

async function renameInSql(name: string, renames: Renames): Promise<{ name: string; bytes: number }> {
  const { rows } = await db.query<{ name: string; bytes: number }>(`select ${RENAME_WORDS_FUNCTION}($1, $2::text[], $3::text[]) as name, octet_length(${RENAME_WORDS_FUNCTION}($1, $2::text[], $3::text[])) as bytes`, [
    name,
    renames.map(([from]) => from),
    renames.map(([, to]) => to),
  ]);
  const [row] = rows;
  if (!row) throw new Error('no row');
  return row;
}

beforeAll(async () => {
  db = new PGlite();
  await db.exec(getRenameWordsFunctionSql());
});

afterAll(async () => {
  await db.close();
});

describe('the embedded-name rule in JavaScript and PL/pgSQL', () => {
  it.each(table)('%s', async (name, renames, expected) => {
    const inJs = renameEmbeddedName(name, new Map(renames));
    expect(inJs).toBe(expected);
    expect(await renameInSql(name, renames)).toEqual({ name: expected, bytes: Buffer.byteLength(expected, 'utf8') });
  });

  it('counts a name over 63 bytes the same way (the migration skips it, the Drizzle transform lists it)', async () => {
    const [name, renames] = table.find(([, renames]) => renames === longName) ?? ['', []];
    const { bytes } = await renameInSql(name, renames);
    expect(bytes).toBe(74);
    expect(Buffer.byteLength(renameEmbeddedName(name, new Map(renames)), 'utf8')).toBe(74);
  });

  it('agrees on generated names and renames (property test)', async () => {
    const word = fc.constantFrom('a', 'b', 'ab', 'user', 'id', 'x', '', 'A', 'é');
    const name = fc.array(word, { minLength: 1, maxLength: 7 }).map((words) => words.join('_'));
    const oldName = fc.array(fc.constantFrom('a', 'b', 'ab', 'user', 'id', 'A', 'é'), { minLength: 1, maxLength: 3 }).map((words) => words.join('_'));
    const renames = fc.uniqueArray(fc.tuple(oldName, name), { selector: ([from]) => from, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(name, renames, async (input, pairs) => {
        const inSql = await renameInSql(input, pairs);
        expect(inSql.name).toBe(renameEmbeddedName(input, new Map(pairs)));
      }),
      { numRuns: 300, seed: 20250601 },
    );
  });
});
