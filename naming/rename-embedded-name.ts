/**
 * Rename the old names embedded in a database object name (index, constraint, sequence) as whole
 * `_`-separated words:
 * with `messages → comms_messages`, `messages_user_id_idx` becomes `comms_messages_user_id_idx`, while
 * `scheduled_messagesx` and `my_messages2` are left alone. Multi-word old names (`user_id`) match as a
 * run of words; at each position the longest old name wins (ties: the first in `renames`), and the renames are
 * simultaneous (a swap `a ↔ b` works; a new name is never matched again). Returns the name unchanged when
 * nothing matches. The result may be longer than Postgres's 63 bytes: callers check.
 *
 * The migration applies the SAME rule inside the database (`codemods/migration/rename-words-function.ts`, a
 * PL/pgSQL port of this loop); a test runs both on one table of names. Change them together.
 */
export function renameEmbeddedName(name: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return name;
  const words = name.split('_');
  const candidates = [...renames].map(([from, to]) => ({ words: from.split('_'), to })).sort((a, b) => b.words.length - a.words.length);
  const out: string[] = [];
  let index = 0;
  while (index < words.length) {
    const match = candidates.find((candidate) => candidate.words.every((word, offset) => words[index + offset] === word));
    if (match) {
      out.push(match.to);
      index += match.words.length;
    } else {
      out.push(words[index] ?? '');
      index++;
    }
  }
  return out.join('_');
}
