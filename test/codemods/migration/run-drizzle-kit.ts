/**
 * The real drizzle-kit in a subprocess, in a temporary project: 0.31 (this package's devDependency, with
 * drizzle-orm 0.45), or 0.25 with drizzle-orm 0.34 (the devDependency aliases `drizzle-kit-025`, `drizzle-orm-034`).
 * drizzle-kit 0.25 refuses drizzle-orm 0.45 ("This version of drizzle-kit is outdated"), and it loads drizzle-orm
 * from where it is installed: so the project gets its own `node_modules/drizzle-kit` and `node_modules/drizzle-orm`
 * links, node runs with `--preserve-symlinks` (drizzle-kit and the project's schema resolve `drizzle-orm` through
 * those links), and drizzle-kit's own dependencies come from this package's `node_modules` (NODE_PATH).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export type DrizzleKitVersion = '0.25' | '0.31';

const REPO = path.resolve(import.meta.dirname, '../../..');
const PACKAGES: Readonly<Record<DrizzleKitVersion, { kit: string; orm: string }>> = {
  '0.25': { kit: 'drizzle-kit-025', orm: 'drizzle-orm-034' },
  '0.31': { kit: 'drizzle-kit', orm: 'drizzle-orm' },
};

/** Links `node_modules` of the project to the packages of `version`. */
export function linkDrizzleKit(root: string, version: DrizzleKitVersion): void {
  if (version === '0.31') {
    symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    return;
  }
  mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules', PACKAGES[version].kit), path.join(root, 'node_modules/drizzle-kit'), 'dir');
  symlinkSync(path.join(REPO, 'node_modules', PACKAGES[version].orm), path.join(root, 'node_modules/drizzle-orm'), 'dir');
}

/** `drizzle-kit <args>` in `cwd` (linked by `linkDrizzleKit`): exit code and output (stdout and stderr). */
export function runDrizzleKit(cwd: string, args: readonly string[], version: DrizzleKitVersion = '0.31'): Promise<{ code: number; output: string }> {
  const flags = version === '0.31' ? [] : ['--preserve-symlinks', '--preserve-symlinks-main'];
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...(version === '0.31' ? {} : { NODE_PATH: path.join(REPO, 'node_modules') }) };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...flags, path.join(cwd, 'node_modules/drizzle-kit/bin.cjs'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(new Error(`drizzle-kit ${version} did not finish: ${error.message}\n${stderr}`));
      else resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` });
    });
  });
}
