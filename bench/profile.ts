/**
 * Where the CLI's time goes: one `drizzle-schema rename` run under `node --cpu-prof`, summarized as the
 * inclusive time of the pipeline's stages (functions of dist/codemods), so the cause of a slow run is measured.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Stage → the function (in dist/codemods) whose inclusive time it is. */
export const PROFILE_STAGES: Readonly<Record<string, string>> = {
  'discover files': 'discoverFiles',
  'known-tables scan (parses code files)': 'getKnownTables',
  'prefilter': 'prefilterFiles',
  'rewrite candidates (parse + transforms)': 'rewriteFile',
  'write files': 'writeFileAtomic',
};

export interface CliProfile {
  readonly files: number;
  readonly totalMs: number;
  /** Inclusive ms per stage of PROFILE_STAGES. */
  readonly stagesMs: Record<string, number>;
}

/** Inclusive time (ms) of each named function, a function counted once per sample even when recursive. */
export function getInclusiveMs(profile: CpuProfile, names: ReadonlySet<string>): { totalMs: number; byName: Map<string, number> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byName = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((sample, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    totalUs += delta;
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      // The bundled CLI (dist/bin/drizzle-schema.js) keeps function names, with a numeric suffix where two collide.
      const name = frame?.functionName.replace(/\d+$/, '');
      if (!frame || name === undefined || !frame.url.includes('/dist/') || !names.has(name) || seen.has(name)) continue;
      seen.add(name);
      byName.set(name, (byName.get(name) ?? 0) + delta);
    }
  });
  return { totalMs: totalUs / 1000, byName: new Map([...byName].map(([name, us]) => [name, us / 1000])) };
}

/** Run `node --cpu-prof <cliArgs>` in `cwd`, the profile written under `profileDir` (created). */
export function profileCli(options: { cliArgs: readonly string[]; cwd: string; profileDir: string; files: number }): CliProfile {
  const dir = options.profileDir;
  const files = options.files;
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...options.cliArgs], { cwd: options.cwd, stdio: 'pipe', maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    // Exit code 1 means "done, with items to review": the profile is complete.
    if ((error as { status?: number }).status !== 1) throw error;
  }
  const [file] = fs.readdirSync(dir);
  if (file === undefined) throw new Error('node --cpu-prof wrote no profile');
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const { totalMs, byName } = getInclusiveMs(profile, new Set(Object.values(PROFILE_STAGES)));
  return { files, totalMs, stagesMs: Object.fromEntries(Object.entries(PROFILE_STAGES).map(([stage, name]) => [stage, byName.get(name) ?? 0])) };
}
