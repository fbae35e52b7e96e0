import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../../codemods/edits.js';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import { sqlFileTransform } from '../../../codemods/transforms/sql-file.js';
import { ParseError } from '../../../codemods/types.js';
import { plan } from './plan-fixture.js';

const fixtureDir = join(import.meta.dirname, 'fixtures');
const inputs = readdirSync(fixtureDir)
  .filter((file) => file.endsWith('.input.sql'))
  .sort();

beforeAll(async () => {
  await ensureSqlReady();
});

describe('sqlFileTransform', () => {
  it('finds fixtures', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(3);
  });

  it.each(inputs)('%s', (input) => {
    const name = basename(input, '.input.sql');
    const source = readFileSync(join(fixtureDir, input), 'utf8');
    const expected = readFileSync(join(fixtureDir, `${name}.output.sql`), 'utf8');
    const expectedReview: unknown = JSON.parse(readFileSync(join(fixtureDir, `${name}.review.json`), 'utf8'));
    const result = sqlFileTransform({ source, path: input, plan });
    const output = applyEdits(source, result.edits);
    expect(output).toBe(expected);
    expect(result.review).toEqual(expectedReview);
    // A second run finds nothing left to rename.
    expect(sqlFileTransform({ source: output, path: input, plan }).edits).toEqual([]);
  });

  it('throws ParseError for text that is not SQL', () => {
    expect(() => sqlFileTransform({ source: "select 'unterminated", path: 'broken.sql', plan })).toThrow(ParseError);
  });
});
