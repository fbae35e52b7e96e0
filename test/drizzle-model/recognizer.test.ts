import { describe, expect, it } from 'vitest';
import { collectFacts } from './collect-facts.js';

describe('recognizer', () => {
  it('reads named imports, both column forms and the array form of the third argument', () => {
    const facts = collectFacts(`
      import { pgTable, uuid, text, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
      export const users = pgTable('users', {
        id: uuid('id').primaryKey().defaultRandom(),
        email: text().notNull().unique(),
      });
      export const posts = pgTable('posts', (t) => ({
        id: t.uuid().primaryKey().defaultRandom(),
        authorId: uuid('author_id').references(() => users.id, { onDelete: 'cascade' }),
        createdAt: timestamp('created_at', { precision: 3, mode: 'string' }).defaultNow(),
      }), (t) => [index('posts_author_id_idx').on(t.authorId), uniqueIndex().on(t.createdAt.desc()).where(sql\`true\`)]);
    `);
    expect(facts).toEqual([
      {
        name: 'users', schema: null, dialect: 'pg', variable: 'users', opaque: 0, spread: [],
        columns: ['id→id uuid.primaryKey.defaultRandom', 'email→email text.notNull.unique'],
        indexes: ['primaryKey[id]', 'unique[email]'],
        foreignKeys: [],
      },
      {
        name: 'posts', schema: null, dialect: 'pg', variable: 'posts', opaque: 0, spread: [],
        columns: ['id→id uuid.primaryKey.defaultRandom', 'authorId→author_id uuid.references', 'createdAt→created_at timestamp.defaultNow {config}'],
        indexes: ['primaryKey[id]', 'index(posts_author_id_idx)[authorId]', 'uniqueIndex[createdAt] partial'],
        foreignKeys: ['column[authorId]'],
      },
    ]);
  });

  it('resolves aliases, namespaces, schemas, creators and drizzle 1.0 casing tables; ignores look-alikes', () => {
    const facts = collectFacts(
      `
      import { pgTable as table, pgSchema, pgTableCreator, snakeCase, text as t } from 'drizzle-orm/pg-core';
      import * as m from 'drizzle-orm/mysql-core';
      const career = pgSchema('career');
      const create = pgTableCreator((name) => \`app_\${name}\`);
      export const a = table('a', { someName: t() });
      export const b = career.table('b', { someName: t() }, (x) => ({ pk: m.primaryKey({ columns: [x.someName] }) }));
      export const c = create('c', { someName: t() });
      export const d = snakeCase.table('d', { someName: t() });
      export const e = m.mysqlTable('e', { someName: m.varchar({ length: 3 }) });
      function pgTable(n: string, c: object) { return c; }
      export const f = pgTable('f', { x: t() });
    `,
      { settings: { 'drizzle-schema': { casing: 'camelCase' } } },
    );
    expect(facts.map((f) => [f.name, f.schema, f.dialect, f.columns])).toEqual([
      ['a', null, 'pg', ['someName→someName text']],
      ['b', 'career', 'pg', ['someName→someName text']],
      ['app_c', null, 'pg', ['someName→someName text']],
      ['d', null, 'pg', ['someName→some_name text']],
      ['e', null, 'mysql', ['someName→someName varchar {config}']],
    ]);
  });

  it('understands local helpers, and reads a local spread of shared columns', () => {
    const facts = collectFacts(`
      import { pgTable, uuid, timestamp, foreignKey, primaryKey } from 'drizzle-orm/pg-core';
      const requiredUuid = (name: string) => uuid(name).notNull();
      function createdAt(name = 'created_at') { return timestamp(name, { precision: 3 }).defaultNow(); }
      const timestamps = { updatedAt: timestamp('updated_at') };
      export const t1 = pgTable('t1', {
        id: requiredUuid('id').primaryKey(),
        ownerId: requiredUuid('owner_id'),
        createdAt: createdAt(),
        ...timestamps,
      }, (t) => {
        return [foreignKey({ columns: [t.ownerId], foreignColumns: [t.id] }).onDelete('cascade'), primaryKey({ columns: [t.id, t.ownerId] })];
      });
    `);
    expect(facts[0]).toMatchObject({
      columns: [
        'id→id uuid.notNull.primaryKey via requiredUuid',
        'ownerId→owner_id uuid.notNull via requiredUuid',
        'createdAt→created_at timestamp.defaultNow via createdAt {config}',
      ],
      opaque: 1,
      spread: ['updatedAt→updated_at timestamp from timestamps'],
      indexes: ['primaryKey[id]', 'primaryKey[id,ownerId]'],
      foreignKeys: ['extraConfig[ownerId]'],
    });
  });

  it('marks name arguments whose value is not static, directly and through a helper', () => {
    const facts = collectFacts(`
      import { pgTable, uuid, text } from 'drizzle-orm/pg-core';
      const ID = 'id';
      const named = (name: string) => text(name).notNull();
      export const t2 = pgTable('t2', {
        id: uuid(ID).primaryKey(),
        ownerId: uuid(\`\${ID}_owner\`),
        label: named(ID),
        title: named('title'),
        body: text(),
      });
    `);
    expect(facts[0]?.columns).toEqual([
      'id→id uuid.primaryKey <dynamic name>',
      'ownerId→ownerId uuid <dynamic name>',
      'label→label text.notNull via named <dynamic name>',
      'title→title text.notNull via named',
      'body→body text',
    ]);
  });
});

describe('recognizer cache', () => {
  it('recomputes facts when the same parsed file is linted with other settings', async () => {
    const { Linter } = await import('eslint');
    const parser = (await import('@typescript-eslint/parser')).default;
    const { getDrizzleTables } = await import('../../drizzle-model/index.js');
    const code = "import { pgTable, text } from 'drizzle-orm/pg-core';\nexport const t = pgTable('t', { someName: text() });\n";
    const seen: string[] = [];
    const probe = {
      meta: { type: 'problem' as const, messages: {}, schema: [] },
      create(context: never) {
        return { 'Program:exit': () => void seen.push(getDrizzleTables(context)[0]!.columns[0]!.dbName) };
      },
    };
    const linter = new Linter({ configType: 'flat' });
    const config = (casing: string) => ({
      files: ['**/*.ts'],
      languageOptions: { parser: parser as never },
      plugins: { probe: { rules: { probe: probe as never } } },
      rules: { 'probe/probe': 'error' as const },
      settings: { 'drizzle-schema': { casing } },
    });
    linter.verify(code, config('preserve'), 'a.ts');
    const sourceCode = linter.getSourceCode();
    linter.verify(sourceCode, config('snake_case'), 'a.ts');
    expect(seen).toEqual(['someName', 'some_name']);
  });
});
