export { getDrizzleTables } from './get-drizzle-tables.js';
export { getHelperModulePath, loadHelperModule, type HelperModule } from './helper-modules.js';
export { parseHelperSource } from './parse-helper-source.js';
export type { HelperDefinition, ParsedChain, ParsedName } from './parse-chain.js';
export type * from './types.js';
export { getColumnConstraints, type ColumnConstraints, type NotNullSource } from './get-column-constraints.js';
