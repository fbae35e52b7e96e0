import { renameEmbeddedName } from '../../naming/rename-embedded-name.js';

function hasWordRun(name: string, run: string): boolean {
  return `_${name}_`.includes(`_${run}_`);
}

/**
 * `renameEmbeddedName` for names in files that may already have been rewritten (a re-run): a rename whose new
 * name contains the old one as words (`call_id → source_call_id`, `messages → comms_messages`) is left out when
 * the name already holds the new words, so `transcripts_source_call_id_idx` stays as it is instead of becoming
 * `transcripts_source_source_call_id_idx`.
 */
export function renameEmbeddedNameOnce(name: string, renames: ReadonlyMap<string, string>): string {
  const words = new Map([...renames].filter(([from, to]) => !(hasWordRun(to, from) && hasWordRun(name, to))));
  return renameEmbeddedName(name, words);
}
