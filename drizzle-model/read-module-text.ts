import { createFileCache } from './create-file-cache.js';

const texts = createFileCache((text) => text);

/**
 * A module's text without parsing it (cached by path, mtime and size), for the cheap check of whether a barrel's
 * `export *` target can have a name at all. Null when the file cannot be read.
 */
export function readModuleText(absolutePath: string): string | null {
  return texts.get(absolutePath);
}
