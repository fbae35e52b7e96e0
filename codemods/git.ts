/**
 * The few git questions the rename codemod asks: is this a work tree, which files does it hold
 * (tracked and untracked-but-not-ignored), and does it have uncommitted changes.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const MAX_BUFFER = 512 * 1024 * 1024;

async function runGit(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' });
  return stdout;
}

/** True when `cwd` is inside a git work tree. False when it is not, or git is not installed. */
export async function isGitWorkTree(cwd: string): Promise<boolean> {
  try {
    return (await runGit(cwd, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch (error) {
    if (isErrorWithCode(error, 'ENOENT') || isErrorWithCode(error, 128)) return false;
    throw error;
  }
}

/**
 * Files git knows under `paths` (relative to `cwd`; all of it when empty): tracked and untracked,
 * without ignored ones. Returned relative to `cwd`, with forward slashes.
 */
export async function listGitFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  const output = await runGit(cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...paths]);
  return [...new Set(output.split('\0').filter((file) => file.length > 0))];
}

/** `git status --porcelain` lines of the work tree containing `cwd`; empty when it is clean. */
export async function getUncommittedChanges(cwd: string): Promise<string[]> {
  const output = await runGit(cwd, ['status', '--porcelain']);
  return output.split('\n').filter((line) => line.length > 0);
}

function isErrorWithCode(error: unknown, code: string | number): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
