export type { BuiltMigration, MigrationFile, MigrationOptions } from './build-migration.js';
export { buildMigration } from './build-migration.js';
export type { MigrationFileNames } from './migration-file-names.js';
export { getMigrationFileNames } from './migration-file-names.js';
export { writeMigration } from './write-migration.js';
