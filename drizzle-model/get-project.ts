import type { TSESTree } from '@typescript-eslint/utils';
import { createProject, type Project } from './create-project.js';

const projects = new WeakMap<TSESTree.Program, Project>();

/**
 * The project view for one lint of a file (one per Program node, shared by every rule): module files come from
 * the process-wide cache (reused until they change on disk), resolved values are memoized for this lint only.
 */
export function getProject(program: TSESTree.Program): Project {
  let project = projects.get(program);
  if (!project) {
    project = createProject();
    projects.set(program, project);
  }
  return project;
}
