/**
 * The first-phase table renames of seed 001, read from its own text. `seed-001-phase-1.md` is the
 * "Phase 1" section of `../shared/seeds/001_*` copied verbatim (the seed lives outside the repo, so CI
 * may not have it); when the seed is present, `readSeedPhaseOne` checks the copy has not drifted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const COPY_PATH = path.join(import.meta.dirname, 'seed-001-phase-1.md');
const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../shared/seeds');

/** The text between `## Phase 1:` and `## Phase 2:` of a seed, or null when it has no such section. */
export function getPhaseOneSection(seedText: string): string | null {
  const start = seedText.search(/^## Phase 1:/m);
  const end = seedText.search(/^## Phase 2:/m);
  if (start === -1 || end === -1 || end < start) return null;
  return seedText.slice(start, end);
}

/** Table rows `| \`old\` | \`new\` | …` of the section, in order. Rows like `| \`deals\` | Keep as-is |` are not renames. */
export function parseTableRenames(section: string): Map<string, string> {
  const renames = new Map<string, string>();
  for (const match of section.matchAll(/^\|\s*`([a-z_][a-z0-9_]*)`\s*\|\s*`([a-z_][a-z0-9_]*)`\s*\|/gm)) {
    const [, from, to] = match;
    if (renames.has(from!)) throw new Error(`seed 001 phase 1 renames "${from}" twice`);
    renames.set(from!, to!);
  }
  return renames;
}

/** The committed copy of the section; throws when the seed is present and its section differs. */
export function readSeedPhaseOne(): { section: string; checkedAgainst: string | null } {
  const section = readFileSync(COPY_PATH, 'utf8');
  const seedFile = existsSync(SEEDS_DIR) ? readdirSync(SEEDS_DIR).find((name) => name.startsWith('001_')) : undefined;
  if (seedFile === undefined) return { section, checkedAgainst: null };
  const seedPath = path.join(SEEDS_DIR, seedFile);
  const fromSeed = getPhaseOneSection(readFileSync(seedPath, 'utf8'));
  if (fromSeed !== section) {
    throw new Error(`${COPY_PATH} no longer matches the "Phase 1" section of ${seedPath}: copy the section again`);
  }
  return { section, checkedAgainst: seedPath };
}
