/**
 * typescript-estree's parse of a code file as the rename codemod reads it: ranges, tokens, comments and
 * `parent` links. The transforms and the leftover review of one file use the same parse: the last program parsed
 * for a run (its plan object) is kept and reused while the path and text are the same, so each candidate file is
 * parsed once per run step, and only one program per run is held.
 *
 * Only a syntax error of the file (typescript-estree's `TSError`) becomes a `ParseError`; any other exception
 * (TypeScript failing to load or crashing, a stack overflow) is an internal error and propagates.
 */
import { parse, simpleTraverse, TSError } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { ParseError } from '../../types.js';

export type ParsedProgram = TSESTree.Program & { readonly tokens: TSESTree.Token[]; readonly comments: TSESTree.Comment[] };

const JSX_EXTENSIONS = /\.(?:tsx|jsx|js|mjs|cjs)$/i;

const lastParsed = new WeakMap<object, { readonly path: string; readonly source: string; readonly program: ParsedProgram }>();

/** The program of `source` (of the file at `path`); `run` is any object that lives as long as one run (its plan). */
export function parseProgram(source: string, path: string, run: object): ParsedProgram {
  const last = lastParsed.get(run);
  if (last && last.path === path && last.source === source) return last.program;
  let program: ParsedProgram;
  try {
    program = parse(source, { range: true, comment: true, tokens: true, jsx: JSX_EXTENSIONS.test(path), filePath: path });
  } catch (error) {
    if (error instanceof TSError) throw new ParseError(path, `line ${error.lineNumber}, column ${error.column + 1}: ${error.message}`);
    throw error;
  }
  // Transforms walk up through `parent` (and the scope lookup needs it), as inside a lint run.
  simpleTraverse(program, { enter: () => undefined }, true);
  lastParsed.set(run, { path, source, program });
  return program;
}
