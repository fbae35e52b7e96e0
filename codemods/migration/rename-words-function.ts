/**
 * `pg_temp.drizzle_schema_rename_words(name, froms, tos)`: the PL/pgSQL port of `renameEmbeddedName`
 * (`naming/rename-embedded-name.ts`), so the migration renames index, constraint and sequence names inside
 * the database exactly as the code transforms rename them in code. Same loop, same order: the name is split
 * on `_`; at each word the candidate with the most words wins (ties: the first given, as JavaScript's stable
 * sort keeps them); a match emits the new name and skips its words, else the word is kept. A test runs
 * both on one table of names. The function lives in `pg_temp`: it is gone when the session ends.
 */
export const RENAME_WORDS_FUNCTION = 'pg_temp.drizzle_schema_rename_words';

export function getRenameWordsFunctionSql(): string {
  return `CREATE OR REPLACE FUNCTION ${RENAME_WORDS_FUNCTION}(object_name text, froms text[], tos text[]) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $words$
DECLARE
  words text[] := string_to_array(object_name, '_');
  word_count integer := coalesce(array_length(words, 1), 0);
  sorted_froms text[];
  sorted_tos text[];
  candidate text[];
  result text[] := '{}';
  word_index integer := 1;
  matched boolean;
BEGIN
  SELECT coalesce(array_agg(f ORDER BY cardinality(string_to_array(f, '_')) DESC, ord), '{}'),
         coalesce(array_agg(t ORDER BY cardinality(string_to_array(f, '_')) DESC, ord), '{}')
    INTO sorted_froms, sorted_tos
    FROM unnest(froms, tos) WITH ORDINALITY AS pairs(f, t, ord);
  IF word_count = 0 THEN
    RETURN object_name;
  END IF;
  WHILE word_index <= word_count LOOP
    matched := false;
    FOR c IN 1 .. coalesce(array_length(sorted_froms, 1), 0) LOOP
      candidate := string_to_array(sorted_froms[c], '_');
      matched := true;
      FOR k IN 1 .. cardinality(candidate) LOOP
        IF words[word_index + k - 1] IS DISTINCT FROM candidate[k] THEN
          matched := false;
          EXIT;
        END IF;
      END LOOP;
      IF matched THEN
        result := result || sorted_tos[c];
        word_index := word_index + cardinality(candidate);
        EXIT;
      END IF;
    END LOOP;
    IF NOT matched THEN
      result := result || words[word_index];
      word_index := word_index + 1;
    END IF;
  END LOOP;
  RETURN array_to_string(result, '_');
END
$words$;`;
}
