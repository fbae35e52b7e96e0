/**
 * Table-driven fixture runner for the code transforms: every `<case>.input.ts(x)` in
 * `__fixtures__/<folder>/` is transformed with the plan from `<case>.options.json` (else the folder's
 * `manifest.json`), built by the real planner (with the known tables of `<case>.known-tables.json`), and checked twice: the output equals `<case>.output.ts(x)`,
 * and running again on that output changes nothing. Review items must equal `<case>.review.json`
 * (file-less), or be empty when that file does not exist. `<case>.settings.json` (`casing`, `helperModules`
 * relative to the folder) runs the case with those transform settings, the folder as `cwd`.
 * A case taken from the example app names its input with `<case>.input-from` (a repo-relative path, e.g.
 * `examples/src/services/calls.service.ts`) instead of copying it; a case without an output file must
 * leave its input unchanged (the trap cases).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../../codemods/edits.js';
import { parseManifestText } from '../../../codemods/manifest.js';
import { buildPlan } from '../../../codemods/plan.js';
import { ensureSqlReady } from '../../../codemods/sql/ensure-sql-ready.js';
import type { RenamePlan, SourceTransform, TransformInput } from '../../../codemods/types.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const REPO = path.resolve(FIXTURES, '../../../..');
const INPUT = /\.input(?:\.tsx?|-from)$/;

/** The input file of a case: the fixture itself, or the repo file its `.input-from` names. */
function getInputPath(folder: string, file: string): string {
  return file.endsWith('-from') ? path.join(REPO, fs.readFileSync(path.join(folder, file), 'utf8').trim()) : path.join(folder, file);
}

export function getFixturePlan(folder: string, name: string): RenamePlan {
  const own = path.join(folder, `${name}.options.json`);
  const manifest = fs.existsSync(own) ? own : path.join(folder, 'manifest.json');
  const knownPath = path.join(folder, `${name}.known-tables.json`);
  const knownTables = fs.existsSync(knownPath) ? new Set(JSON.parse(fs.readFileSync(knownPath, 'utf8')) as string[]) : new Set<string>();
  return buildPlan(parseManifestText(fs.readFileSync(manifest, 'utf8'), manifest), { knownTables });
}

/** The transform input for fixture file `file` of `folder`, with the case's settings when it has some. */
function getInput(folder: string, name: string, file: string, source: string, plan: RenamePlan): TransformInput {
  const settingsPath = path.join(folder, `${name}.settings.json`);
  if (!fs.existsSync(settingsPath)) return { source, path: `fixtures/${file}`, plan };
  const settings = JSON.parse(fs.readFileSync(settingsPath, 'utf8')) as TransformInput['settings'];
  return { source, path: file, plan, settings: { ...settings, cwd: folder } };
}

export function runFixtures(folderName: string, transform: SourceTransform): void {
  const folder = path.join(FIXTURES, folderName);
  const inputs = fs.readdirSync(folder).filter((file) => INPUT.test(file)).sort();
  describe(folderName, () => {
    beforeAll(async () => {
      await ensureSqlReady();
    });
    it('has fixtures', () => {
      expect(inputs.length).toBeGreaterThan(0);
    });
    for (const file of inputs) {
      const name = file.replace(INPUT, '');
      const inputPath = getInputPath(folder, file);
      const extension = path.extname(inputPath);
      const ownOutput = path.join(folder, `${name}.output${extension}`);
      const outputPath = fs.existsSync(ownOutput) ? ownOutput : inputPath;
      const reviewPath = path.join(folder, `${name}.review.json`);
      describe(name, () => {
        it('transforms the input into the output', () => {
          const plan = getFixturePlan(folder, name);
          const source = fs.readFileSync(inputPath, 'utf8');
          const result = transform(getInput(folder, name, path.basename(inputPath), source, plan));
          expect(applyEdits(source, result.edits)).toBe(fs.readFileSync(outputPath, 'utf8'));
          const expectedReview: unknown = fs.existsSync(reviewPath) ? JSON.parse(fs.readFileSync(reviewPath, 'utf8')) : [];
          expect(result.review.map((item) => ({ line: item.line, column: item.column, name: item.name, reason: item.reason, excerpt: item.excerpt }))).toEqual(expectedReview);
        });
        it('is idempotent', () => {
          const plan = getFixturePlan(folder, name);
          const output = fs.readFileSync(outputPath, 'utf8');
          const result = transform(getInput(folder, name, `${name}.output${extension}`, output, plan));
          expect(applyEdits(output, result.edits)).toBe(output);
        });
      });
    }
  });
}
