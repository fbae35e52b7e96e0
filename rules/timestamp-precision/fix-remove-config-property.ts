import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

/**
 * A fix that removes one property from a builder's config object, keeping the others and their order.
 * When it is the only property, the whole config argument goes (`timestamp('x', { withTimezone: true })` →
 * `timestamp('x')`).
 */
export function fixRemoveConfigProperty(
  sourceCode: Readonly<TSESLint.SourceCode>,
  config: TSESTree.ObjectExpression,
  property: TSESTree.Property,
): TSESLint.ReportFixFunction {
  const { properties } = config;
  const index = properties.indexOf(property);
  if (properties.length === 1) {
    const before = sourceCode.getTokenBefore(config)!;
    const after = sourceCode.getTokenAfter(config)!;
    if (ASTUtils.isCommaToken(before)) return (fixer) => fixer.removeRange([before.range[0], config.range[1]]);
    return (fixer) => fixer.removeRange([config.range[0], ASTUtils.isCommaToken(after) ? sourceCode.getTokenAfter(after)!.range[0] : config.range[1]]);
  }
  if (index < properties.length - 1) {
    const next = properties[index + 1]!;
    return (fixer) => fixer.removeRange([property.range[0], next.range[0]]);
  }
  const comma = sourceCode.getTokenBefore(property)!;
  return (fixer) => fixer.removeRange([comma.range[0], property.range[1]]);
}
