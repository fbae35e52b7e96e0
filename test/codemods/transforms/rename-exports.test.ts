/**
 * `--rename-exports` on multi-file fixtures: `__fixtures__/rename-exports/<case>/input/` is a small TypeScript
 * project (with its tsconfig), `output/` the expected tree, `manifest.json` the renames, `review.json` the review
 * items (file relative to `input/`; none when absent). Nothing is written:
 * the changed files returned must turn the input tree into the output tree, and the output tree must come
 * back unchanged (idempotent). Both trees must typecheck (the fixtures live in the repo, so drizzle-orm resolves).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../../codemods/manifest.js';
import { buildPlan } from '../../../codemods/plan.js';
import { renameExports } from '../../../codemods/rename-exports.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'rename-exports');

function getFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => fs.statSync(path.join(dir, file)).isFile()).sort();
}

for (const name of fs.readdirSync(ROOT).sort()) {
  const folder = path.join(ROOT, name);
  const manifestPath = path.join(folder, 'manifest.json');
  const getPlan = () => buildPlan(parseManifestText(fs.readFileSync(manifestPath, 'utf8'), manifestPath), { knownTables: new Set() });

  describe(`rename-exports: ${name}`, () => {
    it('renames the table exports across the project', async () => {
      const input = path.join(folder, 'input');
      const output = path.join(folder, 'output');
      const { changedFiles, review } = await renameExports({ cwd: input, plan: getPlan() });
      expect(getFiles(input)).toEqual(getFiles(output));
      for (const file of getFiles(input)) {
        const actual = changedFiles.get(path.join(input, file)) ?? fs.readFileSync(path.join(input, file), 'utf8');
        expect(actual, file).toBe(fs.readFileSync(path.join(output, file), 'utf8'));
      }
      expect([...changedFiles.keys()].every((file) => file.startsWith(input + path.sep))).toBe(true);
      const reviewPath = path.join(folder, 'review.json');
      const expectedReview: unknown = fs.existsSync(reviewPath) ? JSON.parse(fs.readFileSync(reviewPath, 'utf8')) : [];
      expect(review.map((item) => ({ file: path.relative(input, item.file).split(path.sep).join('/'), line: item.line, name: item.name, reason: item.reason }))).toEqual(expectedReview);
    });

    it('leaves a project that typechecks, as the input did', async () => {
      const { Project } = await import('ts-morph');
      for (const tree of ['input', 'output']) {
        const project = new Project({ tsConfigFilePath: path.join(folder, tree, 'tsconfig.json') });
        const messages = project.getPreEmitDiagnostics().map((diagnostic) => `${diagnostic.getSourceFile()?.getBaseName() ?? ''}: ${String(diagnostic.getMessageText())}`);
        expect(messages, tree).toEqual([]);
      }
    });

    it('is idempotent', async () => {
      const { changedFiles } = await renameExports({ cwd: path.join(folder, 'output'), plan: getPlan() });
      expect([...changedFiles.keys()]).toEqual([]);
    });
  });
}
