import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getSettings } from '../../drizzle-model/settings.js';

type Context<M extends string> = Readonly<TSESLint.RuleContext<M, readonly unknown[]>>;

/**
 * Report a problem whose fix changes the database (a name string, a type, a precision, a new index).
 * Per DESIGN.md it is offered as a suggestion, unless `settings['drizzle-schema'].autofix` is `'all'`,
 * in which case it is an autofix (for bulk adoption runs). A null `fix` reports without either.
 */
export function reportDatabaseChange<M extends string>(
  context: Context<M>,
  descriptor: {
    readonly node: TSESTree.Node | TSESTree.Token;
    readonly messageId: M;
    readonly data?: Record<string, unknown>;
    readonly suggestMessageId: M;
    readonly suggestData?: Record<string, unknown>;
    readonly fix: TSESLint.ReportFixFunction | null;
  },
): void {
  const { node, messageId, data, suggestMessageId, suggestData, fix } = descriptor;
  if (!fix) {
    context.report({ node, messageId, data });
  } else if (getSettings(context).autofix === 'all') {
    context.report({ node, messageId, data, fix });
  } else {
    context.report({ node, messageId, data, suggest: [{ messageId: suggestMessageId, data: suggestData ?? data, fix }] });
  }
}
