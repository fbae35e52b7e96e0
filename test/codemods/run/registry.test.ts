import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeTransform } from '../../../codemods/transforms/code.js';
import { codeFileTransforms, codeTransforms, getTransformsFor, sqlTransforms } from '../../../codemods/transforms/index.js';
import { sqlFileTransform } from '../../../codemods/transforms/sql-file.js';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../codemods/transforms');

describe('transform registry', () => {
  it('registers every transform module of the folder', () => {
    const modules = readdirSync(folder).filter((name) => name.endsWith('.ts') && name !== 'index.ts').map((name) => name.replace(/\.ts$/, '')).sort();
    expect(['code', 'sql-file', ...codeTransforms.map((entry) => entry.name)].sort()).toEqual(modules);
    expect(codeFileTransforms).toEqual([codeTransform]);
    expect(sqlTransforms).toEqual([sqlFileTransform]);
  });

  it('picks transforms by file kind', () => {
    for (const file of ['a.ts', 'a.tsx', 'a.mts', 'a.cjs', 'a.jsx']) expect(getTransformsFor(file)).toEqual([codeTransform]);
    expect(getTransformsFor('db/seed.sql')).toEqual([sqlFileTransform]);
    expect(getTransformsFor('README.md')).toEqual([]);
  });
});
