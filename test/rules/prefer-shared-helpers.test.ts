import path from 'node:path';
import parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule, { type Options } from '../../rules/prefer-shared-helpers.js';
import { ruleTester, settingsFor } from './rule-tester.js';

// Filenames are repo-relative: RuleTester then lints with cwd = process.cwd() (the repo root), the directory
// helperModules are resolved against (for an absolute filename it would use the filesystem root instead).
const DIR = 'test/fixtures/helpers/prefer-shared-helpers';
const SHARED = `${DIR}/shared.schema.ts`;
const MYSQL = `${DIR}/mysql-shared.schema.ts`;
const SQLITE = `${DIR}/sqlite-shared.schema.ts`;
const fixtures = DIR;
const filename = path.join(fixtures, 'notes.schema.ts');
const settings = settingsFor({ helperModules: [SHARED] });

/** `import { …names } from 'drizzle-orm/pg-core';` */
const pg = (...names: string[]) => `import { ${names.join(', ')} } from 'drizzle-orm/pg-core';`;
const PG = pg('pgTable', 'text', 'timestamp', 'uuid');
// The import line once the replaced chain's builder is no longer used (the fix removes it).
const PG_NO_TEXT = pg('pgTable', 'timestamp', 'uuid');
const PG_NO_TIMESTAMP = pg('pgTable', 'text', 'uuid');
const PG_NO_UUID = pg('pgTable', 'text', 'timestamp');
const CREATED_AT = "timestamp('created_at', { precision: 3, mode: 'string' }).defaultNow().notNull()";

/** A schema file: imports, then `notes = pgTable('notes', { columns }, extra?)`. */
function notes(columns: string, head = PG, extra = ''): string {
  return `${head}\n\nexport const notes = pgTable('notes', {\n${columns}\n}${extra ? `, ${extra}` : ''});\n`;
}

/** The expected error on the first occurrence of `chain` in `code` (position derived from the input). */
function at(code: string, chain: string, column: string, helper: string, { table = 'notes', module = SHARED } = {}) {
  const start = code.indexOf(chain);
  if (start < 0) throw new Error(`${chain} is not in the code`);
  const position = (offset: number) => {
    const lines = code.slice(0, offset).split('\n');
    return { line: lines.length, column: lines.at(-1)!.length + 1 };
  };
  const begin = position(start);
  const end = position(start + chain.length);
  return {
    messageId: 'useHelper' as const,
    data: { table, column, helper, module },
    line: begin.line,
    column: begin.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Invalid cases, each built from its input so positions and outputs stay readable.

const PG_INDEX = pg('index', 'pgTable', 'text', 'timestamp', 'uuid');
const createdAtCode = notes(`  id: uuid('id').primaryKey().defaultRandom(),\n  createdAt: ${CREATED_AT},`, PG_INDEX, "(t) => [index('notes_created_at_idx').on(t.createdAt)]");
const updatedAtCode = notes(
  `  createdAt: createdAtColumn(),\n  updatedAt: timestamp("updated_at", { precision: 3, mode: "string" }).notNull().defaultNow(),`,
  `${PG}\nimport { createdAtColumn } from './shared.schema';`,
);
const ownerCode = notes(
  "  ownerId: uuid('owner_id').notNull().references(() => users.id),",
  `${PG}\nimport { users } from './users.schema.js';`,
);
const multilineCode = notes(
  "  ownerId: uuid('owner_id')\n    .notNull()\n    .references(() => users.id, { onDelete: 'cascade' }),",
  `${PG}\nimport { users } from './users.schema';`,
);
const aliasedHelperCode = notes("  title: text('title').notNull(),", `${PG}\nimport { requiredTextColumn as requiredText } from './shared.schema';`);
const namespaceHelperCode = notes("  title: text('title').notNull(),", `${PG}\nimport * as shared from './shared.schema.js';`);
const tsStyleCode = notes("  title: text('title').notNull(),", `${PG}\nimport { users } from './users.schema.ts';`);
const defaultImportCode = notes(`  createdAt: ${CREATED_AT},`, `${PG}\nimport shared from './shared.schema';`);
const parentCode = notes(
  "  parentId: uuid('parent_id').references((): AnyPgColumn => notes.id),",
  "import { pgTable, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';",
);
const primaryKeyCode = notes("  id: uuid('id').notNull().primaryKey(),");
const aliasedDrizzleCode =
  "import { pgTable as table, uuid as id } from 'drizzle-orm/pg-core';\n\nexport const notes = table('notes', {\n  id: id('id').defaultRandom().primaryKey(),\n});\n";
const namespaceDrizzleCode =
  "import * as pg from 'drizzle-orm/pg-core';\n\nexport const notes = pg.pgTable('notes', {\n  title: pg.text('title').notNull(),\n});\n";
const callbackCode =
  `import { index, pgTable } from 'drizzle-orm/pg-core';\n\nexport const notes = pgTable('notes', (t) => ({\n  createdAt: t.${CREATED_AT},\n}), (t) => ({ createdIdx: index('notes_created_at_idx').on(t.createdAt) }));\n`;
const schemaCode =
  "import { pgSchema, text } from 'drizzle-orm/pg-core';\n\nconst career = pgSchema('career');\nexport const jobs = career.table('jobs', {\n  title: text('title').notNull(),\n});\n";
const commentCode = notes("  title: text('title') /* required */ .notNull(),");
const takenNameCode = notes("  title: text('title').notNull(),", `${PG}\n\nconst requiredTextColumn = 'not the helper';`);
const twoColumnsCode = notes(`  createdAt: ${CREATED_AT},\n  title: text('title').notNull(),`);
const nestedFile = path.join(fixtures, 'nested', 'notes.schema.ts');
const nestedCode = notes(`  createdAt: ${CREATED_AT},`);
const mysqlCode =
  "import { mysqlTable, varchar } from 'drizzle-orm/mysql-core';\n\nexport const notes = mysqlTable('notes', {\n  title: varchar('title', { length: 255 }).notNull(),\n});\n";
const sqliteCode =
  "import { sqliteTable, text } from 'drizzle-orm/sqlite-core';\n\nexport const notes = sqliteTable('notes', {\n  title: text('title').notNull(),\n});\n";
const nameless = `timestamp({ precision: 3, mode: 'string' }).defaultNow().notNull()`;

const PACKAGE_HELPERS: Options[0] = {
  helpers: [
    { name: 'createdAtColumn', module: '@acme/db', body: CREATED_AT },
    { name: 'requiredVarchar', module: '@acme/db', body: '(name: string) => varchar(name, { length: 255 }).notNull()', dialect: 'mysql' },
  ],
};
const DEFAULT_NAME_HELPERS: Options[0] = {
  helpers: [
    { name: 'stampColumn', module: '@acme/db', body: "(name = 'created_at') => timestamp(name, { precision: 3, mode: 'string' }).defaultNow().notNull()" },
  ],
};
const TYPED = `${DIR}/typed.schema.ts`;
const typedSettings = settingsFor({ helperModules: [TYPED] });
const PG_TYPED = "import { jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';\nimport { users } from './users.schema';";
const typedAt = (code: string, chain: string, column: string, helper: string) => at(code, chain, column, helper, { module: TYPED });
const keptTypeCode = notes("  tags: jsonb('tags').$type<string[]>(),", PG_TYPED);
const sameTypeCode = notes("  settings: jsonb('settings').$type<Record<string,unknown>>().default({}),", PG_TYPED);
const foreignKeyCode = notes("  userId: uuid('user_id').notNull().references(() => users.id),\n  ownerId: uuid('owner_id').notNull(),", PG_TYPED);
const cascadeCode = notes("  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),", PG_TYPED);
const UPDATED_AT = CREATED_AT.replace('created_at', 'updated_at');
const stampsCode = notes(`  createdAt: ${CREATED_AT},\n  updatedAt: ${UPDATED_AT},\n  at: timestamp('at'),`, `${PG}\nimport { idColumn } from './shared.schema';`);
const insertedAtCode = notes(`  createdAt: ${CREATED_AT},\n  insertedAt: ${CREATED_AT.replace('created_at', 'inserted_at')},`);

ruleTester.run('prefer-shared-helpers', rule, {
  valid: [
    {
      name: 'columns that already use the helpers',
      code: notes(
        "  createdAt: createdAtColumn(),\n  ownerId: requiredUuidColumn('owner_id').references(() => users.id),",
        `${PG}\nimport { createdAtColumn, requiredUuidColumn } from './shared.schema';\nimport { users } from './users.schema';`,
      ),
    },
    ...[
      ['a different precision', "timestamp('created_at', { precision: 6, mode: 'string' }).defaultNow().notNull()"],
      ['an extra config key', "timestamp('created_at', { precision: 3, mode: 'string', withTimezone: true }).defaultNow().notNull()"],
      ['a different name than the helper fixes', "timestamp('inserted_at', { precision: 3, mode: 'string' }).defaultNow().notNull()"],
      ['a helper call missing (no default)', "timestamp('created_at', { precision: 3, mode: 'string' }).notNull()"],
      ['a primary key where only a nullable helper fits', "uuid('owner_id').primaryKey()"],
      ['an array (array() wraps the builder: not additive)', "uuid('tag_ids').array()"],
      ['an array after the helper calls', "text('labels').notNull().array()"],
      ['a name-less column where the helper needs a name', 'text().notNull()'],
      ['a name only a two-parameter helper could build', "text('a_b')"],
    ].map(([name, chain]) => ({ name: `inline chain with ${name}`, code: notes(`  value: ${chain},`), filename, settings })),
    {
      name: 'a second default set before the helper default would win after the rewrite',
      code: notes(
        "  createdAt: timestamp('created_at', { precision: 3, mode: 'string' }).default(sql`now()`).defaultNow().notNull(),",
        `${PG}\nimport { sql } from 'drizzle-orm';`,
      ),
      filename,
      settings,
    },
    {
      name: 'a dynamic name',
      code: notes("  title: text(TITLE).notNull(),", `${PG}\nconst TITLE = 'title';`),
      filename,
      settings,
    },
    {
      name: 'nothing is reported inside the helper module itself',
      code: notes(`  createdAt: ${CREATED_AT},\n  title: text('title').notNull(),`),
      filename: path.join(fixtures, 'shared.schema.ts'),
      settings,
    },
    {
      name: 'a look-alike local pgTable is not Drizzle',
      code: "import { text } from 'drizzle-orm/pg-core';\nfunction pgTable(name: string, columns: object) { return columns; }\nexport const notes = pgTable('notes', { title: text('title').notNull() });\n",
      filename,
      settings,
    },
    {
      name: 'no helper modules and no helpers configured',
      code: notes(`  createdAt: ${CREATED_AT},`),
      filename,
    },
    {
      name: "a helper's $type differs from the column's: not the same column type, never matched",
      code: notes("  settings: jsonb('settings').$type<string[]>(),\n  data: jsonb('data').$type<Record<string, number>>(),", "import { jsonb, pgTable } from 'drizzle-orm/pg-core';"),
      filename,
      settings: settingsFor({ helperModules: [`${DIR}/typed-only.schema.ts`] }),
    },
    {
      name: 'a pg helper does not match a MySQL chain with the same text',
      code: mysqlCode.replace('mysqlTable, varchar', 'mysqlTable, timestamp').replace(`varchar('title', { length: 255 }).notNull()`, CREATED_AT),
      filename,
      settings,
    },
    {
      name: 'a MySQL helper does not match a pg chain with the same text',
      code: notes("  title: varchar('title', { length: 255 }).notNull(),", "import { pgTable, varchar } from 'drizzle-orm/pg-core';"),
      filename,
      settings: settingsFor({ helperModules: [MYSQL] }),
    },
  ],
  invalid: [
    {
      name: "a $type the helper lacks stays after the helper call, type arguments and all (the column's TypeScript type is unchanged)",
      code: keptTypeCode,
      filename,
      settings: typedSettings,
      errors: [typedAt(keptTypeCode, "jsonb('tags').$type<string[]>()", 'tags', 'jsonColumn')],
      output: notes(
        "  tags: jsonColumn('tags').$type<string[]>(),",
        "import { pgTable, uuid } from 'drizzle-orm/pg-core';\nimport { users } from './users.schema';\nimport { jsonColumn } from './typed.schema';",
      ),
    },
    {
      name: 'the same $type as the helper (type arguments compared by their canonical text): the more specific helper wins',
      code: sameTypeCode,
      filename,
      settings: typedSettings,
      errors: [typedAt(sameTypeCode, "jsonb('settings').$type<Record<string,unknown>>().default({})", 'settings', 'settingsColumn')],
      output: notes(
        "  settings: settingsColumn('settings').default({}),",
        "import { pgTable, uuid } from 'drizzle-orm/pg-core';\nimport { users } from './users.schema';\nimport { settingsColumn } from './typed.schema';",
      ),
    },
    {
      name: 'a column with .references() gets the foreign-key helper (the target passed through); among equal bodies the first wins',
      code: foreignKeyCode,
      filename,
      settings: typedSettings,
      errors: [
        typedAt(foreignKeyCode, "uuid('user_id').notNull().references(() => users.id)", 'user_id', 'foreignKeyColumn'),
        typedAt(foreignKeyCode, "uuid('owner_id').notNull()", 'owner_id', 'requiredUuidColumn'),
      ],
      output: [
        notes(
          "  userId: foreignKeyColumn('user_id', () => users.id),\n  ownerId: uuid('owner_id').notNull(),",
          `${PG_TYPED}\nimport { foreignKeyColumn } from './typed.schema';`,
        ),
        notes(
          "  userId: foreignKeyColumn('user_id', () => users.id),\n  ownerId: requiredUuidColumn('owner_id'),",
          "import { jsonb, pgTable } from 'drizzle-orm/pg-core';\nimport { users } from './users.schema';\nimport { foreignKeyColumn, requiredUuidColumn } from './typed.schema';",
        ),
      ],
    },
    {
      name: "a .references() with options the foreign-key helper can't take: the plain helper, the call kept",
      code: cascadeCode,
      filename,
      settings: typedSettings,
      errors: [typedAt(cascadeCode, "uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' })", 'user_id', 'requiredUuidColumn')],
      output: notes(
        "  userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),",
        "import { jsonb, pgTable } from 'drizzle-orm/pg-core';\nimport { users } from './users.schema';\nimport { requiredUuidColumn } from './typed.schema';",
      ),
    },
    {
      name: 'exact body: new import (no relative imports yet: no extension), array extra config kept',
      code: createdAtCode,
      filename,
      settings,
      errors: [at(createdAtCode, "uuid('id').primaryKey().defaultRandom()", 'id', 'idColumn'), at(createdAtCode, CREATED_AT, 'created_at', 'createdAtColumn')],
      output: [
        // Fixes apply in the order of their first edit: removing `timestamp` from the import comes before `, uuid`.
        notes(`  id: uuid('id').primaryKey().defaultRandom(),\n  createdAt: createdAtColumn(),`, `${pg('index', 'pgTable', 'text', 'uuid')}\nimport { createdAtColumn } from './shared.schema';`, "(t) => [index('notes_created_at_idx').on(t.createdAt)]"),
        notes(`  id: idColumn(),\n  createdAt: createdAtColumn(),`, `${pg('index', 'pgTable', 'text')}\nimport { createdAtColumn, idColumn } from './shared.schema';`, "(t) => [index('notes_created_at_idx').on(t.createdAt)]"),
      ],
    },
    {
      name: 'config keys, quotes and call order may differ; merged into the existing import',
      code: updatedAtCode,
      filename,
      settings,
      errors: [at(updatedAtCode, 'timestamp("updated_at", { precision: 3, mode: "string" }).notNull().defaultNow()', 'updated_at', 'updatedAtColumn')],
      output: notes('  createdAt: createdAtColumn(),\n  updatedAt: updatedAtColumn(),', `${PG_NO_TIMESTAMP}\nimport { createdAtColumn, updatedAtColumn } from './shared.schema';`),
    },
    {
      name: 'extra additive calls stay after the helper; .js style of the file kept',
      code: ownerCode,
      filename,
      settings,
      errors: [at(ownerCode, "uuid('owner_id').notNull().references(() => users.id)", 'owner_id', 'requiredUuidColumn')],
      output: notes(
        "  ownerId: requiredUuidColumn('owner_id').references(() => users.id),",
        `${PG_NO_UUID}\nimport { users } from './users.schema.js';\nimport { requiredUuidColumn } from './shared.schema.js';`,
      ),
    },
    {
      name: 'a multi-line chain keeps the layout of its kept calls',
      code: multilineCode,
      filename,
      settings,
      errors: [at(multilineCode, "uuid('owner_id')\n    .notNull()\n    .references(() => users.id, { onDelete: 'cascade' })", 'owner_id', 'requiredUuidColumn')],
      output: notes(
        "  ownerId: requiredUuidColumn('owner_id')\n    .references(() => users.id, { onDelete: 'cascade' }),",
        `${PG_NO_UUID}\nimport { users } from './users.schema';\nimport { requiredUuidColumn } from './shared.schema';`,
      ),
    },
    {
      name: 'already imported under an alias: the local name is used',
      code: aliasedHelperCode,
      filename,
      settings,
      errors: [at(aliasedHelperCode, "text('title').notNull()", 'title', 'requiredTextColumn')],
      output: notes("  title: requiredText('title'),", `${PG_NO_TEXT}\nimport { requiredTextColumn as requiredText } from './shared.schema';`),
    },
    {
      name: 'a namespace import of the helper module is used',
      code: namespaceHelperCode,
      filename,
      settings,
      errors: [at(namespaceHelperCode, "text('title').notNull()", 'title', 'requiredTextColumn')],
      output: notes("  title: shared.requiredTextColumn('title'),", `${PG_NO_TEXT}\nimport * as shared from './shared.schema.js';`),
    },
    {
      name: '.ts style of the file kept',
      code: tsStyleCode,
      filename,
      settings,
      errors: [at(tsStyleCode, "text('title').notNull()", 'title', 'requiredTextColumn')],
      output: notes("  title: requiredTextColumn('title'),", `${PG_NO_TEXT}\nimport { users } from './users.schema.ts';\nimport { requiredTextColumn } from './shared.schema.ts';`),
    },
    {
      name: 'merged next to a default import of the module',
      code: defaultImportCode,
      filename,
      settings,
      errors: [at(defaultImportCode, CREATED_AT, 'created_at', 'createdAtColumn')],
      output: notes('  createdAt: createdAtColumn(),', `${PG_NO_TIMESTAMP}\nimport shared, { createdAtColumn } from './shared.schema';`),
    },
    {
      name: 'a file in a nested folder imports from ../',
      code: nestedCode,
      filename: nestedFile,
      settings,
      errors: [at(nestedCode, CREATED_AT, 'created_at', 'createdAtColumn')],
      output: notes('  createdAt: createdAtColumn(),', `${PG_NO_TIMESTAMP}\nimport { createdAtColumn } from '../shared.schema';`),
    },
    {
      name: 'a bare helper with no calls takes a chain with additive calls',
      code: parentCode,
      filename,
      settings,
      errors: [at(parentCode, "uuid('parent_id').references((): AnyPgColumn => notes.id)", 'parent_id', 'optionalUuidColumn')],
      output: notes(
        "  parentId: optionalUuidColumn('parent_id').references((): AnyPgColumn => notes.id),",
        "import { pgTable, type AnyPgColumn } from 'drizzle-orm/pg-core';\nimport { optionalUuidColumn } from './shared.schema';",
      ),
    },
    {
      name: '.primaryKey() after a NOT NULL helper is kept',
      code: primaryKeyCode,
      filename,
      settings,
      errors: [at(primaryKeyCode, "uuid('id').notNull().primaryKey()", 'id', 'requiredUuidColumn')],
      output: notes("  id: requiredUuidColumn('id').primaryKey(),", `${PG_NO_UUID}\nimport { requiredUuidColumn } from './shared.schema';`),
    },
    {
      name: 'aliased drizzle imports',
      code: aliasedDrizzleCode,
      filename,
      settings,
      errors: [at(aliasedDrizzleCode, "id('id').defaultRandom().primaryKey()", 'id', 'idColumn')],
      output: aliasedDrizzleCode
        .replace("id('id').defaultRandom().primaryKey()", 'idColumn()')
        .replace("{ pgTable as table, uuid as id } from 'drizzle-orm/pg-core';", "{ pgTable as table } from 'drizzle-orm/pg-core';\nimport { idColumn } from './shared.schema';"),
    },
    {
      name: 'a namespace drizzle import',
      code: namespaceDrizzleCode,
      filename,
      settings,
      errors: [at(namespaceDrizzleCode, "pg.text('title').notNull()", 'title', 'requiredTextColumn')],
      output: namespaceDrizzleCode
        .replace("pg.text('title').notNull()", "requiredTextColumn('title')")
        .replace("pg-core';", "pg-core';\nimport { requiredTextColumn } from './shared.schema';"),
    },
    {
      name: 'the columns callback and the object form of the extra config',
      code: callbackCode,
      filename,
      settings,
      errors: [at(callbackCode, `t.${CREATED_AT}`, 'created_at', 'createdAtColumn')],
      output: callbackCode.replace(`t.${CREATED_AT}`, 'createdAtColumn()').replace("pg-core';", "pg-core';\nimport { createdAtColumn } from './shared.schema';"),
    },
    {
      name: 'a pgSchema table is named schema-qualified',
      code: schemaCode,
      filename,
      settings,
      errors: [at(schemaCode, "text('title').notNull()", 'title', 'requiredTextColumn', { table: 'career.jobs' })],
      output: schemaCode
        .replace("text('title').notNull()", "requiredTextColumn('title')")
        .replace("{ pgSchema, text } from 'drizzle-orm/pg-core';", "{ pgSchema } from 'drizzle-orm/pg-core';\nimport { requiredTextColumn } from './shared.schema';"),
    },
    {
      name: 'a comment in a replaced part would be lost: reported without a fix',
      code: commentCode,
      filename,
      settings,
      errors: [at(commentCode, "text('title') /* required */ .notNull()", 'title', 'requiredTextColumn')],
      output: null,
    },
    {
      name: 'the helper name is taken in the file: reported without a fix',
      code: takenNameCode,
      filename,
      settings,
      errors: [at(takenNameCode, "text('title').notNull()", 'title', 'requiredTextColumn')],
      output: null,
    },
    {
      name: 'two helpers imported over two fix passes',
      code: twoColumnsCode,
      filename,
      settings,
      errors: [at(twoColumnsCode, CREATED_AT, 'created_at', 'createdAtColumn'), at(twoColumnsCode, "text('title').notNull()", 'title', 'requiredTextColumn')],
      output: [
        // Each fix also drops its builder's import; the one whose first edit comes first (`text`) applies first.
        notes(`  createdAt: ${CREATED_AT},\n  title: requiredTextColumn('title'),`, `${PG_NO_TEXT}\nimport { requiredTextColumn } from './shared.schema';`),
        notes(`  createdAt: createdAtColumn(),\n  title: requiredTextColumn('title'),`, `${pg('pgTable', 'uuid')}\nimport { requiredTextColumn, createdAtColumn } from './shared.schema';`),
      ],
    },
    {
      name: "autofix 'all' (a bulk run): the first report carries one fix for the whole file, so one pass applies all",
      code: twoColumnsCode,
      filename,
      settings: settingsFor({ helperModules: [SHARED], autofix: 'all' }),
      errors: [at(twoColumnsCode, CREATED_AT, 'created_at', 'createdAtColumn'), at(twoColumnsCode, "text('title').notNull()", 'title', 'requiredTextColumn')],
      output: notes(`  createdAt: createdAtColumn(),\n  title: requiredTextColumn('title'),`, `${pg('pgTable', 'uuid')}\nimport { createdAtColumn, requiredTextColumn } from './shared.schema';`),
    },
    {
      name: "autofix 'all': helpers merged into an existing import; a builder still used elsewhere keeps its import",
      code: stampsCode,
      filename,
      settings: settingsFor({ helperModules: [SHARED], autofix: 'all' }),
      errors: [at(stampsCode, CREATED_AT, 'created_at', 'createdAtColumn'), at(stampsCode, UPDATED_AT, 'updated_at', 'updatedAtColumn')],
      output: notes(`  createdAt: createdAtColumn(),\n  updatedAt: updatedAtColumn(),\n  at: timestamp('at'),`, `${PG}\nimport { idColumn, createdAtColumn, updatedAtColumn } from './shared.schema';`),
    },
    ...(
      [
        ['preserve', settingsFor({ helperModules: [SHARED], casing: 'preserve' }), 'createdAt', PG, PG_NO_TIMESTAMP, 'pgTable'],
        ['snake_case', settingsFor({ helperModules: [SHARED], casing: 'snake_case' }), 'created_at', PG, PG_NO_TIMESTAMP, 'pgTable'],
        ['camelCase', settingsFor({ helperModules: [SHARED], casing: 'camelCase' }), 'createdAt', PG, PG_NO_TIMESTAMP, 'pgTable'],
        ['snakeCase.table', settings, 'created_at', pg('snakeCase', 'timestamp'), pg('snakeCase'), 'snakeCase.table'],
      ] as const
    ).map(([casing, caseSettings, dbName, head, fixedHead, tableFn]) => {
      const code = notes(`  createdAt: ${nameless},`, head).replace('pgTable(', `${tableFn}(`);
      return {
        name: `a name-less column matches a name-less helper (${casing})`,
        code,
        filename,
        settings: caseSettings,
        errors: [at(code, nameless, dbName, 'auditTimestampColumn')],
        output: notes('  createdAt: auditTimestampColumn(),', `${fixedHead}\nimport { auditTimestampColumn } from './shared.schema';`).replace('pgTable(', `${tableFn}(`),
      };
    }),
    {
      name: 'MySQL helpers match MySQL tables',
      code: mysqlCode,
      filename,
      settings: settingsFor({ helperModules: [SHARED, MYSQL] }),
      errors: [at(mysqlCode, "varchar('title', { length: 255 }).notNull()", 'title', 'requiredVarcharColumn', { module: MYSQL })],
      output: mysqlCode
        .replace("varchar('title', { length: 255 }).notNull()", "requiredVarcharColumn('title')")
        .replace('{ mysqlTable, varchar }', '{ mysqlTable }')
        .replace("mysql-core';", "mysql-core';\nimport { requiredVarcharColumn } from './mysql-shared.schema';"),
    },
    {
      name: 'SQLite helpers match SQLite tables (not the pg helper of the same name)',
      code: sqliteCode,
      filename,
      settings: settingsFor({ helperModules: [SHARED, SQLITE] }),
      errors: [at(sqliteCode, "text('title').notNull()", 'title', 'requiredTextColumn', { module: SQLITE })],
      output: sqliteCode
        .replace("text('title').notNull()", "requiredTextColumn('title')")
        .replace('{ sqliteTable, text }', '{ sqliteTable }')
        .replace("sqlite-core';", "sqlite-core';\nimport { requiredTextColumn } from './sqlite-shared.schema';"),
    },
    {
      name: 'explicit helpers from a package (pg)',
      code: notes(`  createdAt: ${CREATED_AT},`),
      filename,
      options: [PACKAGE_HELPERS],
      errors: [at(notes(`  createdAt: ${CREATED_AT},`), CREATED_AT, 'created_at', 'createdAtColumn', { module: '@acme/db' })],
      output: notes('  createdAt: createdAtColumn(),', `${PG_NO_TIMESTAMP}\nimport { createdAtColumn } from '@acme/db';`),
    },
    {
      name: 'explicit helpers from a package (a MySQL helper taking the name)',
      code: mysqlCode,
      filename,
      options: [PACKAGE_HELPERS],
      errors: [at(mysqlCode, "varchar('title', { length: 255 }).notNull()", 'title', 'requiredVarchar', { module: '@acme/db' })],
      output: mysqlCode
        .replace("varchar('title', { length: 255 }).notNull()", "requiredVarchar('title')")
        .replace('{ mysqlTable, varchar }', '{ mysqlTable }')
        .replace("mysql-core';", "mysql-core';\nimport { requiredVarchar } from '@acme/db';"),
    },
    {
      name: 'an explicit helper given by file path gets a relative import',
      code: ownerCode,
      filename,
      options: [{ helpers: [{ name: 'requiredUuidColumn', module: `./${SHARED}`, body: '(name: string) => uuid(name).notNull()' }] }],
      errors: [at(ownerCode, "uuid('owner_id').notNull().references(() => users.id)", 'owner_id', 'requiredUuidColumn', { module: `./${SHARED}` })],
      output: notes(
        "  ownerId: requiredUuidColumn('owner_id').references(() => users.id),",
        `${PG_NO_UUID}\nimport { users } from './users.schema.js';\nimport { requiredUuidColumn } from './shared.schema.js';`,
      ),
    },
    {
      name: 'a helper whose name parameter has a default: omitted when the name is the default',
      code: insertedAtCode,
      filename,
      options: [DEFAULT_NAME_HELPERS],
      errors: [
        at(insertedAtCode, CREATED_AT, 'created_at', 'stampColumn', { module: '@acme/db' }),
        at(insertedAtCode, CREATED_AT.replace('created_at', 'inserted_at'), 'inserted_at', 'stampColumn', { module: '@acme/db' }),
      ],
      output: [
        notes(`  createdAt: stampColumn(),\n  insertedAt: ${CREATED_AT.replace('created_at', 'inserted_at')},`, `${PG}\nimport { stampColumn } from '@acme/db';`),
        notes("  createdAt: stampColumn(),\n  insertedAt: stampColumn('inserted_at'),", `${PG_NO_TIMESTAMP}\nimport { stampColumn } from '@acme/db';`),
      ],
    },
    {
      name: 'of two fitting helpers the one with more calls wins',
      code: notes(`  createdAt: ${CREATED_AT},`),
      filename,
      settings,
      options: [{ helpers: [{ name: 'requiredStamp', module: '@acme/db', body: "(name: string) => timestamp(name, { precision: 3, mode: 'string' }).notNull()" }] }],
      errors: [at(notes(`  createdAt: ${CREATED_AT},`), CREATED_AT, 'created_at', 'createdAtColumn')],
      output: notes('  createdAt: createdAtColumn(),', `${PG_NO_TIMESTAMP}\nimport { createdAtColumn } from './shared.schema';`),
    },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// Configuration errors surface as a lint message or a thrown error, never as a silently disabled rule.

function lint(helperModules: string[], options: Options[0] = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
  return linter.verify(
    notes(`  createdAt: ${CREATED_AT},`),
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: parser as Linter.Parser },
        plugins: { 'drizzle-schema': { rules: { 'prefer-shared-helpers': rule as never } } },
        rules: { 'drizzle-schema/prefer-shared-helpers': ['error', options] },
        settings: settingsFor({ helperModules }),
      },
    ],
    filename,
  );
}

describe('prefer-shared-helpers configuration errors', () => {
  it('reports a helper module that does not exist once, at line 1, instead of throwing', () => {
    const messages = lint([`${DIR}/missing.schema.ts`]);
    expect(messages.map((m) => [m.line, m.column, m.message])).toEqual([
      [
        1,
        1,
        `eslint-plugin-drizzle-schema: settings['drizzle-schema'].helperModules: ${JSON.stringify(`${DIR}/missing.schema.ts`)} was not found, neither from ESLint's working directory (${process.cwd()}) nor from any folder above this file. Give a path relative to the folder ESLint runs in (where eslint.config.* is), or remove the entry: helpers imported by schema files are found without it.`,
      ],
    ]);
  });

  it('throws when an explicit helper body is not a column builder chain', () => {
    expect(() => lint([], { helpers: [{ name: 'x', module: '@acme/db', body: '42' }] })).toThrow(
      'eslint-plugin-drizzle-schema: prefer-shared-helpers option helpers[0] (x): the body "42" is not a Drizzle column builder chain',
    );
  });

  it('throws when an explicit helper body does not parse', () => {
    expect(() => lint([], { helpers: [{ name: 'y', module: '@acme/db', body: "uuid('id'" }] })).toThrow(
      /^eslint-plugin-drizzle-schema: the body of helper y does not parse: /,
    );
  });

  it('reports through ESLint\'s Linter with the full message', () => {
    expect(lint([SHARED]).map((m) => m.message)).toEqual([
      `notes.created_at repeats the body of createdAtColumn from ${SHARED}; use createdAtColumn(...)`,
    ]);
  });
});
