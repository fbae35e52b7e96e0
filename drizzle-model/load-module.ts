import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { createFileCache } from './create-file-cache.js';
import type { FunctionLike } from './parse-helper-function.js';
import { isFunctionLike } from './parse-helper-function.js';
import { parseSource } from './parse-source.js';

/** What a module-level name is bound to. */
export type ModuleBinding =
  | { readonly kind: 'import'; readonly source: string; /** `*` for a namespace import. */ readonly imported: string }
  | { readonly kind: 'value'; readonly init: TSESTree.Expression }
  /** `const { table } = authSchema` → source `authSchema`, path `['table']`. */
  | { readonly kind: 'destructured'; readonly source: TSESTree.Expression; readonly path: readonly string[] }
  | { readonly kind: 'function'; readonly fn: FunctionLike };

/** What a module exports under one name. */
export type ModuleExport =
  | { readonly kind: 'local'; readonly local: string }
  | { readonly kind: 'reexport'; readonly source: string; /** `*` for `export * as x from`. */ readonly imported: string };

/** A module read from disk: its top-level bindings and exports (no scope analysis: module level only). */
export interface LoadedModule {
  readonly path: string;
  readonly text: string;
  readonly bindings: ReadonlyMap<string, ModuleBinding>;
  readonly exports: ReadonlyMap<string, ModuleExport>;
  /** `export * from '…'` specifiers, in order. */
  readonly starExports: readonly string[];
}

function getName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

function getPatternKey(property: TSESTree.Property): string | null {
  if (property.computed) return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : null;
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : null;
}

/** Bindings declared by `const { a, b: { c } } = source`. */
function addPattern(bindings: Map<string, ModuleBinding>, pattern: TSESTree.ObjectPattern, source: TSESTree.Expression, prefix: readonly string[]): void {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = getPatternKey(property);
    if (key === null) continue;
    const value = property.value;
    if (value.type === AST_NODE_TYPES.Identifier) bindings.set(value.name, { kind: 'destructured', source, path: [...prefix, key] });
    else if (value.type === AST_NODE_TYPES.ObjectPattern) addPattern(bindings, value, source, [...prefix, key]);
  }
}

function readModule(text: string, absolutePath: string): LoadedModule | null {
  let program: TSESTree.Program;
  try {
    program = parseSource(text, absolutePath);
  } catch {
    return null;
  }
  const bindings = new Map<string, ModuleBinding>();
  const exports = new Map<string, ModuleExport>();
  const starExports: string[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type') continue;
      for (const spec of statement.specifiers) {
        if (spec.type === AST_NODE_TYPES.ImportSpecifier && spec.importKind === 'type') continue;
        const imported =
          spec.type === AST_NODE_TYPES.ImportSpecifier ? getName(spec.imported) : spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? '*' : 'default';
        bindings.set(spec.local.name, { kind: 'import', source: statement.source.value, imported });
      }
      continue;
    }
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      if (statement.exportKind === 'type') continue;
      if (statement.exported) exports.set(getName(statement.exported), { kind: 'reexport', source: statement.source.value, imported: '*' });
      else starExports.push(statement.source.value);
      continue;
    }
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const declaration = statement.declaration;
      if (declaration.type === AST_NODE_TYPES.Identifier) exports.set('default', { kind: 'local', local: declaration.name });
      else if (isFunctionLike(declaration)) {
        bindings.set('default', { kind: 'function', fn: declaration });
        exports.set('default', { kind: 'local', local: 'default' });
      } else if (declaration.type !== AST_NODE_TYPES.ClassDeclaration && declaration.type !== AST_NODE_TYPES.TSInterfaceDeclaration && declaration.type !== AST_NODE_TYPES.TSDeclareFunction) {
        bindings.set('default', { kind: 'value', init: declaration as TSESTree.Expression });
        exports.set('default', { kind: 'local', local: 'default' });
      }
      continue;
    }
    const isExport = statement.type === AST_NODE_TYPES.ExportNamedDeclaration;
    if (isExport && statement.exportKind === 'type') continue;
    if (isExport && !statement.declaration) {
      for (const spec of statement.specifiers) {
        if (spec.exportKind === 'type') continue;
        const exported = getName(spec.exported);
        const local = getName(spec.local);
        exports.set(exported, statement.source ? { kind: 'reexport', source: statement.source.value, imported: local } : { kind: 'local', local });
      }
      continue;
    }
    const declaration = isExport ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
      bindings.set(declaration.id.name, { kind: 'function', fn: declaration });
      if (isExport) exports.set(declaration.id.name, { kind: 'local', local: declaration.id.name });
    } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        const { id, init } = declarator;
        if (!init) continue;
        const names: string[] = [];
        if (id.type === AST_NODE_TYPES.Identifier) {
          bindings.set(id.name, isFunctionLike(init) ? { kind: 'function', fn: init } : { kind: 'value', init });
          names.push(id.name);
        } else if (id.type === AST_NODE_TYPES.ObjectPattern && declaration.kind === 'const') {
          const before = new Set(bindings.keys());
          addPattern(bindings, id, init, []);
          for (const name of bindings.keys()) if (!before.has(name)) names.push(name);
        }
        if (isExport) for (const name of names) exports.set(name, { kind: 'local', local: name });
      }
    }
  }
  return { path: absolutePath, text, bindings, exports, starExports };
}

const modules = createFileCache(readModule);

/**
 * A module's top-level bindings and exports, parsed once per process and reused while the file's mtime and
 * size are unchanged. Null when the file is missing or does not parse (the recognizer then keeps its
 * single-file view of whatever came from it).
 */
export function loadModule(absolutePath: string): LoadedModule | null {
  return modules.get(absolutePath);
}
