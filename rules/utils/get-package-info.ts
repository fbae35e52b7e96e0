import { existsSync, readFileSync } from 'node:fs';

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly repositoryUrl: string;
}

/**
 * The package's name, version and repository (from package.json `repository.url`, without `git+` and `.git`).
 * package.json is found by walking up from this module: two levels up in the sources (rules/utils/), three once
 * built (dist/rules/utils/).
 */
export function getPackageInfo(): PackageInfo {
  let url = new URL('./package.json', import.meta.url);
  for (let up = 0; up < 4 && !existsSync(url); up++) url = new URL('../package.json', url);
  const json = JSON.parse(readFileSync(url, 'utf8')) as { name: string; version: string; repository?: { url?: string } };
  const repositoryUrl = (json.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
  return { name: json.name, version: json.version, repositoryUrl };
}
