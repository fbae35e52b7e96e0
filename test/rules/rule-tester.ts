import { RuleTester } from '@typescript-eslint/rule-tester';

/** The one RuleTester every rule test uses: typescript-eslint's parser, no type information. */
export const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
});

/** `settings` for a test case: `settingsFor({ casing: 'snake_case' })`. */
export function settingsFor(drizzleSchema: Record<string, unknown>): { 'drizzle-schema': Record<string, unknown> } {
  return { 'drizzle-schema': drizzleSchema };
}
