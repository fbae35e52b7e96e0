import type { StatementScope } from './sql-context.js';
import { decide, getTokenIndexAt } from './sql-context.js';

/**
 * Replace the content of the string literal whose token starts at tree location `location` with `value`
 * (quotes doubled). Only a plain '…' literal is rewritten; other spellings (E'…', $$…$$) are listed for
 * review under `name`, the old name it holds.
 */
export function replaceNameLiteral(statement: StatementScope, location: unknown, name: string, value: string): void {
  const index = getTokenIndexAt(statement, location);
  const token = index === null ? undefined : statement.ctx.tokens[index];
  if (index === null || !token) return;
  if (token.kind !== 'string' || !token.text.startsWith("'")) {
    decide(statement.ctx, index, { kind: 'review', name, reason: 'relation name in a string literal that is not a plain quoted string' });
    return;
  }
  decide(statement.ctx, index, { kind: 'edit', text: `'${value.replaceAll("'", "''")}'` });
}
