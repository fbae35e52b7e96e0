/**
 * Index, constraint and sequence names that embed an old table or column name (`messages_user_id_idx`,
 * `transcripts_call_id_fkey`, `messages_id_seq`): the code transforms rename them in code with
 * `renameEmbeddedName` (the table's own renames: its renamed columns, then the table itself); the migration
 * renames them in the database by the same rule. The migration works from the plan alone, so the names are
 * read from the catalog when it runs: one `DO` block loops over the constraints (`pg_constraint`), the indexes
 * that do not back a constraint (renaming a primary key, unique or exclusion constraint renames its index),
 * and the sequences owned by a column (serial / identity) of every table the plan touches.
 *
 * - A new name over 63 bytes is skipped with a NOTICE (Postgres would truncate it silently); the Drizzle
 *   transform lists the same name for review and leaves it too.
 * - A new name already taken by an object that is not renamed away is skipped with a NOTICE.
 * - Renames go through temporary names, so swaps (`a_pkey ↔ b_pkey`) work.
 * - Every rename is recorded in `drizzle_schema_rename.renamed_objects`, keyed by the forward file's name:
 *   the word rule is not invertible (with `userId → user_id`, an index already called `x_user_id_idx` and
 *   one renamed from `x_userId_idx` look the same afterwards), so the rollback restores exactly the
 *   recorded names, and drops the log. The cleanup drops it too: after the cleanup, the rollback can no
 *   longer restore these names (it says so in a NOTICE).
 * Names reach SQL only as validated identifiers inside string literals, and `format('%I')` quotes them.
 */
import { MAX_IDENTIFIER_BYTES } from '../../naming/identifiers.js';
import { getPlanLookup } from '../sql/plan-lookup.js';
import type { RenamePlan } from '../types.js';
import { getRenameWordsFunctionSql, RENAME_WORDS_FUNCTION } from './rename-words-function.js';

export const RENAME_LOG_SCHEMA = 'drizzle_schema_rename';
export const RENAME_LOG_TABLE = `${RENAME_LOG_SCHEMA}.renamed_objects`;
const RENAME_OBJECT_FUNCTION = 'pg_temp.drizzle_schema_rename_object';
const MOVE_OBJECTS_FUNCTION = 'pg_temp.drizzle_schema_move_renamed_objects';

/** A table whose embedded names are renamed: its name after the migration and the old → new words. */
export interface EmbeddedNameTarget {
  readonly schema: string;
  /** The table's name after every rename (where its objects are when the block runs). */
  readonly table: string;
  readonly renames: ReadonlyMap<string, string>;
}

/** Every table the plan renames or renames columns of, with the words its object names are renamed by. */
export function getEmbeddedNameTargets(plan: RenamePlan): EmbeddedNameTarget[] {
  const lookup = getPlanLookup(plan);
  const keys = new Map<string, { schema: string; table: string }>();
  for (const { schema, from } of [...plan.tables, ...plan.columns.map((column) => ({ schema: column.schema, from: column.table }))]) {
    keys.set(`${schema}.${from}`, { schema, table: from });
  }
  return [...keys.values()].map(({ schema, table }) => {
    const rename = lookup.getTable(schema, table);
    // The same words, in the same order, as the Drizzle schema transform: columns first, then the table.
    const renames = new Map(lookup.getColumns(schema, table));
    if (rename) renames.set(table, rename.to);
    return { schema, table: rename?.to ?? table, renames };
  });
}

/** Statements of the forward migration, run after every table and column rename. */
export function getEmbeddedNameRenameSql(plan: RenamePlan, migrationName: string): string[] {
  const targets = getEmbeddedNameTargets(plan);
  if (targets.length === 0) return [];
  const rows = targets.map(
    (target) =>
      `      (${literal(target.schema)}, ${literal(target.table)}, ${array([...target.renames.keys()])}, ${array([...target.renames.values()])})`,
  );
  const body = `
DECLARE
  migration_name constant text := ${literal(migrationName)};
  target record;
  object record;
  entry record;
  new_name text;
  next_position integer := 0;
BEGIN
  FOR target IN
    SELECT * FROM (VALUES
${rows.join(',\n')}
    ) AS renamed (schema_name, table_name, froms, tos)
  LOOP
    FOR object IN
      SELECT 'constraint' AS kind, target.schema_name AS schema_name, k.conname::text AS name, k.contype IN ('p', 'u', 'x') AS is_relation
        FROM pg_constraint k
        WHERE k.conrelid = format('%I.%I', target.schema_name, target.table_name)::regclass
      UNION ALL
      SELECT 'index', target.schema_name, c.relname::text, true
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = format('%I.%I', target.schema_name, target.table_name)::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
      UNION ALL
      SELECT 'sequence', n.nspname::text, s.relname::text, true
        FROM pg_depend d JOIN pg_class s ON s.oid = d.objid JOIN pg_namespace n ON n.oid = s.relnamespace
        WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') AND s.relkind = 'S'
          AND d.refobjid = format('%I.%I', target.schema_name, target.table_name)::regclass
      ORDER BY 1, 3
    LOOP
      new_name := ${RENAME_WORDS_FUNCTION}(object.name, target.froms, target.tos);
      CONTINUE WHEN new_name = object.name;
      IF octet_length(new_name) > ${MAX_IDENTIFIER_BYTES} THEN
        RAISE NOTICE 'drizzle-schema rename: % "%" of %.% not renamed: "%" is % bytes, over the ${MAX_IDENTIFIER_BYTES}-byte limit (Postgres would truncate it); rename it by hand',
          object.kind, object.name, target.schema_name, target.table_name, new_name, octet_length(new_name);
        CONTINUE;
      END IF;
      next_position := next_position + 1;
      INSERT INTO ${RENAME_LOG_TABLE} VALUES (migration_name, next_position, object.kind, object.schema_name, target.table_name, object.is_relation, object.name, new_name);
    END LOOP;
  END LOOP;

  -- A new name taken by an object that stays (or by an earlier rename) is skipped.
  FOR entry IN SELECT * FROM ${RENAME_LOG_TABLE} l WHERE l.migration = migration_name ORDER BY l.position LOOP
    IF EXISTS (
        SELECT 1 FROM ${RENAME_LOG_TABLE} o
        WHERE o.migration = migration_name AND o.position < entry.position AND o.new_name = entry.new_name AND o.schema_name = entry.schema_name
          AND ((o.is_relation AND entry.is_relation) OR (o.kind = 'constraint' AND entry.kind = 'constraint' AND o.table_name = entry.table_name)))
      OR (entry.is_relation AND EXISTS (
        SELECT 1 FROM pg_class c
        WHERE c.relnamespace = to_regnamespace(quote_ident(entry.schema_name)) AND c.relname = entry.new_name
          AND NOT EXISTS (SELECT 1 FROM ${RENAME_LOG_TABLE} o WHERE o.migration = migration_name AND o.is_relation AND o.schema_name = entry.schema_name AND o.old_name = entry.new_name)))
      OR (entry.kind = 'constraint' AND EXISTS (
        SELECT 1 FROM pg_constraint k
        WHERE k.conrelid = format('%I.%I', entry.schema_name, entry.table_name)::regclass AND k.conname = entry.new_name
          AND NOT EXISTS (SELECT 1 FROM ${RENAME_LOG_TABLE} o WHERE o.migration = migration_name AND o.kind = 'constraint' AND o.schema_name = entry.schema_name AND o.table_name = entry.table_name AND o.old_name = entry.new_name)))
    THEN
      RAISE NOTICE 'drizzle-schema rename: % "%" of %.% not renamed: "%" is already taken; rename it by hand',
        entry.kind, entry.old_name, entry.schema_name, entry.table_name, entry.new_name;
      DELETE FROM ${RENAME_LOG_TABLE} WHERE migration = migration_name AND position = entry.position;
    END IF;
  END LOOP;

  PERFORM ${MOVE_OBJECTS_FUNCTION}(migration_name, true);
END
`;
  return [
    '-- Index, constraint and sequence names that embed an old table or column name as whole `_`-separated words,',
    '-- renamed by the rule the code transforms use (messages_user_id_idx -> comms_messages_user_id_idx). Each rename',
    `-- is recorded in ${RENAME_LOG_TABLE} for the rollback. Names over ${MAX_IDENTIFIER_BYTES} bytes are skipped with a NOTICE.`,
    `CREATE SCHEMA IF NOT EXISTS ${RENAME_LOG_SCHEMA};`,
    `CREATE TABLE IF NOT EXISTS ${RENAME_LOG_TABLE} (
  migration text NOT NULL,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('constraint', 'index', 'sequence')),
  schema_name text NOT NULL,
  table_name text NOT NULL,
  is_relation boolean NOT NULL,
  old_name text NOT NULL,
  new_name text NOT NULL,
  PRIMARY KEY (migration, position)
);`,
    ...getHelperFunctionsSql(),
    doBlock(body, 'rename_names'),
  ];
}

/** Statements of the rollback, run BEFORE the column and table renames are reversed. */
export function getEmbeddedNameRestoreSql(migrationName: string): string[] {
  const body = `
DECLARE
  migration_name constant text := ${literal(migrationName)};
BEGIN
  IF to_regclass('${RENAME_LOG_TABLE}') IS NULL THEN
    RAISE NOTICE 'drizzle-schema rename: no record of the index, constraint and sequence names renamed by % (the cleanup drops it): they keep their new names', migration_name;
    RETURN;
  END IF;
  PERFORM ${MOVE_OBJECTS_FUNCTION}(migration_name, false);
  DELETE FROM ${RENAME_LOG_TABLE} WHERE migration = migration_name;
${getDropLogIfEmpty()}
END
`;
  return [
    '-- Index, constraint and sequence names back to what they were, as recorded by the forward migration.',
    ...getHelperFunctionsSql(),
    doBlock(body, 'restore_names'),
  ];
}

/** Statements of the cleanup: the rename is final, its log goes. */
export function getEmbeddedNameCleanupSql(migrationName: string): string[] {
  const body = `
BEGIN
  IF to_regclass('${RENAME_LOG_TABLE}') IS NOT NULL THEN
    DELETE FROM ${RENAME_LOG_TABLE} WHERE migration = ${literal(migrationName)};
${getDropLogIfEmpty()}
  END IF;
END
`;
  return [`-- The record of renamed index, constraint and sequence names (after this, the rollback cannot restore them).`, doBlock(body, 'drop_log')];
}

function getDropLogIfEmpty(): string {
  return `  IF NOT EXISTS (SELECT 1 FROM ${RENAME_LOG_TABLE}) THEN
    DROP TABLE ${RENAME_LOG_TABLE};
    DROP SCHEMA ${RENAME_LOG_SCHEMA};
  END IF;`;
}

function getHelperFunctionsSql(): string[] {
  return [
    `${getRenameWordsFunctionSql()}`,
    `CREATE OR REPLACE FUNCTION ${RENAME_OBJECT_FUNCTION}(kind text, schema_name text, table_name text, from_name text, to_name text) RETURNS void
LANGUAGE plpgsql AS $rename_object$
BEGIN
  IF kind = 'constraint' THEN
    EXECUTE format('ALTER TABLE %I.%I RENAME CONSTRAINT %I TO %I', schema_name, table_name, from_name, to_name);
  ELSIF kind = 'index' THEN
    EXECUTE format('ALTER INDEX %I.%I RENAME TO %I', schema_name, from_name, to_name);
  ELSIF kind = 'sequence' THEN
    EXECUTE format('ALTER SEQUENCE %I.%I RENAME TO %I', schema_name, from_name, to_name);
  ELSE
    RAISE EXCEPTION 'drizzle-schema rename: unknown object kind %', kind;
  END IF;
END
$rename_object$;`,
    `-- Every recorded object to a temporary name first, then to its target, so names that trade places (a swap) never collide.
CREATE OR REPLACE FUNCTION ${MOVE_OBJECTS_FUNCTION}(migration_name text, forward boolean) RETURNS void
LANGUAGE plpgsql AS $move_objects$
DECLARE
  entry record;
BEGIN
  FOR entry IN SELECT * FROM ${RENAME_LOG_TABLE} WHERE migration = migration_name ORDER BY position LOOP
    PERFORM ${RENAME_OBJECT_FUNCTION}(entry.kind, entry.schema_name, entry.table_name,
      CASE WHEN forward THEN entry.old_name ELSE entry.new_name END, 'drizzle_schema_rename_' || entry.position);
  END LOOP;
  FOR entry IN SELECT * FROM ${RENAME_LOG_TABLE} WHERE migration = migration_name ORDER BY position LOOP
    PERFORM ${RENAME_OBJECT_FUNCTION}(entry.kind, entry.schema_name, entry.table_name,
      'drizzle_schema_rename_' || entry.position, CASE WHEN forward THEN entry.new_name ELSE entry.old_name END);
  END LOOP;
END
$move_objects$;`,
  ];
}

/** `DO $tag$ … $tag$;` with a tag that does not occur in the body (names may contain `$`). */
function doBlock(body: string, base: string): string {
  let tag = `$${base}$`;
  for (let attempt = 2; body.includes(tag); attempt++) tag = `$${base}_${attempt}$`;
  return `DO ${tag}${body}${tag};`;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function array(values: readonly string[]): string {
  return values.length === 0 ? `'{}'::text[]` : `ARRAY[${values.map(literal).join(', ')}]::text[]`;
}
