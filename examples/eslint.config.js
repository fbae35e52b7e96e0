// @ts-check
// How an application wires up the plugin (documentation for the example app;
// `npm run demo` builds an equivalent config through ESLint's Node API).
import tsParser from '@typescript-eslint/parser';
import drizzleSchema from 'eslint-plugin-drizzle-schema';

export default [
  {
    ...drizzleSchema.configs.recommended,
    files: ['src/db/schema/**/*.ts'],
    languageOptions: { parser: tsParser },
    settings: {
      'drizzle-schema': {
        // Keys without an explicit name keep the key as the column name (no `casing` passed to drizzle()).
        casing: 'preserve',
        helperModules: ['examples/src/db/schema/shared.schema.ts'],
      },
    },
  },
];
