/**
 * What a rename run did, as data (`RenameReport`, printed as-is by `--json`) and as text.
 * The JSON shape is stable: fields are only ever added, `version` changes on a breaking change.
 */
import type { RenamePlan, ReviewItem, UnlistedMention } from './types.js';

/** The review reason of an old name in an applied migration (the text report lists those per file). */
export const APPLIED_MIGRATION_REASON = 'applied migration (never rewritten)';

export type SkipReason = 'parse-error' | 'overlapping-edits' | 'binary' | 'unreadable';

export interface ChangedFile {
  /** Relative to the run's cwd, forward slashes. */
  readonly file: string;
  /** Number of text edits applied. */
  readonly edits: number;
  /** Unified diff; present in dry-run only. */
  readonly diff?: string;
}

export interface SkippedFile {
  readonly file: string;
  readonly reason: SkipReason;
  readonly message: string;
}

export interface MigrationFile {
  readonly file: string;
  /** False in dry-run: the file would be written. */
  readonly written: boolean;
  /** Diff against an empty file; present in dry-run only. */
  readonly diff?: string;
}

export interface RenameReport {
  readonly version: 1;
  readonly dryRun: boolean;
  /** True when Ctrl-C stopped the run: the files in `changed` were written, the rest were not looked at. */
  readonly interrupted: boolean;
  readonly plan: RenamePlan;
  /** Files of a code or SQL kind found under the paths. */
  readonly filesScanned: number;
  /** Files that contain an old name (the prefilter's pick), applied migrations included. */
  readonly candidates: number;
  readonly changed: readonly ChangedFile[];
  readonly skipped: readonly SkippedFile[];
  /** Sorted by file, line, column. */
  readonly review: readonly ReviewItem[];
  /**
   * Mentions of old names that are not for review (see `UnlistedMention`), sorted like `review`: the text report
   * counts them per reason (`--show-all-leftovers` lists them); they never make the exit code 1.
   */
  readonly unlisted: readonly UnlistedMention[];
  /**
   * Every rename was already applied and this run changed no file and wrote no migration (the identical command on
   * the committed result): exit 0, whatever is left (mentions, binary files skipped) is information.
   */
  readonly alreadyApplied: boolean;
  readonly migrations: readonly MigrationFile[];
  /** Things the user should know that are not about one line (e.g. a migration file that did not parse). */
  readonly warnings: readonly string[];
}

/**
 * 0: done (also a re-run that found everything applied); 1: done, with review items or skipped files (or interrupted).
 * `unlisted` never counts. Bad input (2) never gets a report.
 */
export function getExitCode(report: RenameReport): 0 | 1 {
  if (report.interrupted) return 1;
  if (report.alreadyApplied) return 0;
  return report.review.length > 0 || report.skipped.length > 0 ? 1 : 0;
}

export function formatReportJson(report: RenameReport): string {
  // The plan's working fields (the run's known tables, the re-run flag, the planner's warnings, which are in
  // `warnings` already) are not part of the documented report.
  const internal = new Set<string>(['knownTables', 'isAppliedInCode', 'warnings'] satisfies Array<keyof RenamePlan>);
  const plan = Object.fromEntries(Object.entries(report.plan).filter(([key]) => !internal.has(key)));
  return `${JSON.stringify({ ...report, plan }, null, 2)}\n`;
}

export interface TextReportOptions {
  /** List every unlisted mention (`--show-all-leftovers`), not only their counts per reason. */
  readonly showAllLeftovers?: boolean;
}

/** The human report. In dry-run, the diffs come first. */
export function formatReportText(report: RenameReport, options: TextReportOptions = {}): string {
  const lines: string[] = [];
  if (report.dryRun) {
    for (const entry of [...report.changed, ...report.migrations]) {
      if (entry.diff) lines.push(entry.diff.trimEnd());
    }
    if (lines.length > 0) lines.push('');
  }
  const verb = report.dryRun ? 'Would change' : 'Changed';
  if (report.changed.length > 0) {
    lines.push(`${verb} ${getCount(report.changed.length, 'file')}:`);
    for (const entry of report.changed) lines.push(`  ${entry.file} (${getCount(entry.edits, 'edit')})`);
  }
  if (report.skipped.length > 0) {
    lines.push(`Skipped ${getCount(report.skipped.length, 'file')}:`);
    for (const entry of report.skipped) lines.push(`  ${entry.file}: ${entry.message}`);
  }
  if (report.review.length > 0) {
    lines.push(`To review (${getCount(report.review.length, 'place')}, left unchanged):`);
    for (const [file, items] of groupByFile(report.review)) {
      // Applied migrations name the old tables by nature: one line per file (every line is in --json).
      if (items.every((item) => item.reason === APPLIED_MIGRATION_REASON)) {
        const lineNumbers = [...new Set(items.map((item) => item.line))];
        const shown = lineNumbers.slice(0, 12).join(', ') + (lineNumbers.length > 12 ? ', …' : '');
        lines.push(`  ${file}: ${getCount(items.length, 'mention')} of old names on ${lineNumbers.length === 1 ? 'line' : 'lines'} ${shown} — ${APPLIED_MIGRATION_REASON}`);
        continue;
      }
      lines.push(`  ${file}`);
      for (const item of items) lines.push(`    ${item.line}:${item.column}  ${item.name}: ${item.reason}  | ${item.excerpt}`);
    }
  }
  if (report.unlisted.length > 0) lines.push(...getUnlistedLines(report.unlisted, options.showAllLeftovers ?? false));
  if (report.migrations.length > 0) {
    lines.push(`${report.dryRun ? 'Would write' : 'Wrote'} ${getCount(report.migrations.length, 'migration file')}:`);
    for (const entry of report.migrations) lines.push(`  ${entry.file}`);
  }
  if (report.warnings.length > 0) {
    lines.push('Warnings:');
    for (const warning of report.warnings) lines.push(`  ${warning}`);
  }
  lines.push(getSummary(report));
  return `${lines.join('\n')}\n`;
}

/** One line: what happened, in numbers. */
export function getSummary(report: RenameReport): string {
  const renames = [
    report.plan.tables.length > 0 ? getCount(report.plan.tables.length, 'table') : null,
    report.plan.columns.length > 0 ? getCount(report.plan.columns.length, 'column') : null,
  ].filter((part) => part !== null);
  const parts = [
    `${report.dryRun ? 'Dry run: would rename' : 'Renamed'} ${renames.join(' and ')}`,
    `${getCount(report.changed.length, 'file')} ${report.dryRun ? 'to change' : 'changed'} of ${getCount(report.candidates, 'candidate')} (${report.filesScanned} scanned)`,
    `${report.skipped.length} skipped`,
    `${report.review.length} to review`,
  ];
  if (report.unlisted.length > 0) parts.push(`${report.unlisted.length} not listed`);
  if (report.migrations.length > 0) parts.push(`${getCount(report.migrations.length, 'migration file')}${report.dryRun ? ' to write' : ' written'}`);
  const summary = `${parts.join(', ')}.`;
  return report.interrupted ? `Interrupted: ${summary} Files not reached were left as they were; run again to finish.` : summary;
}

const UNLISTED_HEADINGS: Record<UnlistedMention['why'], string> = {
  'table-not-in-reach': 'in files that name none of its table\'s names or Drizzle exports',
  'already-listed': 'listed by the run that applied the renames',
};

/** One line per why, name and reason with its count; with `showAll`, every mention under it. */
function getUnlistedLines(unlisted: readonly UnlistedMention[], showAll: boolean): string[] {
  const how = showAll ? '' : '; --show-all-leftovers lists them';
  const lines = [`Not listed for review (${getCount(unlisted.length, 'mention')} of old names, information only${how}; --json has them under "unlisted"):`];
  const groups = new Map<string, UnlistedMention[]>();
  for (const item of unlisted) {
    const key = `${item.why}\0${item.name}\0${item.reason}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const sorted = [...groups.values()].sort((a, b) => b.length - a.length);
  for (const items of sorted) {
    const [first] = items;
    if (!first) continue;
    const files = new Set(items.map((item) => item.file)).size;
    const subject = first.why === 'table-not-in-reach' ? `column name ${first.name}` : first.name;
    lines.push(`  ${items.length} × ${subject} (${first.reason}) in ${getCount(files, 'file')}, ${UNLISTED_HEADINGS[first.why]}`);
    if (showAll) for (const item of items) lines.push(`    ${item.file}:${item.line}:${item.column}  | ${item.excerpt}`);
  }
  return lines;
}

function groupByFile(items: readonly ReviewItem[]): Map<string, ReviewItem[]> {
  const groups = new Map<string, ReviewItem[]>();
  for (const item of items) {
    const group = groups.get(item.file);
    if (group) group.push(item);
    else groups.set(item.file, [item]);
  }
  return groups;
}

function getCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
