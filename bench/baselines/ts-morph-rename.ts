/**
 * Baseline (b) of the codemod benchmark: load the project in ts-morph and rename ONE symbol, the exported
 * table variable `from`, across the project (the language service's rename: every reference in every file),
 * then save the changed files.
 *
 *   node --import tsx bench/baselines/ts-morph-rename.ts <project dir with tsconfig.json> <from> <to>
 *
 * Prints one JSON line: { files, declarationFile, changedFiles }.
 */
import path from 'node:path';
import { Project } from 'ts-morph';

const [dir, from, to] = process.argv.slice(2);
if (dir === undefined || from === undefined || to === undefined) {
  process.stderr.write('usage: ts-morph-rename.ts <dir> <from> <to>\n');
  process.exit(2);
}

const project = new Project({ tsConfigFilePath: path.join(dir, 'tsconfig.json') });
const sourceFiles = project.getSourceFiles();
const declaration = sourceFiles.map((file) => file.getVariableDeclaration(from)).find((found) => found?.isExported());
if (!declaration) {
  process.stderr.write(`no exported variable ${from} in ${dir}\n`);
  process.exit(1);
}
declaration.rename(to);
const changed = sourceFiles.filter((file) => !file.isSaved());
project.saveSync();
process.stdout.write(`${JSON.stringify({ files: sourceFiles.length, declarationFile: path.relative(dir, declaration.getSourceFile().getFilePath()), changedFiles: changed.length })}\n`);
