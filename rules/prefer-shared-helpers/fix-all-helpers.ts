import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { HelperFixParts } from './get-helper-fix-parts.js';
import type { ImportEdit } from './get-helper-reference.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** One edit per import place: every helper merged into the same import, or into the same new statement. */
function getImportFixes(fixer: TSESLint.RuleFixer, edits: readonly ImportEdit[]): TSESLint.RuleFix[] {
  const groups = new Map<string, { edit: ImportEdit; names: string[] }>();
  for (const edit of edits) {
    const key = `${edit.kind}:${edit.after?.range.join('-') ?? 'top'}:${edit.kind === 'statement' ? edit.format([]) : ''}`;
    const group = groups.get(key) ?? { edit, names: [] };
    if (!group.names.includes(edit.name)) group.names.push(edit.name);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ edit, names }) => {
    if (edit.kind !== 'statement') {
      return fixer.insertTextAfter(edit.after, edit.kind === 'append' ? names.map((name) => `, ${name}`).join('') : `, { ${names.join(', ')} }`);
    }
    return edit.after ? fixer.insertTextAfter(edit.after, `\n${edit.format(names)}`) : fixer.insertTextBeforeRange([0, 0], `${edit.format(names)}\n`);
  });
}

/**
 * Builder imports the substitutions leave unused (every reference is the callee of a replaced chain), rewritten
 * without them; a declaration is never emptied (its other specifiers are kept in their original separator style).
 */
function getRemovalFixes(context: Context, fixer: TSESLint.RuleFixer, callees: readonly TSESTree.Expression[]): TSESLint.RuleFix[] {
  const { sourceCode } = context;
  const replaced = new Set<TSESTree.Node>(callees);
  const removed = new Set<TSESTree.ImportSpecifier>();
  for (const callee of callees) {
    if (callee.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || def?.type !== 'ImportBinding' || def.node.type !== AST_NODE_TYPES.ImportSpecifier) continue;
    if (variable.references.every((reference) => replaced.has(reference.identifier))) removed.add(def.node);
  }
  const declarations = new Set([...removed].map((specifier) => specifier.parent as TSESTree.ImportDeclaration));
  return [...declarations].flatMap((declaration) => {
    const named = declaration.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
    const kept = named.filter((s) => !removed.has(s));
    if (kept.length === 0 || kept.length === named.length) return [];
    const separator = named.length > 1 ? sourceCode.text.slice(named[0]!.range[1], named[1]!.range[0]) : ', ';
    return [fixer.replaceTextRange([named[0]!.range[0], named.at(-1)!.range[1]], kept.map((s) => sourceCode.getText(s)).join(separator))];
  });
}

/**
 * One fix for every helper substitution of a file: the chains replaced, the helpers imported with one edit per
 * import place, and builder imports left unused removed. ESLint applies one fix per place and pass, and every
 * substitution that imports a helper touches the import block: fixed one by one, a file with many inline chains
 * would need more passes than `eslint --fix` runs.
 */
export function fixAllHelpers(context: Context, parts: readonly HelperFixParts[]): TSESLint.ReportFixFunction {
  return (fixer) => [
    ...getRemovalFixes(context, fixer, parts.map((p) => p.builderCallee)),
    ...getImportFixes(fixer, parts.flatMap((p) => (p.reference.importEdit ? [p.reference.importEdit] : []))),
    ...parts.map((p) => fixer.replaceText(p.replaced, p.replacement)),
  ];
}
