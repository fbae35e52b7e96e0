import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Dialect } from '../../drizzle-model/index.js';
import { fixInsertListItem } from '../utils/fix-insert-list-item.js';

/** How the file can call drizzle's `index`, and the import edit that makes it callable (null when none is needed). */
export interface IndexReference {
  /** `index`, an alias (`pgIndex`), or a namespace member (`pg.index`). */
  readonly callee: string;
  readonly fixImport: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null;
}

const MODULES: Readonly<Record<Dialect, string>> = {
  pg: 'drizzle-orm/pg-core',
  mysql: 'drizzle-orm/mysql-core',
  sqlite: 'drizzle-orm/sqlite-core',
};

function getImportedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/**
 * The way to reference `index` from the dialect's core module: an existing (possibly aliased) import, a namespace
 * import, else `index` added to the module's named import (in alphabetical position when the specifiers are sorted).
 * Null when the name `index` is already taken by something else in the module, or there is no named import to extend.
 */
export function getIndexReference(sourceCode: Readonly<TSESLint.SourceCode>, dialect: Dialect): IndexReference | null {
  const moduleName = MODULES[dialect];
  const imports = sourceCode.ast.body.filter(
    (s): s is TSESTree.ImportDeclaration => s.type === AST_NODE_TYPES.ImportDeclaration,
  );
  const valueImports = imports.filter((d) => d.source.value === moduleName && d.importKind !== 'type');
  for (const declaration of valueImports) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type' && getImportedName(specifier) === 'index') {
        return { callee: specifier.local.name, fixImport: null };
      }
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { callee: `${specifier.local.name}.index`, fixImport: null };
    }
  }

  const moduleScope = sourceCode.scopeManager?.scopes.find((scope) => scope.type === 'module');
  if (!moduleScope || moduleScope.set.has('index')) return null;

  const named = valueImports.find((d) => d.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier));
  if (named) {
    const specifiers = named.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
    const names = specifiers.map((s) => getImportedName(s).toLowerCase());
    const sorted = names.every((name, i) => i === 0 || names[i - 1]! <= name);
    const position = sorted ? names.filter((name) => name < 'index').length : specifiers.length;
    const list = {
      items: specifiers,
      opening: sourceCode.getTokenBefore(specifiers[0]!)!,
      closing: sourceCode.getTokenAfter(specifiers.at(-1)!, { filter: (t) => t.value === '}' })!,
      padded: true,
    };
    return { callee: 'index', fixImport: (fixer) => fixInsertListItem(fixer, sourceCode, list, position, 'index') };
  }
  // Tables come from a value import of the module, so there is always one to merge into; anything else is not fixed.
  return null;
}
