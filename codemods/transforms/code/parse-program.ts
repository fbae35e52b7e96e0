/**
 * The AST of a code file as the rename codemod reads it: typescript-estree's shape with ranges, comments and `parent`
 * links (`parseSource`: oxc-parser, no TypeScript). Parsed once per run step and shared:
 * - within a step, the last program parsed for a run (any object that lives as long as the run, such as its plan) is
 *   reused while the path and text are the same: the transforms and the leftover review of one file share one parse;
 * - across steps, a run may retain what it parsed (`retainParsedPrograms`, up to a budget of source bytes) and hand it
 *   to a later run (`shareParsedPrograms`): the known-tables scan parses the Drizzle schema files before the plan
 *   exists, and the rewrite then takes those programs (and the scopes computed on them) instead of parsing again.
 *   A program taken is released from the retaining run, so memory goes down as the rewrite goes on.
 *
 * Only a syntax error of the file becomes a `ParseError`; any other exception (a stack overflow, the parser failing
 * to load) is an internal error and propagates.
 */
import type { ParsedSource } from '../../../drizzle-model/parse-source.js';
import { parseSource, SourceSyntaxError } from '../../../drizzle-model/parse-source.js';
import { ParseError } from '../../types.js';

export type ParsedProgram = ParsedSource;

interface ParsedEntry {
  readonly source: string;
  readonly program: ParsedProgram;
}

interface RunPrograms {
  last: (ParsedEntry & { readonly path: string }) | null;
  /** Programs kept for a later run, by path (only for a run that retains). */
  readonly retained: Map<string, ParsedEntry> | null;
  /** Source bytes the retained programs may still take. */
  budget: number;
  /** The run whose retained programs this one takes. */
  from: RunPrograms | null;
}

const runs = new WeakMap<object, RunPrograms>();

function getRunPrograms(run: object): RunPrograms {
  let programs = runs.get(run);
  if (!programs) {
    programs = { last: null, retained: null, budget: 0, from: null };
    runs.set(run, programs);
  }
  return programs;
}

/** Keep the programs parsed for `run` (in files of `maxSourceBytes` in total at most) for `shareParsedPrograms`. */
export function retainParsedPrograms(run: object, maxSourceBytes: number): void {
  runs.set(run, { last: null, retained: new Map(), budget: maxSourceBytes, from: null });
}

/** Let `to` take the programs `from` retained (each at most once, for the same path and text). */
export function shareParsedPrograms(from: object, to: object): void {
  const source = runs.get(from);
  if (source?.retained) getRunPrograms(to).from = source;
}

/** The program of `source` (of the file at `path`) for `run`. */
export function parseProgram(source: string, path: string, run: object): ParsedProgram {
  const programs = getRunPrograms(run);
  const last = programs.last;
  if (last && last.path === path && last.source === source) return last.program;
  const program = takeRetained(programs.from, path, source) ?? parse(source, path);
  programs.last = { path, source, program };
  if (programs.retained && source.length <= programs.budget && !programs.retained.has(path)) {
    programs.retained.set(path, { source, program });
    programs.budget -= source.length;
  }
  return program;
}

function takeRetained(from: RunPrograms | null, path: string, source: string): ParsedProgram | null {
  const entry = from?.retained?.get(path);
  if (!from || !entry) return null;
  from.retained!.delete(path);
  from.budget += entry.source.length;
  return entry.source === source ? entry.program : null;
}

function parse(source: string, path: string): ParsedProgram {
  try {
    return parseSource(source, path);
  } catch (error) {
    if (error instanceof SourceSyntaxError) throw new ParseError(path, error.message);
    throw error;
  }
}
