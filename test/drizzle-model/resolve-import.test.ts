import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createProject } from '../../drizzle-model/create-project.js';
import { loadModule } from '../../drizzle-model/load-module.js';
import { resolveImport } from '../../drizzle-model/resolve-import.js';
import { writeTree, type Tree } from './write-tree.js';

const trees: Tree[] = [];
afterAll(() => {
  for (const tree of trees) tree.remove();
});
function project(files: Record<string, string>, links: Record<string, string> = {}): Tree {
  const tree = writeTree(files, links);
  trees.push(tree);
  return tree;
}

describe('resolveImport: relative specifiers', () => {
  const tree = project({
    'src/a.ts': '',
    'src/b.tsx': '',
    'src/c.mts': '',
    'src/plain.js': '',
    'src/dir/index.ts': '',
    'src/d.ts': '',
    'src/d/index.ts': '',
  });
  const from = () => tree.file('src/from.ts');

  it('maps .js to .ts, .mjs to .mts, adds extensions, finds folder indexes, prefers a file over a folder', () => {
    expect(resolveImport('./a.js', from())).toBe(tree.file('src/a.ts'));
    expect(resolveImport('./b.js', from())).toBe(tree.file('src/b.tsx'));
    expect(resolveImport('./c.mjs', from())).toBe(tree.file('src/c.mts'));
    expect(resolveImport('./plain.js', from())).toBe(tree.file('src/plain.js'));
    expect(resolveImport('./a', from())).toBe(tree.file('src/a.ts'));
    expect(resolveImport('./dir', from())).toBe(tree.file('src/dir/index.ts'));
    expect(resolveImport('./dir/index.js', from())).toBe(tree.file('src/dir/index.ts'));
    expect(resolveImport('./d', from())).toBe(tree.file('src/d.ts'));
    expect(resolveImport('./missing', from())).toBeNull();
  });

  it('never follows drizzle-orm or node builtins', () => {
    expect(resolveImport('drizzle-orm/pg-core', from())).toBeNull();
    expect(resolveImport('node:fs', from())).toBeNull();
  });
});

describe('resolveImport: tsconfig and jsconfig paths', () => {
  it('uses the longest matching pattern, inherited paths resolve from the declaring config, baseUrl alone works', () => {
    const tree = project({
      'configs/base.json': '{ "compilerOptions": { "paths": { "~/*": ["../src/*"] } } }',
      'tsconfig.json': '{ "extends": ["./configs/base.json"], "compilerOptions": { "baseUrl": "src", "paths": { "@/*": ["*"], "@/db/*": ["database/*"] } } }',
      'src/database/x.ts': '',
      'src/db/x.ts': '',
      'src/lib/y.ts': '',
      'pkg/jsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }',
      'pkg/lib/z.js': '',
    });
    const from = tree.file('src/schema/from.ts');
    expect(resolveImport('@/db/x', from)).toBe(tree.file('src/database/x.ts'));
    expect(resolveImport('@/lib/y.js', from)).toBe(tree.file('src/lib/y.ts'));
    expect(resolveImport('lib/y', from)).toBe(tree.file('src/lib/y.ts'));
    expect(resolveImport('lib/z', tree.file('pkg/from.js'))).toBe(tree.file('pkg/lib/z.js'));

    const child = project({
      'tsconfig.base.json': '{ "compilerOptions": { "paths": { "~/*": ["./src/*"] } } }',
      'app/tsconfig.json': '{ "extends": "../tsconfig.base.json" }',
      'src/db/x.ts': '',
    });
    expect(resolveImport('~/db/x', child.file('app/from.ts'))).toBe(child.file('src/db/x.ts'));
  });

  it('resolves extends that name a package', () => {
    const tree = project({
      'node_modules/@acme/tsconfig/base.json': '{ "compilerOptions": { "baseUrl": "." } }',
      'tsconfig.json': '{ "extends": "@acme/tsconfig/base.json", "compilerOptions": { "baseUrl": "./src" } }',
      'src/lib/y.ts': '',
    });
    expect(resolveImport('lib/y', tree.file('src/from.ts'))).toBe(tree.file('src/lib/y.ts'));
  });
});

describe('resolveImport: packages', () => {
  const tree = project(
    {
      'packages/kit/package.json': JSON.stringify({
        name: '@acme/kit',
        exports: {
          '.': { types: './dist/index.d.ts', import: './src/index.ts', default: './dist/index.js' },
          './cols/*': { types: './src/cols/*.ts' },
          './typed': { types: './dist/typed.d.ts' },
          './package.json': './package.json',
        },
      }),
      'packages/kit/dist/index.d.ts': '',
      'packages/kit/dist/typed.d.ts': '',
      'packages/kit/src/index.ts': '',
      'packages/kit/src/cols/ids.ts': '',
      'packages/old/package.json': '{ "name": "old", "main": "lib/main.js", "types": "src/main" }',
      'packages/old/src/main.ts': '',
      'packages/old/lib/main.js': '',
      'packages/old/src/extra.ts': '',
      'packages/bare/package.json': '{ "name": "bare" }',
      'packages/bare/index.ts': '',
    },
    { 'node_modules/@acme/kit': 'packages/kit', 'node_modules/old': 'packages/old', 'apps/web/node_modules/bare': 'packages/bare' },
  );
  const from = () => tree.file('apps/web/src/schema.ts');

  it('follows exports conditions (a source file over a declaration), subpath patterns, and the real path of the link', () => {
    expect(resolveImport('@acme/kit', from())).toBe(tree.file('packages/kit/src/index.ts'));
    expect(resolveImport('@acme/kit/cols/ids', from())).toBe(tree.file('packages/kit/src/cols/ids.ts'));
    expect(resolveImport('@acme/kit/typed', from())).toBe(tree.file('packages/kit/dist/typed.d.ts'));
    expect(resolveImport('@acme/kit/missing', from())).toBeNull();
  });

  it('without exports: types, then main, then index; subpaths inside the package; the nearest node_modules first', () => {
    expect(resolveImport('old', from())).toBe(tree.file('packages/old/src/main.ts'));
    expect(resolveImport('old/src/extra', from())).toBe(tree.file('packages/old/src/extra.ts'));
    expect(resolveImport('bare', from())).toBe(tree.file('packages/bare/index.ts'));
    expect(resolveImport('bare', tree.file('elsewhere.ts'))).toBeNull();
  });
});

describe('project values: barrels and cycles', () => {
  it('finds a name through `export *` chains and `export { x as y } from`, and ends on cycles', () => {
    const tree = project({
      'a.ts': "export * from './b';\nexport * from './a';\n",
      'b.ts': "export { inner as outer } from './c';\nexport * from './a';\n",
      'c.ts': "import { pgSchema } from 'drizzle-orm/pg-core';\nexport const inner = pgSchema('x');\nexport const loop: unknown = loop2;\nconst loop2 = loop;\n",
      'cycle1.ts': "export { y as x } from './cycle2';\n",
      'cycle2.ts': "export { x as y } from './cycle1';\n",
    });
    const p = createProject();
    const from = tree.file('from.ts');
    expect(p.getImportValue('./a', 'outer', from)).toEqual({ kind: 'schema', dialect: 'pg', schema: 'x', casing: null });
    expect(p.getImportValue('./a', 'nothing', from)).toBeNull();
    expect(p.getImportValue('./c', 'loop', from)).toBeNull();
    expect(p.getImportValue('./cycle1', 'x', from)).toBeNull();
  });
});

describe('loadModule cache', () => {
  it('reuses a parsed module until its file changes on disk', () => {
    const tree = project({ 'm.ts': 'export const a = 1;\n' });
    const file = tree.file('m.ts');
    const first = loadModule(file);
    expect(loadModule(file)).toBe(first);
    fs.writeFileSync(file, 'export const b = 2;\n');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    const second = loadModule(file);
    expect(second).not.toBe(first);
    expect([...second!.exports.keys()]).toEqual(['b']);
    fs.rmSync(file);
    expect(loadModule(file)).toBeNull();
  });

  it('returns null for a file that does not parse', () => {
    const tree = project({ 'bad.ts': 'export const = ;\n' });
    expect(loadModule(tree.file('bad.ts'))).toBeNull();
  });
});
