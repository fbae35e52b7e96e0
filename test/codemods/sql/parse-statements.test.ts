import { loadModule } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSqlStatements } from '../../../codemods/sql/parse-statements.js';

beforeAll(async () => {
  await loadModule();
});

describe('parseSqlStatements', () => {
  it('parses a valid file in one go and keeps each statement with its line', () => {
    const sql = 'create table a (id int);\n-- a comment; with a semicolon\ncreate function f() returns int as $$ select 1; $$ language sql;\n';
    const { statements, warnings } = parseSqlStatements(sql, 'm/0001_a.sql');
    expect(warnings).toEqual([]);
    expect(statements.map((statement) => [statement.line, Object.keys(statement.stmt ?? {})[0]])).toEqual([
      [1, 'CreateStmt'],
      [3, 'CreateFunctionStmt'],
    ]);
    expect(statements[1]!.text).toBe('create function f() returns int as $$ select 1; $$ language sql');
  });

  it('places the statements of a valid file where the parser says, in characters (not UTF-8 bytes), as a scan would', () => {
    const sql = "-- café ☕\ncreate table \"menü\" (id int); -- trailing\n/* block é */\ninsert into \"menü\" values (1);\n\n  select 'ü'\n";
    const { statements } = parseSqlStatements(sql, 'm.sql');
    expect(statements.map(({ line, text }) => [line, text])).toEqual([
      [2, 'create table "menü" (id int)'],
      [4, 'insert into "menü" values (1)'],
      [6, "select 'ü'"],
    ]);
    for (const statement of statements) expect(sql.slice(statement.start, statement.end)).toBe(statement.text);
    // A last statement followed by a comment, and drizzle-kit breakpoints between statements: the same texts.
    const tail = parseSqlStatements('select 1;\n--> statement-breakpoint\nselect 2 -- done\n', 'm.sql');
    expect(tail.statements.map(({ line, text }) => [line, text])).toEqual([
      [1, 'select 1'],
      [3, 'select 2'],
    ]);
  });

  it('skips only the statement that does not parse, naming file and line', () => {
    const sql = 'create table a (id int);\nalter table a add constraint if not exists a_pk primary key (id);\ncreate table b (id int);';
    const { statements, warnings } = parseSqlStatements(sql, 'supabase/migrations/2024_x.sql');
    expect(statements.map((statement) => statement.stmt === null)).toEqual([false, true, false]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^supabase\/migrations\/2024_x\.sql:2: statement skipped, it does not parse \(syntax error at or near "exists"\)$/);
  });

  it('an unterminated quote yields no statements and one warning', () => {
    const { statements, warnings } = parseSqlStatements("select 'oops", 'x.sql');
    expect(statements).toEqual([]);
    expect(warnings[0]).toMatch(/^x\.sql:1: skipped/);
  });

  it("splits drizzle-kit's statement breakpoints, also where the `;` before them is missing", () => {
    const sql = 'CREATE TABLE "a" ("id" int)\n--> statement-breakpoint\nCREATE TABLE "b" ("id" int);\n--> statement-breakpoint\nCREATE INDEX "b_id_idx" ON "b" ("id");';
    const { statements, warnings } = parseSqlStatements(sql, 'drizzle/0000_init.sql');
    expect(warnings).toEqual([]);
    expect(statements.map((statement) => [statement.line, Object.keys(statement.stmt ?? {})[0]])).toEqual([
      [1, 'CreateStmt'],
      [3, 'CreateStmt'],
      [5, 'IndexStmt'],
    ]);
  });
});
