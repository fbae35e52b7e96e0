/**
 * drizzle-kit v1 (PostgreSQL snapshot version 8, `<out>/<timestamp>_<name>/snapshot.json`): the previous snapshot
 * with the renames applied. Its `ddl` is a flat list of entities (`entityType`: tables, columns, indexes, fks, pks,
 * uniques, checks, policies, views, …), each naming its `schema` and `table`. Names drizzle-kit derived
 * (`nameExplicit: false`: `<table>_<columns>_index`, `<table>_<columns>_<tableTo>_<columnsTo>_fkey`, `<table>_pkey`,
 * `<table>_<columns>_unique`) are derived again from the new names; explicit ones follow the word rule.
 * `prevIds` is the previous `id`, `renames` lists the renames as drizzle-kit writes them (`schema.old->schema.new`).
 * Needs `await ensureSqlReady()` first.
 */
import { randomUUID } from 'node:crypto';
import type { RenamePlan } from '../types.js';
import { rewriteTableExpression } from './rewrite-table-expression.js';
import type { ObjectRename } from './snapshot-renames.js';
import { getSnapshotRenames } from './snapshot-renames.js';

type Json = Record<string, unknown>;

export interface RenamedV1Snapshot {
  readonly snapshot: Json;
  readonly objectRenames: readonly ObjectRename[];
}

export function renameDrizzleKitV1Snapshot(previous: Json, plan: RenamePlan, id: string = randomUUID()): RenamedV1Snapshot {
  const renames = getSnapshotRenames(plan);
  const objectRenames: ObjectRename[] = [];
  const ddl = (Array.isArray(previous.ddl) ? previous.ddl : []).map((value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const entity = { ...(value as Json) };
    const schema = typeof entity.schema === 'string' ? entity.schema : 'public';
    if (entity.entityType === 'tables') return { ...entity, name: renames.table(schema, String(entity.name)) };
    if (typeof entity.table !== 'string') return entity;
    const oldTable = entity.table;
    const newTable = renames.table(schema, oldTable);
    const column = (name: string) => renames.column(schema, oldTable, name);
    const columns = (list: unknown) => (Array.isArray(list) ? list.map((name) => column(String(name))) : []);
    /** `derived`: the name drizzle-kit derives before and after the run (null: names are always explicit). */
    const renameName = (kind: ObjectRename['kind'], derived: readonly [string, string] | null) => {
      const from = String(entity.name);
      const to = derived && entity.nameExplicit !== true && from === derived[0] ? derived[1] : renames.touches(schema, oldTable) ? renames.embedded(schema, oldTable, from) : from;
      if (from !== to) objectRenames.push({ kind, schema, table: newTable, from, to, isGuarded: false });
      return to;
    };
    entity.table = newTable;
    switch (entity.entityType) {
      case 'columns':
        return { ...entity, name: column(String(entity.name)) };
      case 'indexes': {
        const parts = (Array.isArray(entity.columns) ? entity.columns : []).map((part: unknown) => {
          const item = { ...(part as Json) };
          if (typeof item.value === 'string') item.value = item.isExpression === true ? rewriteTableExpression(item.value, schema, oldTable, plan) : column(item.value);
          return item;
        });
        const before = (Array.isArray(entity.columns) ? entity.columns : []).map((part: unknown) => String((part as Json).value));
        const after = parts.map((part: Json) => String(part.value));
        const name = renameName('index', [`${oldTable}_${before.join('_')}_index`, `${newTable}_${after.join('_')}_index`]);
        const where = typeof entity.where === 'string' ? rewriteTableExpression(entity.where, schema, oldTable, plan) : entity.where;
        return { ...entity, columns: parts, name, where };
      }
      case 'fks': {
        const schemaTo = typeof entity.schemaTo === 'string' ? entity.schemaTo : 'public';
        const tableTo = String(entity.tableTo);
        const before = (Array.isArray(entity.columns) ? entity.columns : []).map(String);
        const beforeTo = (Array.isArray(entity.columnsTo) ? entity.columnsTo : []).map(String);
        const next = { columns: columns(entity.columns), tableTo: renames.table(schemaTo, tableTo), columnsTo: beforeTo.map((name) => renames.column(schemaTo, tableTo, name)) };
        const derived = [`${oldTable}_${before.join('_')}_${tableTo}_${beforeTo.join('_')}_fkey`, `${newTable}_${next.columns.join('_')}_${next.tableTo}_${next.columnsTo.join('_')}_fkey`] as const;
        return { ...entity, ...next, name: renameName('constraint', derived) };
      }
      case 'pks':
        return { ...entity, columns: columns(entity.columns), name: renameName('constraint', [`${oldTable}_pkey`, `${newTable}_pkey`]) };
      case 'uniques': {
        const before = (Array.isArray(entity.columns) ? entity.columns : []).map(String);
        const after = columns(entity.columns);
        return { ...entity, columns: after, name: renameName('constraint', [`${oldTable}_${before.join('_')}_unique`, `${newTable}_${after.join('_')}_unique`]) };
      }
      case 'checks': {
        const name = renameName('constraint', null);
        return { ...entity, name, ...(typeof entity.value === 'string' ? { value: rewriteTableExpression(entity.value, schema, oldTable, plan) } : {}) };
      }
      case 'policies':
        for (const field of ['using', 'withCheck'] as const) {
          if (typeof entity[field] === 'string') entity[field] = rewriteTableExpression(entity[field], schema, oldTable, plan);
        }
        return entity;
      default:
        return entity;
    }
  });
  const renameList = [
    ...plan.tables.map((rename) => `${rename.schema}.${rename.from}->${rename.schema}.${rename.to}`),
    ...plan.columns.map((rename) => {
      const table = renames.table(rename.schema, rename.table);
      return `${rename.schema}.${table}.${rename.from}->${rename.schema}.${table}.${rename.to}`;
    }),
  ];
  return { snapshot: { ...previous, id, prevIds: [previous.id], ddl, renames: renameList }, objectRenames };
}
