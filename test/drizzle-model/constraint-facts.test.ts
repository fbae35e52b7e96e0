import { describe, expect, it } from 'vitest';
import { getColumnConstraints } from '../../drizzle-model/index.js';
import { probeTables } from './probe-tables.js';

describe('foreign key facts', () => {
  it('reads the target and the actions of inline and extra-config foreign keys, in both forms', () => {
    const code = (extra: string) => `
      import { foreignKey, pgTable, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
      export const posts = pgTable('posts', {
        authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null', onUpdate: "cascade" }),
        parentId: uuid('parent_id').references((): AnyPgColumn => posts.id),
        orgId: uuid('org_id'),
        teamId: uuid('team_id'),
      }, ${extra});`;
    const read = (tables: Parameters<Parameters<typeof probeTables>[1]>[0]) =>
      tables[0]!.foreignKeys.map((fk) => ({
        columns: fk.columns,
        foreignTable: fk.foreignTable,
        foreignColumns: fk.foreignColumns,
        onDelete: fk.onDelete && { value: fk.onDelete.value, hasNode: fk.onDelete.node !== null },
        onUpdate: fk.onUpdate?.value ?? null,
      }));
    const expected = [
      { columns: ['authorId'], foreignTable: 'users', foreignColumns: ['id'], onDelete: { value: 'set null', hasNode: true }, onUpdate: 'cascade' },
      { columns: ['parentId'], foreignTable: 'posts', foreignColumns: ['id'], onDelete: null, onUpdate: null },
      // A template literal is read, but only a string literal gets a node (for fixes).
      { columns: ['orgId', 'teamId'], foreignTable: 'teams', foreignColumns: ['orgId', 'id'], onDelete: { value: 'set default', hasNode: false }, onUpdate: 'restrict' },
    ];
    const fk = "foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onUpdate('restrict').onDelete(`set default`)";
    expect(probeTables(code(`(t) => [${fk}]`), read)).toEqual(expected);
    expect(probeTables(code(`(t) => ({ fk: ${fk} })`), read)).toEqual(expected);
  });

  it('has no target for references it cannot read, and no action for a dynamic one', () => {
    const [fk] = probeTables(
      `import { pgTable, uuid } from 'drizzle-orm/pg-core';
      export const posts = pgTable('posts', { a: uuid('a').references(() => schema.users.id, { onDelete: ACTION }) });`,
      (tables) => tables[0]!.foreignKeys,
    );
    expect([fk!.foreignTable, fk!.foreignColumns, fk!.onDelete]).toEqual([null, [null], null]);
  });
});

describe('getColumnConstraints', () => {
  it('says why a column is NOT NULL and whether the database has a default', () => {
    const facts = probeTables(
      `import { integer, pgTable, primaryKey, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
      const required = (name: string) => text(name).notNull();
      export const t = pgTable('t', {
        id: uuid('id').primaryKey().notNull(),
        a: text('a').notNull(),
        b: required('b'),
        c: text('c').$defaultFn(() => 'x'),
        d: timestamp('d').defaultNow(),
        e: serial('e'),
        f: integer('f').generatedAlwaysAsIdentity(),
        g: uuid('g'),
        h: uuid('h'),
      }, (t) => [primaryKey({ columns: [t.g, t.h] })]);`,
      (tables) =>
        tables[0]!.columns.map((column) => {
          const { notNull, hasDatabaseDefault, identity } = getColumnConstraints(tables[0]!, column);
          const local = notNull && 'link' in notNull ? (notNull.link.node ? ' here' : ' in a helper') : '';
          return `${column.key}: ${notNull ? `${notNull.kind}${local}` : 'nullable'}${hasDatabaseDefault ? ', default' : ''}${identity ? ', identity' : ''}`;
        }),
    );
    expect(facts).toEqual([
      'id: primaryKey here',
      'a: notNull here',
      'b: notNull in a helper',
      'c: nullable',
      'd: nullable, default',
      'e: serial, default',
      'f: identity here, default, identity',
      'g: compositePrimaryKey',
      'h: compositePrimaryKey',
    ]);
  });
});
