import fs from 'node:fs';
import path from 'node:path';

/** Extensions linted: `.ts`, `.tsx` and `.d.ts` (not `.d.cts`/`.d.mts`, duplicates of the `.d.ts` in drizzle-orm). */
function isLintedFile(name: string): boolean {
  return (name.endsWith('.ts') || name.endsWith('.tsx')) && !name.endsWith('.d.cts') && !name.endsWith('.d.mts');
}

/**
 * Every `.ts`/`.tsx`/`.d.ts` file of an installed package folder, sorted, as paths relative to `root`.
 * Nested `node_modules` (other packages) are not entered.
 */
export function listPackageFiles(root: string, packageDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(relative);
      } else if (entry.isFile() && isLintedFile(entry.name)) {
        files.push(relative);
      }
    }
  };
  walk(packageDir);
  return files.sort();
}
