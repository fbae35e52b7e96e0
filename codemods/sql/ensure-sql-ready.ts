import { loadModule } from 'libpg-query';

/**
 * Load libpg-query's WebAssembly module. Every synchronous SQL helper here (scan, parse) needs it:
 * await this once before calling `rewriteSql` or the SQL file transform. Repeated calls are cheap
 * (libpg-query keeps the loaded module itself).
 */
export async function ensureSqlReady(): Promise<void> {
  await loadModule();
}
