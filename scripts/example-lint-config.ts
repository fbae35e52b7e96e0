import type { ESLint, Linter } from 'eslint';

/**
 * The flat config the demo and the integration test lint `examples/` with: the plugin's recommended
 * config, the example's helper module, and the casing the example app uses (drizzle's default).
 */
export function exampleLintConfig(plugin: ESLint.Plugin & { configs: Record<string, Linter.Config> }, parser: unknown): Linter.Config[] {
  return [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: parser as Linter.Parser, sourceType: 'module' },
    },
    plugin.configs.recommended!,
    {
      settings: {
        'drizzle-schema': {
          casing: 'preserve',
          helperModules: ['examples/src/db/schema/shared.schema.ts'],
        },
      },
    },
  ];
}
