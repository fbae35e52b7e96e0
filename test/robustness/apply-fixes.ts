import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import type { OptionSet } from './option-sets.js';

export interface FileText {
  /** Path relative to the Linter's cwd. */
  readonly file: string;
  readonly text: string;
}

/**
 * `verifyAndFix` every file under `cwd` (read from disk) and write the fixed text back, all files read before
 * any is written (so helper modules are linted as they were). Returns the fixed texts, in input order.
 */
export function fixAndWrite(cwd: string, files: readonly string[], config: Linter.Config[]): FileText[] {
  const linter = new Linter({ cwd });
  const fixed = files.map((file) => {
    const text = fs.readFileSync(path.join(cwd, file), 'utf8');
    return { file, text: linter.verifyAndFix(text, config, { filename: path.join(cwd, file) }).output };
  });
  for (const { file, text } of fixed) fs.writeFileSync(path.join(cwd, file), text);
  return fixed;
}

/** Fatal parse messages of `text` (empty when it parses), with the rules of `config` switched off. */
export function getParseErrors(cwd: string, file: string, text: string, set: OptionSet): string[] {
  const linter = new Linter({ cwd });
  const [base] = set.config;
  return linter
    .verify(text, [base!], { filename: path.join(cwd, file) })
    .filter((message) => message.fatal)
    .map((message) => `${file}:${message.line}:${message.column} ${message.message}`);
}

/** Apply one fix or suggestion (a single range replacement) to `text`. */
export function applyFix(text: string, fix: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}
