import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';

/**
 * The name a callee is imported as from a module accepted by `isModule` (`index` for `index(...)`,
 * `pg.index(...)` with `import * as pg`, or an aliased `import { index as idx }`), resolved through scopes;
 * null when the callee is anything else (a local function that shares the name).
 */
export function getImportedCalleeName(
  sourceCode: TSESLint.SourceCode,
  callee: TSESTree.Node,
  isModule: (specifier: string) => boolean,
): string | null {
  const getImport = (id: TSESTree.Identifier) => {
    const def = ASTUtils.findVariable(sourceCode.getScope(id), id)?.defs[0];
    if (def?.type !== 'ImportBinding' || def.parent.type !== AST_NODE_TYPES.ImportDeclaration) return null;
    return isModule(def.parent.source.value) ? def.node : null;
  };
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const specifier = getImport(callee);
    if (specifier?.type !== AST_NODE_TYPES.ImportSpecifier) return null;
    return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
  }
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.property.type === AST_NODE_TYPES.Identifier
  ) {
    const specifier = getImport(callee.object);
    return specifier?.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? callee.property.name : null;
  }
  return null;
}
