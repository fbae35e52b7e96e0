import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { fixInsertListItem } from '../utils/fix-insert-list-item.js';
import { getConfigProperty } from './get-config-property.js';

/**
 * A fix that makes a builder's config say `key: valueText`, keeping the other keys and their order:
 * the value is replaced when the key exists, the key is appended to the config otherwise, and the config
 * object is created when the call has none (`timestamp('x')` → `timestamp('x', { key: value })`,
 * `timestamp()` → `timestamp({ key: value })`). Null when the call's arguments are not understood.
 */
export function fixSetConfigProperty(
  sourceCode: Readonly<TSESLint.SourceCode>,
  builderNode: TSESTree.CallExpression,
  config: TSESTree.ObjectExpression | null,
  key: string,
  valueText: string,
): TSESLint.ReportFixFunction | null {
  const entry = `${key}: ${valueText}`;
  if (config) {
    const property = getConfigProperty(config, key);
    if (property) return (fixer) => (property.shorthand ? fixer.replaceText(property, entry) : fixer.replaceText(property.value, valueText));
    const list = {
      items: config.properties,
      opening: sourceCode.getFirstToken(config)!,
      closing: sourceCode.getLastToken(config)!,
      padded: true,
    };
    return (fixer) => fixInsertListItem(fixer, sourceCode, list, config.properties.length, entry);
  }
  const args = builderNode.arguments;
  if (args.length === 0) {
    const closing = sourceCode.getLastToken(builderNode)!;
    return (fixer) => fixer.insertTextBefore(closing, `{ ${entry} }`);
  }
  const [first] = args;
  if (args.length === 1 && first!.type !== AST_NODE_TYPES.SpreadElement && first!.type !== AST_NODE_TYPES.ObjectExpression) {
    return (fixer) => fixer.insertTextAfter(first!, `, { ${entry} }`);
  }
  return null;
}
