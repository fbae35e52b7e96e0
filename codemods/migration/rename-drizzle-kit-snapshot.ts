/**
 * drizzle-kit 0.x (PostgreSQL snapshot version 7): the previous snapshot with the renames applied, as drizzle-kit
 * would compute it from the renamed schema, so that `drizzle-kit generate` right after the run finds no change.
 *
 * The result has exactly the keys of the previous snapshot, at every level: version 7 is written by drizzle-kit
 * 0.21 to 0.31, and each validates it with strict schemas of its own (0.25 has no `policies`, `views`,
 * `checkConstraints`, `isRLSEnabled`; an unknown key makes it stop with "data is malformed"). So the snapshot is
 * the previous object with its names changed, never a fixed shape: a key the previous snapshot lacks is not added.
 *
 * - table keys `schema.old` → `schema.new` and `name`; column keys and `name`;
 * - column lists of indexes, foreign keys (`tableFrom`/`columnsFrom`, and `tableTo`/`columnsTo` of OTHER tables
 *   that reference a renamed table or column), composite primary keys and unique constraints;
 * - SQL text (checks, index expressions and `where`, policies, view definitions) through the SQL rewriter;
 * - names that drizzle-kit derives from table and column names (`<table>_<columns>_index`,
 *   `<tableFrom>_<columnsFrom>_<tableTo>_<columnsTo>_fk`, `<table>_<columns>_pk`, `<table>_<columns>_unique`,
 *   identity `<table>_<column>_seq`) are derived again from the new names; other (explicit) names of a renamed
 *   table follow the word rule of the code transforms (`renameEmbeddedName`);
 * - `_meta` records the renames as drizzle-kit does after a rename prompt; `id` is new, `prevId` the previous `id`.
 * Every changed object name is returned as an `ObjectRename` for the migration to perform in the database.
 * Needs `await ensureSqlReady()` first.
 */
import { randomUUID } from 'node:crypto';
import type { RenamePlan } from '../types.js';
import { rewriteSql } from '../sql/rewrite-sql.js';
import { applyEdits } from '../edits.js';
import { rewriteTableExpression } from './rewrite-table-expression.js';
import type { ObjectRename } from './snapshot-renames.js';
import { getSnapshotRenames } from './snapshot-renames.js';

type Json = Record<string, unknown>;

export interface RenamedSnapshot {
  readonly snapshot: Json;
  readonly objectRenames: readonly ObjectRename[];
}

const SERIAL_TYPES: ReadonlySet<string> = new Set(['serial', 'bigserial', 'smallserial']);
const MAX_NAME_BYTES = 63;

export function renameDrizzleKitSnapshot(previous: Json, plan: RenamePlan, id: string = randomUUID()): RenamedSnapshot {
  const renames = getSnapshotRenames(plan);
  const objectRenames: ObjectRename[] = [];
  const tables: Json = {};
  for (const [key, value] of Object.entries(asObject(previous.tables))) {
    const table = asObject(value);
    const schema = typeof table.schema === 'string' && table.schema !== '' ? table.schema : 'public';
    const oldName = typeof table.name === 'string' ? table.name : key.slice(key.indexOf('.') + 1);
    const newName = renames.table(schema, oldName);
    const column = (name: string) => renames.column(schema, oldName, name);
    const record = (kind: ObjectRename['kind'], from: string, to: string, isGuarded = false) => {
      if (from !== to) objectRenames.push({ kind, schema, table: newName, from, to, isGuarded });
    };
    const rename = (name: string, before: string, after: string) => (name === before ? after : renameEmbedded(name));
    const renameEmbedded = (name: string) => (renames.touches(schema, oldName) ? renames.embedded(schema, oldName, name) : name);

    const columns: Json = {};
    for (const [columnKey, columnValue] of Object.entries(asObject(table.columns))) {
      const entry = { ...asObject(columnValue) };
      const oldColumn = typeof entry.name === 'string' ? entry.name : columnKey;
      const newColumn = column(oldColumn);
      if ('name' in entry) entry.name = newColumn;
      if (isObject(entry.identity) && typeof entry.identity.name === 'string') {
        const from = entry.identity.name;
        const to = rename(from, `${oldName}_${oldColumn}_seq`, `${newName}_${newColumn}_seq`);
        entry.identity = { ...entry.identity, name: to };
        record('sequence', from, to);
      } else if (typeof entry.type === 'string' && SERIAL_TYPES.has(entry.type)) {
        const from = `${oldName}_${oldColumn}_seq`;
        const to = `${newName}_${newColumn}_seq`;
        if (Buffer.byteLength(from) <= MAX_NAME_BYTES && Buffer.byteLength(to) <= MAX_NAME_BYTES) record('sequence', from, to, true);
      }
      if (typeof entry.generated === 'object' && entry.generated !== null && typeof (entry.generated as Json).as === 'string') {
        entry.generated = { ...(entry.generated as Json), as: rewriteTableExpression((entry.generated as Json).as as string, schema, oldName, plan) };
      }
      if (entry.primaryKey === true && Buffer.byteLength(`${newName}_pkey`) <= MAX_NAME_BYTES) record('constraint', `${oldName}_pkey`, `${newName}_pkey`, true);
      columns[newColumn] = entry;
    }

    const indexes: Json = {};
    for (const value of Object.values(asObject(table.indexes))) {
      const index = { ...asObject(value) };
      const parts = asArray(index.columns).map((part) => {
        const entry = { ...asObject(part) };
        if (typeof entry.expression === 'string') {
          entry.expression = entry.isExpression === true ? rewriteTableExpression(entry.expression, schema, oldName, plan) : column(entry.expression);
        }
        return entry;
      });
      const before = asArray(index.columns).map((part) => String(asObject(part).expression));
      const after = parts.map((part) => String(part.expression));
      const from = String(index.name);
      const to = rename(from, `${oldName}_${before.join('_')}_index`, `${newName}_${after.join('_')}_index`);
      if (typeof index.where === 'string') index.where = rewriteTableExpression(index.where, schema, oldName, plan);
      Object.assign(index, { name: to, columns: parts });
      record('index', from, to);
      indexes[to] = index;
    }

    const foreignKeys: Json = {};
    for (const value of Object.values(asObject(table.foreignKeys))) {
      const fk = { ...asObject(value) };
      const schemaTo = typeof fk.schemaTo === 'string' && fk.schemaTo !== '' ? fk.schemaTo : 'public';
      const tableTo = String(fk.tableTo);
      const columnsFrom = asArray(fk.columnsFrom).map(String);
      const columnsTo = asArray(fk.columnsTo).map(String);
      const next = {
        tableFrom: newName,
        columnsFrom: columnsFrom.map(column),
        tableTo: renames.table(schemaTo, tableTo),
        columnsTo: columnsTo.map((name) => renames.column(schemaTo, tableTo, name)),
      };
      const from = String(fk.name);
      const derivedBefore = `${oldName}_${columnsFrom.join('_')}_${tableTo}_${columnsTo.join('_')}_fk`;
      const to = rename(from, derivedBefore, `${next.tableFrom}_${next.columnsFrom.join('_')}_${next.tableTo}_${next.columnsTo.join('_')}_fk`);
      record('constraint', from, to);
      foreignKeys[to] = withPresentKeys(fk, { ...next, name: to });
    }

    const renameKeyed = (group: unknown, suffix: string) => {
      const result: Json = {};
      for (const value of Object.values(asObject(group))) {
        const constraint = { ...asObject(value) };
        const before = asArray(constraint.columns).map(String);
        const after = before.map(column);
        const from = String(constraint.name);
        const to = rename(from, `${oldName}_${before.join('_')}_${suffix}`, `${newName}_${after.join('_')}_${suffix}`);
        record('constraint', from, to);
        result[to] = withPresentKeys(constraint, { name: to, columns: after });
      }
      return result;
    };

    const checkConstraints: Json = {};
    for (const value of Object.values(asObject(table.checkConstraints))) {
      const check = { ...asObject(value) };
      const from = String(check.name);
      const to = renameEmbedded(from);
      record('constraint', from, to);
      checkConstraints[to] = withPresentKeys(check, { name: to, value: typeof check.value === 'string' ? rewriteTableExpression(check.value, schema, oldName, plan) : check.value });
    }

    const policies: Json = {};
    for (const [policyKey, value] of Object.entries(asObject(table.policies))) {
      const policy = { ...asObject(value) };
      for (const field of ['using', 'withCheck'] as const) {
        if (typeof policy[field] === 'string') policy[field] = rewriteTableExpression(policy[field], schema, oldName, plan);
      }
      policies[policyKey] = policy;
    }

    tables[`${schema}.${newName}`] = withPresentKeys(table, {
      name: newName,
      columns,
      indexes,
      foreignKeys,
      compositePrimaryKeys: renameKeyed(table.compositePrimaryKeys, 'pk'),
      uniqueConstraints: renameKeyed(table.uniqueConstraints, 'unique'),
      policies,
      checkConstraints,
    });
  }

  const views: Json = {};
  for (const [key, value] of Object.entries(asObject(previous.views))) {
    const view = { ...asObject(value) };
    if (typeof view.definition === 'string') view.definition = rewriteStatementText(view.definition, plan);
    views[key] = view;
  }
  const policies: Json = {};
  for (const [key, value] of Object.entries(asObject(previous.policies))) {
    const policy = { ...asObject(value) };
    if (typeof policy.on === 'string') policy.on = rewriteOnTarget(policy.on, renames.table);
    policies[key] = policy;
  }

  const meta = getMeta(plan);
  return {
    snapshot: { ...withPresentKeys(previous, { prevId: previous.id, tables, views, policies, _meta: meta }), id },
    objectRenames,
  };
}

/** `_meta` as drizzle-kit writes it after the rename prompts: `"schema"."old"` → `"schema"."new"`. */
function getMeta(plan: RenamePlan): Json {
  const quote = (...parts: string[]) => parts.map((part) => `"${part}"`).join('.');
  const renames = getSnapshotRenames(plan);
  return {
    columns: Object.fromEntries(plan.columns.map((rename) => {
      const table = renames.table(rename.schema, rename.table);
      return [quote(rename.schema, table, rename.from), quote(rename.schema, table, rename.to)];
    })),
    schemas: {},
    tables: Object.fromEntries(plan.tables.map((rename) => [quote(rename.schema, rename.from), quote(rename.schema, rename.to)])),
  };
}

/** A whole statement (a view's definition) rewritten; unchanged when it cannot be tokenized. */
function rewriteStatementText(sql: string, plan: RenamePlan): string {
  try {
    return applyEdits(sql, rewriteSql(sql, plan).edits);
  } catch (error) {
    if (error instanceof Error && error.name === 'SqlScanError') return sql;
    throw error;
  }
}

/** A linked policy's `on` (`"schema"."table"` as drizzle-kit writes it). */
function rewriteOnTarget(on: string, table: (schema: string, name: string) => string): string {
  const match = /^"((?:[^"]|"")*)"\."((?:[^"]|"")*)"$/.exec(on);
  if (!match) return on;
  const schema = (match[1] ?? '').replaceAll('""', '"');
  const name = (match[2] ?? '').replaceAll('""', '"');
  return `"${schema.replaceAll('"', '""')}"."${table(schema, name).replaceAll('"', '""')}"`;
}

/** `object` with `updates` applied to the keys it has; keys it lacks stay absent (the installed drizzle-kit's shape). */
function withPresentKeys(object: Json, updates: Json): Json {
  const result = { ...object };
  for (const [key, value] of Object.entries(updates)) {
    if (key in object) result[key] = value;
  }
  return result;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): Json {
  return isObject(value) ? value : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
