const IRREGULAR: ReadonlyArray<readonly [string, string]> = [
  ['person', 'people'],
  ['child', 'children'],
  ['man', 'men'],
  ['woman', 'women'],
];

function pluralize(word: string): string {
  const irregular = IRREGULAR.find(([singular]) => singular === word);
  if (irregular) return irregular[1];
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function singularize(word: string): string | null {
  const irregular = IRREGULAR.find(([, plural]) => plural === word);
  if (irregular) return irregular[0];
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return null;
}

/**
 * The table names a snake_case stem may refer to: itself, and its last word in plural and singular
 * (`job_application` → `job_application`, `job_applications`; `person` → `people`; `status` stays as is).
 */
export function getNameForms(stem: string): readonly string[] {
  const words = stem.split('_');
  const last = words.at(-1)!;
  const head = words.slice(0, -1);
  const forms = new Set([stem, [...head, pluralize(last)].join('_')]);
  const singular = singularize(last);
  if (singular) forms.add([...head, singular].join('_'));
  return [...forms];
}
