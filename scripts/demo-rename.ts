/**
 * `npm run demo:rename`: the rename codemod on a throwaway copy of the example app.
 * Copies `examples/` to a temp folder, commits it in a fresh git repo, runs the built CLI with
 * `--manifest renames.json --dry-run`, then for real with `--migration-dir supabase/migrations`,
 * prints the report and the first lines of the generated forward migration, and removes the copy.
 * Builds first (`npm run build`) when `dist/` has no CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist/bin/drizzle-schema.js');
const migrationDir = 'supabase/migrations';
const diffLines = 60;
const migrationLines = 30;

const bold = (text: string): string => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[22m` : text);

function getEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=demo@example.com', '-c', 'user.name=demo', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: getEnv(),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Runs the CLI; exit codes 0 (done) and 1 (done, with places to review) are both a finished run. */
function runCli(cwd: string, args: string[]): { output: string; status: number } {
  console.log(bold(`$ drizzle-schema ${args.join(' ')}`));
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...getEnv(), NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`drizzle-schema exited with ${result.status ?? result.signal}:\n${result.stderr}${result.stdout}`);
  }
  if (result.stderr) process.stderr.write(result.stderr);
  return { output: result.stdout, status: result.status };
}

/** Prints the dry run's report in full and only the first lines of its diff. */
function printDryRun({ output, status }: { output: string; status: number }): void {
  const lines = output.trimEnd().split('\n');
  const reportStart = lines.findIndex((line) => /^(Would change|Skipped|To review|Would write|Dry run:)/.test(line));
  const diff = reportStart === -1 ? lines : lines.slice(0, reportStart);
  console.log(diff.slice(0, diffLines).join('\n'));
  if (diff.length > diffLines) console.log(`… ${diff.length - diffLines} more lines of diff`);
  if (reportStart !== -1) console.log(lines.slice(reportStart).join('\n'));
  console.log(`(exit code ${status})`);
}

if (!existsSync(cli)) {
  console.log(bold(`${path.relative(root, cli)} is missing: npm run build`));
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

const base = mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-demo-'));
try {
  const app = path.join(base, 'examples');
  cpSync(path.join(root, 'examples'), app, { recursive: true, filter: (source) => path.basename(source) !== 'node_modules' });
  git(app, 'init', '-q');
  git(app, 'add', '-A');
  git(app, 'commit', '-qm', 'example app');
  console.log(bold(`Copied examples/ to ${app} (a fresh git repo)\n`));
  const before = new Set(readdirSync(path.join(app, migrationDir)));

  printDryRun(runCli(app, ['rename', '--manifest', 'renames.json', '--dry-run']));
  console.log();
  const real = runCli(app, ['rename', '--manifest', 'renames.json', '--migration-dir', migrationDir]);
  process.stdout.write(real.output);
  console.log(`(exit code ${real.status}: 1 means done, with places to review)`);

  const written = readdirSync(path.join(app, migrationDir)).filter((name) => !before.has(name));
  const forward = written.find((name) => !/rollback|cleanup/i.test(name));
  if (forward === undefined) throw new Error(`no forward migration among the new files of ${migrationDir}: ${written.join(', ') || '(none)'}`);
  const text = readFileSync(path.join(app, migrationDir, forward), 'utf8').split('\n');
  console.log(bold(`\n${migrationDir}/${forward} (first ${Math.min(migrationLines, text.length)} of ${text.length} lines):`));
  console.log(text.slice(0, migrationLines).join('\n'));
} finally {
  rmSync(base, { recursive: true, force: true });
}
