/** Spawn the built CLI and press Ctrl-C (SIGINT) once a watched file has been rewritten. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI_PATH } from '../codemods/cli/run-cli.js';

export interface InterruptedRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Whether SIGINT was sent (the watched file reached its expected text before the process ended). */
  readonly interrupted: boolean;
}

/**
 * Run `node cli.js <args>` in `cwd`; poll `watched` every few milliseconds and send SIGINT as soon as its
 * content is `expected` (the CLI has started writing). Resolves when the process exits.
 */
export function runCliAndInterrupt(args: readonly string[], cwd: string, watched: string, expected: string, timeoutMs = 120_000): Promise<InterruptedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const poll = setInterval(() => {
      if (interrupted || readFileSync(watched, 'utf8') !== expected) return;
      interrupted = true;
      child.kill('SIGINT');
    }, 2);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, interrupted });
    });
  });
}
