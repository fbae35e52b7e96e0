import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The edit that removes the import of the builder `callee` names (`uuid` in `uuid('id').notNull()`) when that
 * call is its only use in the file, so replacing the chain leaves no unused import; null otherwise. Only a
 * specifier among other named specifiers is removed (with its comma): a declaration is never emptied.
 */
export function getBuilderImportRemoval(context: Context, callee: TSESTree.Expression): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const { sourceCode } = context;
  const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'ImportBinding' || def.node.type !== AST_NODE_TYPES.ImportSpecifier) return null;
  if (!variable.references.every((reference) => reference.identifier === callee)) return null;
  const specifier = def.node;
  const declaration = specifier.parent as TSESTree.ImportDeclaration;
  const named = declaration.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
  if (named.length < 2) return null;
  const index = named.indexOf(specifier);
  // `a, uuid, b` → `a, b`: from the specifier to the next one; the last one goes with the comma before it.
  const range: [number, number] =
    index < named.length - 1
      ? [specifier.range[0], named[index + 1]!.range[0]]
      : [sourceCode.getTokenBefore(specifier)!.range[0], specifier.range[1]];
  return (fixer) => fixer.removeRange(range);
}
