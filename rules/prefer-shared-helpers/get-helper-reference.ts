import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { getHelperModulePath } from '../../drizzle-model/index.js';
import { getImportSpecifier } from './get-import-specifier.js';
import type { SharedHelper } from './get-shared-helpers.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface HelperReference {
  /** How the helper is called here: its local name, or `namespace.name`. */
  readonly text: string;
  /** The edit that imports it, or null when it is imported already. */
  readonly importFix: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null;
  /** What `importFix` does, so several helpers' imports can be written as one edit (see fixAllHelpers). */
  readonly importEdit: ImportEdit | null;
}

/**
 * Import edits by kind: `, name` after the module's last named specifier, `, { name }` after its default specifier,
 * or a new statement (`import { name } from '<specifier>';`) after the last import (`after` null: at the top).
 */
export type ImportEdit =
  | { readonly kind: 'append' | 'brace'; readonly after: TSESTree.Node; readonly name: string }
  | { readonly kind: 'statement'; readonly after: TSESTree.Node | null; readonly name: string; readonly format: (names: readonly string[]) => string };

function getImportedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

function isHelperSource(context: Context, helper: SharedHelper, specifier: string): boolean {
  return helper.source.kind === 'package'
    ? specifier === helper.source.specifier
    : getHelperModulePath(specifier, context.filename, [helper.source.path]) !== null;
}

/** True when `name` at `node` resolves to the variable declared by `declaration` (not shadowed). */
function isVisible(context: Context, node: TSESTree.Node, name: string, declaration: TSESTree.Node): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), name);
  return variable?.defs.some((def) => def.node === declaration) ?? false;
}

/** True when a new module-level binding `name` would collide with nothing and be seen at `node`. */
function isFreeName(context: Context, node: TSESTree.Node, name: string): boolean {
  if (ASTUtils.findVariable(context.sourceCode.getScope(node), name)) return false;
  const globalScope = context.sourceCode.scopeManager?.globalScope;
  return !globalScope?.through.some((reference) => reference.identifier.name === name);
}

/**
 * How the linted file can call `helper` at `node`: through an existing import of its module (named, possibly
 * aliased, or namespace), or by importing it: merged into an existing value import of the module, else a new
 * import declaration after the last import. Null when the name is shadowed or taken, so no safe fix exists.
 */
export function getHelperReference(context: Context, helper: SharedHelper, node: TSESTree.Node): HelperReference | null {
  const { sourceCode } = context;
  const imports = sourceCode.ast.body.filter((s): s is TSESTree.ImportDeclaration => s.type === AST_NODE_TYPES.ImportDeclaration);
  const moduleImports = imports.filter((i) => i.importKind !== 'type' && isHelperSource(context, helper, i.source.value));

  for (const declaration of moduleImports) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type' && getImportedName(specifier) === helper.name) {
        return isVisible(context, node, specifier.local.name, specifier) ? { text: specifier.local.name, importFix: null, importEdit: null } : null;
      }
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier && isVisible(context, node, specifier.local.name, specifier)) {
        return { text: `${specifier.local.name}.${helper.name}`, importFix: null, importEdit: null };
      }
    }
  }

  if (!isFreeName(context, node, helper.name)) return null;
  for (const declaration of moduleImports) {
    const named = declaration.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
    const last = named.at(-1);
    if (last) {
      return { text: helper.name, importFix: (fixer) => fixer.insertTextAfter(last, `, ${helper.name}`), importEdit: { kind: 'append', after: last, name: helper.name } };
    }
    const [only] = declaration.specifiers;
    if (only?.type === AST_NODE_TYPES.ImportDefaultSpecifier && declaration.specifiers.length === 1) {
      return {
        text: helper.name,
        importFix: (fixer) => fixer.insertTextAfter(only, `, { ${helper.name} }`),
        importEdit: { kind: 'brace', after: only, name: helper.name },
      };
    }
  }

  const specifier =
    helper.source.kind === 'package'
      ? helper.source.specifier
      : getImportSpecifier(sourceCode.ast, context.filename, helper.source.path);
  const lastImport = imports.at(-1);
  const quote = lastImport?.source.raw.startsWith('"') ? '"' : "'";
  const semicolon = !lastImport || sourceCode.getText(lastImport).endsWith(';') ? ';' : '';
  const format = (names: readonly string[]) => `import { ${names.join(', ')} } from ${quote}${specifier}${quote}${semicolon}`;
  const statement = format([helper.name]);
  return {
    text: helper.name,
    importFix: lastImport
      ? (fixer) => fixer.insertTextAfter(lastImport, `\n${statement}`)
      : (fixer) => fixer.insertTextBeforeRange([0, 0], `${statement}\n`),
    importEdit: { kind: 'statement', after: lastImport ?? null, name: helper.name, format },
  };
}
