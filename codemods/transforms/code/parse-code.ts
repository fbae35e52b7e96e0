/**
 * Parse a code file once for every code transform of the rename codemod: typescript-estree AST with
 * ranges, and an ESLint `SourceCode` (with scopes) built lazily, only when a transform needs scopes.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { parseForESLint } from '@typescript-eslint/parser';
import { simpleTraverse } from '@typescript-eslint/typescript-estree';
import { SourceCode } from 'eslint';
import type { RenamePlan, TransformInput, TransformSettings } from '../../types.js';
import { ParseError } from '../../types.js';

export interface CodeContext {
  readonly source: string;
  readonly path: string;
  readonly plan: RenamePlan;
  /** How Drizzle schema files are read (casing, helper modules); `{}` for the defaults. */
  readonly settings: TransformSettings;
  readonly ast: TSESTree.Program;
  /** The file as ESLint sees it (scope manager included); built on first use and then reused. */
  getSourceCode(): TSESLint.SourceCode;
}

const JSX_EXTENSIONS = /\.(?:tsx|jsx|js|mjs|cjs)$/i;

/** Parse `source`; a syntax error becomes a `ParseError` naming the line and column. */
export function parseCode(input: TransformInput): CodeContext {
  const { source, path, plan } = input;
  const settings = input.settings ?? {};
  let parsed: ReturnType<typeof parseForESLint>;
  try {
    parsed = parseForESLint(source, {
      range: true,
      loc: true,
      comment: true,
      tokens: true,
      jsx: JSX_EXTENSIONS.test(path),
      sourceType: 'module',
      ecmaVersion: 'latest',
      filePath: path,
    });
  } catch (error) {
    throw new ParseError(path, getParseMessage(error));
  }
  let sourceCode: TSESLint.SourceCode | null = null;
  const ast = parsed.ast as unknown as TSESTree.Program;
  // Transforms walk up through `parent` (and ESLint's scope lookup needs it), as inside a lint run.
  simpleTraverse(ast, { enter: () => undefined }, true);
  return {
    source,
    path,
    plan,
    settings,
    ast,
    getSourceCode() {
      // typescript-eslint's AST, scope manager and visitor keys are what ESLint itself receives from this parser.
      const config = {
        text: source,
        ast: parsed.ast,
        scopeManager: parsed.scopeManager,
        visitorKeys: parsed.visitorKeys,
        parserServices: parsed.services,
      } as unknown as ConstructorParameters<typeof SourceCode>[0];
      sourceCode ??= new SourceCode(config) as unknown as TSESLint.SourceCode;
      return sourceCode;
    },
  };
}

function getParseMessage(error: unknown): string {
  if (error instanceof Error) {
    const { lineNumber, column } = error as Error & { lineNumber?: number; column?: number };
    return typeof lineNumber === 'number' ? `line ${lineNumber}, column ${(column ?? 0) + 1}: ${error.message}` : error.message;
  }
  return String(error);
}
