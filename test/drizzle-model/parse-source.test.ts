/**
 * `parseSource` (oxc-parser + one normalizing pass) must give the AST typescript-estree gives: the rename transforms
 * and the Drizzle recognizer were written for typescript-estree's shape, and the lint rules get it from ESLint. Every
 * node of the repository's Drizzle-shaped code (fixtures, the example app) and of its own sources is compared
 * key by key, ranges included.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { parseSource, SourceSyntaxError } from '../../drizzle-model/parse-source.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const IGNORED_KEYS = new Set(['parent', 'loc', 'tokens', 'comments']);

/** The first difference between two ASTs as `path: a vs b`, or null when they are the same. */
function getFirstDifference(a: unknown, b: unknown, at: string): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // A RegExp literal's value: compared by its source text.
    if (a instanceof RegExp && b instanceof RegExp && String(a) === String(b)) return null;
    return `${at}: ${String(a)} vs ${String(b)}`;
  }
  if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b) ? null : `${at}: ${String(a)} vs ${String(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (IGNORED_KEYS.has(key)) continue;
    const left = (a as Record<string, unknown>)[key];
    const right = (b as Record<string, unknown>)[key];
    const type = (a as { type?: string }).type;
    // A tagged template with an invalid escape (`String.raw\`\\1\``): oxc follows the language (`cooked: null`).
    if (key === 'cooked' && right === null) continue;
    const difference = getFirstDifference(left, right, `${at}${type ? `(${type})` : ''}.${key}`);
    if (difference) return difference;
  }
  return null;
}

/** Drizzle-shaped code (fixtures, the example app) and this package's own sources: about 300 files. */
function getRepositoryFiles(): string[] {
  const patterns = ['*.ts', '*.tsx', '*.mts', '*.js', '*.mjs'];
  const folders = ['examples', 'test/fixtures', 'test/codemods/transforms/__fixtures__', 'test/e2e', 'codemods', 'drizzle-model', 'rules', 'bench'];
  const pathspecs = folders.flatMap((folder) => patterns.map((pattern) => `${folder}/${pattern}`));
  const listed = execFileSync('git', ['ls-files', '-z', '--', ...pathspecs], { cwd: REPO, encoding: 'utf8' });
  return listed
    .split('\0')
    .filter((file) => file !== '' && fs.existsSync(path.join(REPO, file)))
    .filter((file) => !file.startsWith('bench/results/'));
}

describe('parseSource', () => {
  it('gives typescript-estree’s AST for the fixtures, the example app and this package’s sources', () => {
    const files = getRepositoryFiles();
    expect(files.length).toBeGreaterThan(250);
    const differences: string[] = [];
    let compared = 0;
    for (const file of files) {
      const source = fs.readFileSync(path.join(REPO, file), 'utf8');
      let expected: unknown;
      try {
        expected = parse(source, { range: true, comment: true, jsx: /\.(?:tsx|jsx|js|mjs|cjs)$/.test(file), filePath: file });
      } catch {
        // Deliberately broken fixtures: both parsers must refuse them.
        expect(() => parseSource(source, file), file).toThrow(SourceSyntaxError);
        continue;
      }
      const actual = parseSource(source, file);
      compared++;
      const difference = getFirstDifference(expected, actual, file);
      if (difference) differences.push(difference);
      const expectedComments = (expected as { comments: Array<{ type: string; value: string; range: [number, number] }> }).comments;
      expect(actual.comments.map(({ type, value, range }) => ({ type, value, range })), file).toEqual(expectedComments.map(({ type, value, range }) => ({ type, value, range })));
    }
    expect(compared).toBeGreaterThan(250);
    expect(differences).toEqual([]);
  });

  it('sets parent links as ESLint does', () => {
    const program = parseSource("import { pgTable, uuid } from 'drizzle-orm/pg-core';\nexport const notes = pgTable('notes', { id: uuid() });\n", 'notes.ts');
    const declaration = program.body[1]!;
    expect(declaration.parent).toBe(program);
    expect(program.parent).toBeUndefined();
  });

  it('reports the first syntax error with its line and column', () => {
    expect(() => parseSource('const a = 1;\nconst b = ;\n', 'broken.ts')).toThrow(new SourceSyntaxError(2, 11, 'Unexpected token'));
  });

  it('parses JSX in .tsx and JavaScript files, and type assertions in .ts files', () => {
    expect(parseSource('export const a = <div>{1}</div>;', 'a.tsx').body).toHaveLength(1);
    expect(parseSource('export const a = <div>{1}</div>;', 'a.js').body).toHaveLength(1);
    expect(parseSource('export const a = <string>b;', 'a.ts').body).toHaveLength(1);
  });

  it('never hands oxc-parser source nested deeper than its native stack takes: a RangeError, never a crash', () => {
    // 6,000 nested brackets kill a process that hands them to oxc-parser (SIGSEGV); 2,000 parse.
    const nested = (depth: number) => `export const nested = ${'['.repeat(depth)}${']'.repeat(depth)};\n`;
    const program = parseSource(nested(2_000), 'nested.ts');
    expect(program.body[0]!.parent).toBe(program);
    // Past 2,500, typescript-estree takes the file; it gives up with a RangeError, which callers report.
    expect(() => parseSource(nested(6_000), 'nested.ts')).toThrow(RangeError);
    // And a generated-types shape with thousands of optional members stays on the fast path and parses alike.
    const types = `export type Row = {\n${Array.from({ length: 5_000 }, (_, index) => `  c${index}?: string | null;`).join('\n')}\n};\n`;
    expect(getFirstDifference(parse(types, { range: true, comment: true }), parseSource(types, 'types.ts'), 'types.ts')).toBeNull();
  });
});
