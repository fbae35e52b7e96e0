import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/**
 * What the recognizer reads of ESLint's `SourceCode`, without loading ESLint (its API costs more to load than the
 * scope analysis costs to run). `getScope` is ESLint's: the innermost scope acquired walking up from the node.
 */
export function getSourceCodeView(text: string, ast: TSESTree.Program): TSESLint.SourceCode {
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
