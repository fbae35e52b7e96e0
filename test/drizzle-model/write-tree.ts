import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A folder of files under the temp folder, with symlinks (`node_modules/@acme/x` → `packages/x`), removed by `remove()`. */
export interface Tree {
  readonly dir: string;
  file(relative: string): string;
  read(relative: string): string;
  remove(): void;
}

export function writeTree(files: Readonly<Record<string, string>>, links: Readonly<Record<string, string>> = {}): Tree {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-model-')));
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  for (const [link, target] of Object.entries(links)) {
    const file = path.join(dir, link);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.symlinkSync(path.join(dir, target), file, 'dir');
  }
  return {
    dir,
    file: (relative) => path.join(dir, relative),
    read: (relative) => fs.readFileSync(path.join(dir, relative), 'utf8'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
