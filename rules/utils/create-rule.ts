import { ESLintUtils } from '@typescript-eslint/utils';
import { getPackageInfo } from './get-package-info.js';

export interface DrizzleSchemaRuleDocs {
  /** Part of the `recommended` (and so `strict` and `all`) config, or only `strict`/`all`. */
  recommended?: 'recommended' | 'strict';
  /** Whether the rule's fixes or suggestions change the database (documented per rule). */
  requiresTypeChecking?: false;
}

const { repositoryUrl, version } = getPackageInfo();

/**
 * The one rule factory: `docs.url` points at `docs/rules/<name>.md` as of the installed version's release tag
 * (`blob/v0.1.0/…`), so a user of an older version reads the doc of the rule they run.
 */
export const createRule = ESLintUtils.RuleCreator<DrizzleSchemaRuleDocs>((name) => `${repositoryUrl}/blob/v${version}/docs/rules/${name}.md`);
