export { getDrizzleTables } from './get-drizzle-tables.js';
export { getDrizzleModuleDialect } from './drizzle-values.js';
export { getHelperModulePaths, type HelperModulePaths } from './get-helper-module-paths.js';
export { getProject } from './get-project.js';
export type { Project, ProjectValue, SharedColumn, ValueScope } from './create-project.js';
export { getHelperModulePath, loadHelperModule, type HelperModule } from './helper-modules.js';
export { parseHelperSource } from './parse-helper-source.js';
export type { HelperDefinition, ParsedChain, ParsedName } from './parse-chain.js';
export type * from './types.js';
