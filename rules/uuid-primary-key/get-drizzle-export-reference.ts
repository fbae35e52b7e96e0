import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

/** How to write a drizzle export at a place in the file, and the import edits that make it valid. */
export interface ExportReference {
  /** `uuid`, an alias (`pgUuid`), or a namespace member (`pg.uuid`). */
  readonly text: string;
  readonly fixes: readonly TSESLint.RuleFix[];
}

function getImportedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/** Remove one specifier of a named import with its comma; the whole declaration when it is the only one. */
function removeSpecifier(sourceCode: Readonly<TSESLint.SourceCode>, fixer: TSESLint.RuleFixer, specifier: TSESTree.ImportSpecifier): TSESLint.RuleFix {
  const declaration = specifier.parent as TSESTree.ImportDeclaration;
  if (declaration.specifiers.length === 1) return fixer.remove(declaration);
  const after = sourceCode.getTokenAfter(specifier);
  if (after && ASTUtils.isCommaToken(after)) {
    const next = sourceCode.getTokenAfter(after);
    return fixer.removeRange([specifier.range[0], next && !ASTUtils.isClosingBraceToken(next) ? next.range[0] : after.range[1]]);
  }
  const before = sourceCode.getTokenBefore(specifier)!;
  return fixer.removeRange([before.range[0], specifier.range[1]]);
}

/**
 * A reference to `exportName` of the drizzle module `source` (`drizzle-orm/pg-core`) usable at `at`:
 * an existing named import (respecting its alias), else a namespace import (`pg.uuid`), else a new specifier
 * merged into the module's existing named import (aliased as `pgUuid` when the plain name is taken there),
 * else a new import declaration after the last import.
 * `replacing` is a named specifier that the same fix leaves unused (`serial` when `serial(...)` becomes `uuid(...)`):
 * it is replaced by the new specifier, or removed when none is needed.
 */
export function getDrizzleExportReference(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  options: { readonly source: string; readonly exportName: string; readonly at: TSESTree.Node; readonly replacing: TSESTree.ImportSpecifier | null },
): ExportReference {
  const { source, exportName, at, replacing } = options;
  const declarations = sourceCode.ast.body.filter(
    (s): s is TSESTree.ImportDeclaration =>
      s.type === AST_NODE_TYPES.ImportDeclaration && s.source.value === source && s.importKind !== 'type',
  );
  const specifiers = declarations.flatMap((d) => d.specifiers);
  const removeReplaced = replacing ? [removeSpecifier(sourceCode, fixer, replacing)] : [];
  const named = specifiers.find(
    (s): s is TSESTree.ImportSpecifier =>
      s.type === AST_NODE_TYPES.ImportSpecifier && s.importKind !== 'type' && getImportedName(s) === exportName,
  );
  if (named) return { text: named.local.name, fixes: removeReplaced };
  const namespace = specifiers.find((s) => s.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
  if (namespace) return { text: `${namespace.local.name}.${exportName}`, fixes: removeReplaced };

  const isTaken = (name: string) => ASTUtils.findVariable(sourceCode.getScope(at), name) !== null;
  const prefix = /drizzle-orm\/(\w+)-core$/.exec(source)?.[1] ?? 'drizzle';
  const local = isTaken(exportName) ? `${prefix}${exportName[0]!.toUpperCase()}${exportName.slice(1)}` : exportName;
  const specifierText = local === exportName ? exportName : `${exportName} as ${local}`;
  if (replacing) return { text: local, fixes: [fixer.replaceText(replacing, specifierText)] };
  const last = declarations.find((d) => d.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier))?.specifiers.at(-1);
  if (last) return { text: local, fixes: [fixer.insertTextAfter(last, `, ${specifierText}`)] };

  const declaration = `import { ${specifierText} } from '${source}';`;
  const lastImport = sourceCode.ast.body.filter((s) => s.type === AST_NODE_TYPES.ImportDeclaration).at(-1);
  return {
    text: local,
    fixes: [lastImport ? fixer.insertTextAfter(lastImport, `\n${declaration}`) : fixer.insertTextBeforeRange([0, 0], `${declaration}\n`)],
  };
}
