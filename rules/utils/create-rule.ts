import { ESLintUtils } from '@typescript-eslint/utils';

export interface DrizzleSchemaRuleDocs {
  /** Part of the `recommended` (and so `strict` and `all`) config, or only `strict`/`all`. */
  recommended?: 'recommended' | 'strict';
  /** Whether the rule's fixes or suggestions change the database (documented per rule). */
  requiresTypeChecking?: false;
}

const REPO_URL = 'https://github.com/drizzle-schema/eslint-plugin-drizzle-schema';

/** The one rule factory: `docs.url` always points at `docs/rules/<name>.md`. */
export const createRule = ESLintUtils.RuleCreator<DrizzleSchemaRuleDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
