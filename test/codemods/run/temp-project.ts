/** Temporary projects on disk for the rename codemod's tests: plain folders or committed git repos. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export type Tree = Record<string, string | Buffer>;

export interface TempProject {
  readonly root: string;
  read(file: string): string;
  write(file: string, text: string | Buffer): void;
  git(...args: string[]): string;
}

const created: string[] = [];

afterEach(() => {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A folder in the OS temp dir holding `tree`; removed after the test. */
export function createProject(tree: Tree, options: { git?: boolean } = {}): TempProject {
  const root = mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-rename-'));
  created.push(root);
  const project: TempProject = {
    root,
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    write: (file, text) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    },
    git: (...args) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd: root, encoding: 'utf8' }),
  };
  for (const [file, text] of Object.entries(tree)) project.write(file, text);
  if (options.git) {
    project.git('init', '-q');
    project.git('add', '-A');
    project.git('commit', '-qm', 'initial');
  }
  return project;
}
