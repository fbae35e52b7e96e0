import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

type ExtensionStyle = 'js' | 'ts' | 'none';

const SCRIPT_EXTENSION = /\.(?:[mc]?[jt]s|[jt]sx)$/;
/** Relative imports of assets say nothing about how the file imports modules. */
const ASSET_EXTENSION = /\.(?:json|css|scss|sass|less|svg|png|jpe?g|gif|webp|wasm|node|html|md|txt)$/;
const JS_EXTENSIONS: Readonly<Record<string, string>> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };

/** How the file writes relative module specifiers: the first relative import or re-export decides. */
function getExtensionStyle(program: TSESTree.Program): ExtensionStyle {
  for (const statement of program.body) {
    const source =
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration
        ? statement.source?.value
        : undefined;
    if (!source?.startsWith('.') || ASSET_EXTENSION.test(source)) continue;
    if (/\.(?:[mc]?js|jsx)$/.test(source)) return 'js';
    if (/\.(?:[mc]?ts|tsx)$/.test(source)) return 'ts';
    return 'none';
  }
  return 'none';
}

/**
 * The relative specifier from `fromFile` to `toFile` in the style the file already uses for relative imports:
 * POSIX separators, a `./` or `../` prefix, and `.js` (`.mjs`, `.cjs`), the source extension, or no extension.
 * With no relative import to go by, no extension (the bundler / `moduleResolution: "bundler"` style).
 */
export function getImportSpecifier(program: TSESTree.Program, fromFile: string, toFile: string): string {
  const relative = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  const prefixed = relative.startsWith('../') ? relative : `./${relative}`;
  const extension = SCRIPT_EXTENSION.exec(prefixed)?.[0] ?? '';
  const stem = prefixed.slice(0, prefixed.length - extension.length);
  switch (getExtensionStyle(program)) {
    case 'js':
      return stem + (JS_EXTENSIONS[extension] ?? extension);
    case 'ts':
      return prefixed;
    case 'none':
      return stem;
  }
}
