/**
 * Parse a code file once for every code transform of the rename codemod (`parseProgram`: a typescript-estree AST
 * with ranges, comments and `parent` links; no `loc` or tokens, which nothing here reads), with its scopes (@typescript-eslint/scope-manager,
 * as ESLint gets them from @typescript-eslint/parser) computed lazily, only when a transform asks for them.
 * A syntax error is a `ParseError` (the file is skipped); any other exception propagates (an internal error).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getSourceCodeView } from '../../../drizzle-model/get-source-code-view.js';
import type { RenamePlan, TransformInput, TransformSettings } from '../../types.js';
import { parseProgram } from './parse-program.js';

export interface CodeContext {
  readonly source: string;
  readonly path: string;
  readonly plan: RenamePlan;
  /** How Drizzle schema files are read (casing, helper modules); `{}` for the defaults. */
  readonly settings: TransformSettings;
  readonly ast: TSESTree.Program;
  /**
   * The file as ESLint's `SourceCode` presents it to the recognizer: `text`, `ast`, `scopeManager`, `visitorKeys` and
   * `getScope(node)` (ESLint's algorithm). Built on first use and then reused.
   */
  getSourceCode(): TSESLint.SourceCode;
}

/** Parse `source`; a syntax error becomes a `ParseError` naming the line and column. */
export function parseCode(input: TransformInput): CodeContext {
  const { source, path, plan } = input;
  const settings = input.settings ?? {};
  const ast: TSESTree.Program = parseProgram(source, path, plan);
  return {
    source,
    path,
    plan,
    settings,
    ast,
    getSourceCode() {
      let sourceCode = sourceCodes.get(ast);
      if (!sourceCode) {
        sourceCode = getSourceCodeView(source, ast);
        sourceCodes.set(ast, sourceCode);
      }
      return sourceCode;
    },
  };
}

/** The scopes of a program, computed once however many contexts (a known-tables scan, then the rewrite) share it. */
const sourceCodes = new WeakMap<TSESTree.Program, TSESLint.SourceCode>();
