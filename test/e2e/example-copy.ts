/**
 * A committed copy of `examples/` inside the repo (`.tmp/e2e-<random>/examples`, git-ignored), so that
 * `node_modules` of the repo resolve for tsc and for imports of the copy's modules, and the CLI's
 * dirty-tree check sees a clean git work tree.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface ExampleCopy {
  /** The copied `examples` folder (the git work tree and the CLI's cwd). */
  readonly root: string;
  read(file: string): string;
  readBytes(file: string): Buffer;
  git(...args: string[]): string;
  remove(): void;
}

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const GIT_CONFIG = ['-c', 'user.email=e2e@example.com', '-c', 'user.name=e2e', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false'];

/** The environment without GIT_* variables (a git hook running the tests sets GIT_DIR/GIT_INDEX_FILE). */
export function getCleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
}

export function createExampleCopy(repoRoot: string): ExampleCopy {
  const tmp = path.join(repoRoot, '.tmp');
  mkdirSync(tmp, { recursive: true });
  const base = mkdtempSync(path.join(tmp, 'e2e-'));
  const root = path.join(base, 'examples');
  cpSync(path.join(repoRoot, 'examples'), root, {
    recursive: true,
    filter: (source) => !['node_modules', 'dist'].includes(path.basename(source)),
  });
  const git = (...args: string[]): string => execFileSync('git', [...GIT_CONFIG, ...args], { cwd: root, encoding: 'utf8', env: getCleanEnv() });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'examples as committed');
  return {
    root,
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    readBytes: (file) => readFileSync(path.join(root, file)),
    git,
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** Runs `node <args>` in `cwd`; resolves with the exit code (a signal or a timeout rejects). */
export function runNode(args: readonly string[], cwd: string, timeoutMs = 60_000): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...args], { cwd, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...getCleanEnv(), NO_COLOR: '1' } }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`node ${args.join(' ')} did not finish (${error.signal ?? error.code ?? error.message})\n${stderr}`));
        return;
      }
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}
