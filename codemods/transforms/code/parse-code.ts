/**
 * Parse a code file once for every code transform of the rename codemod (`parseProgram`: a typescript-estree AST
 * with ranges, comments and `parent` links; no `loc` or tokens, which nothing here reads), with its scopes (@typescript-eslint/scope-manager,
 * as ESLint gets them from @typescript-eslint/parser) computed lazily, only when a transform asks for them.
 * A syntax error is a `ParseError` (the file is skipped); any other exception propagates (an internal error).
 */
import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
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

/**
 * What the recognizer reads of ESLint's `SourceCode`, without loading ESLint (its API costs more to load than the
 * scope analysis costs to run). `getScope` is ESLint's: the innermost scope acquired walking up from the node.
 */
function getSourceCodeView(text: string, ast: TSESTree.Program): TSESLint.SourceCode {
  // @typescript-eslint/parser's defaults for a file without a TypeScript program.
  const scopeManager = analyze(ast, { sourceType: 'module' });
  const scopes = new WeakMap<TSESTree.Node, TSESLint.Scope.Scope>();
  const getScope = (currentNode: TSESTree.Node): TSESLint.Scope.Scope => {
    const cached = scopes.get(currentNode);
    if (cached) return cached;
    const inner = currentNode.type !== 'Program';
    let found: TSESLint.Scope.Scope | undefined;
    for (let node: TSESTree.Node | undefined = currentNode; node && !found; node = node.parent) {
      const scope = scopeManager.acquire(node, inner) as TSESLint.Scope.Scope | null;
      if (scope) found = scope.type === 'function-expression-name' ? scope.childScopes[0] : scope;
    }
    const result = found ?? (scopeManager.scopes[0] as TSESLint.Scope.Scope);
    scopes.set(currentNode, result);
    return result;
  };
  const view = { text, ast, scopeManager, visitorKeys, parserServices: {}, getScope };
  return view as unknown as TSESLint.SourceCode;
}
