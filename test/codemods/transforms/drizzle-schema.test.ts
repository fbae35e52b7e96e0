import { describe, expect, it } from 'vitest';
import { drizzleSchemaTransform, findDrizzleTableNames } from '../../../codemods/transforms/drizzle-schema.js';
import { ParseError } from '../../../codemods/types.js';
import { runFixtures } from './run-fixtures.js';

runFixtures('drizzle-schema', drizzleSchemaTransform);

describe('findDrizzleTableNames', () => {
  it('lists the Drizzle tables of a file with their schema, not look-alikes', () => {
    const source = [
      "import { pgSchema, pgTable as table, uuid } from 'drizzle-orm/pg-core';",
      "const career = pgSchema('career');",
      "export const users = table('users', { id: uuid('id') });",
      "export const jobs = career.table('jobs', { id: uuid('id') });",
      'function pgTable(name: string) { return name; }',
      "export const fake = pgTable('not_a_table');",
    ].join('\n');
    expect(findDrizzleTableNames(source, 'schema.ts')).toEqual([
      { schema: 'public', name: 'users', variableName: 'users' },
      { schema: 'career', name: 'jobs', variableName: 'jobs' },
    ]);
  });

  it('throws a ParseError with the line for a file that does not parse', () => {
    expect(() => findDrizzleTableNames("import x from 'y';\nconst = 1;", 'broken.ts')).toThrow(ParseError);
    expect(() => findDrizzleTableNames("import x from 'y';\nconst = 1;", 'broken.ts')).toThrow(/^broken\.ts: line 2, column 7: /);
  });
});
