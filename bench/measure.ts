/**
 * Run one command under GNU time and report its wall time and peak memory.
 * - `maxRssMb`: GNU time's `%M`, the peak resident set of the largest single process of the command's tree
 *   (getrusage of the waited child reports the maximum over the child and its reaped descendants, not a sum).
 * - `treeRssMb`: the peak of the SUM of resident sets over the whole process tree, sampled from /proc every
 *   50 ms (what matters for a tool that forks workers, such as jscodeshift).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface Measurement {
  readonly wallS: number;
  readonly maxRssMb: number;
  readonly treeRssMb: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Null when GNU time works, else a message saying how to install it. */
export function getGnuTimeProblem(): string | null {
  try {
    execFileSync(GNU_TIME, ['-f', '%e %M', 'true'], { stdio: 'pipe' });
    return null;
  } catch {
    return `GNU time is needed to measure peak memory and was not found at ${GNU_TIME}; install it (Debian/Ubuntu: sudo apt-get install -y time) and run again.`;
  }
}

/** Resident set sizes (KB) by pid, and child pids, read from /proc. */
function getTreeRssKb(rootPid: number): number {
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
        const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
        if (children !== '') stack.push(...children.split(/\s+/).map(Number));
      }
    } catch (error) {
      // The process ended between two reads: it holds no memory any more. Anything else is a real failure.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ESRCH') throw error;
    }
  }
  return total;
}

export function measure(command: string, args: readonly string[], options: { cwd: string }): Promise<Measurement> {
  const timeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-time-')), 'time.txt');
  return new Promise((resolve, reject) => {
    const child = spawn(GNU_TIME, ['-f', '%e %M', '-o', timeFile, command, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let treeKb = 0;
    const sampler = setInterval(() => {
      if (child.pid !== undefined) treeKb = Math.max(treeKb, getTreeRssKb(child.pid));
    }, 50);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      const line = fs.readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
      fs.rmSync(path.dirname(timeFile), { recursive: true, force: true });
      const match = /^([\d.]+) (\d+)$/.exec(line);
      if (!match) {
        reject(new Error(`could not read GNU time's output "${line}" for ${command} ${args.join(' ')}\n${stderr}`));
        return;
      }
      // GNU time's own RSS (~2 MB) is part of the sampled tree; it is negligible and left in.
      resolve({ wallS: Number(match[1]), maxRssMb: Number(match[2]) / 1024, treeRssMb: treeKb / 1024, exitCode: code ?? -1, stdout, stderr });
    });
  });
}
