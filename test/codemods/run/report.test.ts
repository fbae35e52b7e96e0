import { describe, expect, it } from 'vitest';
import { parseTableFlag } from '../../../codemods/manifest.js';
import { buildPlan } from '../../../codemods/plan.js';
import { createProgressBar, formatProgressLine } from '../../../codemods/progress.js';
import type { RenameReport } from '../../../codemods/report.js';
import { formatReportJson, formatReportText, getExitCode } from '../../../codemods/report.js';

const plan = buildPlan({ tables: [parseTableFlag('messages=comms_messages'), parseTableFlag('calls=comms_calls')], columns: [] }, { knownTables: new Set() });

const report: RenameReport = {
  version: 1,
  dryRun: false,
  interrupted: false,
  plan,
  filesScanned: 40,
  candidates: 6,
  changed: [
    { file: 'src/db/schema.ts', edits: 3 },
    { file: 'supabase/seed.sql', edits: 1 },
  ],
  skipped: [{ file: 'src/broken.ts', reason: 'parse-error', message: 'does not parse: \')\' expected.' }],
  review: [
    { file: 'src/app/page.tsx', line: 4, column: 12, name: 'messages', reason: 'UI text', excerpt: '<h1>Your messages</h1>' },
    { file: 'src/app/page.tsx', line: 9, column: 3, name: 'calls', reason: 'comment', excerpt: '// calls' },
    { file: 'supabase/migrations/0001.sql', line: 1, column: 14, name: 'messages', reason: 'applied migration (never rewritten)', excerpt: 'create table messages ();' },
  ],
  unlisted: [],
  alreadyApplied: false,
  migrations: [{ file: 'supabase/migrations/20250101000000_rename.sql', written: true }],
  warnings: ['supabase/x.sql: SQL does not parse (syntax error at or near "tabel"); table names taken from CREATE TABLE by pattern'],
};

describe('formatReportText', () => {
  it('lists changed, skipped, review items by file, migrations, warnings and a summary', () => {
    expect(formatReportText(report)).toBe(
      [
        'Changed 2 files:',
        '  src/db/schema.ts (3 edits)',
        '  supabase/seed.sql (1 edit)',
        'Skipped 1 file:',
        "  src/broken.ts: does not parse: ')' expected.",
        'To review (3 places, left unchanged):',
        '  src/app/page.tsx',
        '    4:12  messages: UI text  | <h1>Your messages</h1>',
        '    9:3  calls: comment  | // calls',
        '  supabase/migrations/0001.sql: 1 mention of old names on line 1 — applied migration (never rewritten)',
        'Wrote 1 migration file:',
        '  supabase/migrations/20250101000000_rename.sql',
        'Warnings:',
        '  supabase/x.sql: SQL does not parse (syntax error at or near "tabel"); table names taken from CREATE TABLE by pattern',
        'Renamed 2 tables, 2 files changed of 6 candidates (40 scanned), 1 skipped, 3 to review, 1 migration file written.',
        '',
      ].join('\n'),
    );
  });

  it('prints diffs first in dry-run, and says when a run was interrupted', () => {
    const dry: RenameReport = {
      ...report, dryRun: true, interrupted: true, skipped: [], review: [], warnings: [],
      changed: [{ file: 'a.sql', edits: 1, diff: '--- a/a.sql\n+++ b/a.sql\n@@ -1,1 +1,1 @@\n-messages\n+comms_messages\n' }],
      migrations: [],
    };
    expect(formatReportText(dry)).toBe(
      [
        '--- a/a.sql',
        '+++ b/a.sql',
        '@@ -1,1 +1,1 @@',
        '-messages',
        '+comms_messages',
        '',
        'Would change 1 file:',
        '  a.sql (1 edit)',
        'Interrupted: Dry run: would rename 2 tables, 1 file to change of 6 candidates (40 scanned), 0 skipped, 0 to review. Files not reached were left as they were; run again to finish.',
        '',
      ].join('\n'),
    );
  });
});

describe('formatReportJson and getExitCode', () => {
  it('prints the report as JSON', () => {
    expect(JSON.parse(formatReportJson(report))).toEqual(report);
  });

  it('is 0 when clean, 1 with review items, skipped files or an interruption', () => {
    const clean = { ...report, skipped: [], review: [] };
    expect(getExitCode(clean)).toBe(0);
    expect(getExitCode({ ...clean, review: report.review })).toBe(1);
    expect(getExitCode({ ...clean, skipped: report.skipped })).toBe(1);
    expect(getExitCode({ ...clean, interrupted: true })).toBe(1);
  });

  it('is 0 for a re-run that found everything applied, even with binary files skipped; unlisted mentions never count', () => {
    const unlisted = report.review.map((item) => ({ ...item, why: 'already-listed' as const }));
    const binary = [{ file: 'src/vault.ts', reason: 'binary' as const, message: 'binary file (contains a NUL byte)' }];
    const rerun = { ...report, changed: [], migrations: [], review: [], unlisted, skipped: binary, alreadyApplied: true };
    expect(getExitCode(rerun)).toBe(0);
    expect(getExitCode({ ...rerun, interrupted: true })).toBe(1);
    expect(getExitCode({ ...report, skipped: [], review: [], unlisted })).toBe(0);
  });
});

describe('formatReportText: mentions not listed for review', () => {
  const mention = (file: string, line: number, name: string, reason: string, why: 'table-not-in-reach' | 'already-listed') => ({
    file, line, column: 1, name, reason, excerpt: `${name} here`, why,
  });
  const unlisted = [
    mention('cli/help.ts', 3, 'name', 'template literal text not recognized as SQL or a table name', 'table-not-in-reach'),
    mention('cli/help.ts', 9, 'name', 'template literal text not recognized as SQL or a table name', 'table-not-in-reach'),
    mention('cli/other.ts', 2, 'name', 'template literal text not recognized as SQL or a table name', 'table-not-in-reach'),
    mention('cli/other.ts', 5, 'name', 'comment', 'table-not-in-reach'),
  ];
  const withUnlisted = { ...report, unlisted };

  it('counts them in one line per name and reason, with how to see them', () => {
    const text = formatReportText(withUnlisted);
    expect(text).toContain(
      [
        'Not listed for review (4 mentions of old names, information only; --show-all-leftovers lists them; --json has them under "unlisted"):',
        "  3 × column name name (template literal text not recognized as SQL or a table name) in 2 files, in files that name none of its table's names or Drizzle exports",
        "  1 × column name name (comment) in 1 file, in files that name none of its table's names or Drizzle exports",
      ].join('\n'),
    );
    expect(text).not.toContain('cli/help.ts:3');
    expect(text).toContain('3 to review, 4 not listed');
  });

  it('lists every one with --show-all-leftovers', () => {
    const text = formatReportText(withUnlisted, { showAllLeftovers: true });
    expect(text).toContain('    cli/help.ts:3:1  | name here\n    cli/help.ts:9:1  | name here\n    cli/other.ts:2:1  | name here\n');
    expect(text).not.toContain('--show-all-leftovers lists them');
  });
});

describe('progress bar', () => {
  it('formats one line, cut to the terminal width', () => {
    expect(formatProgressLine({ phase: 'rewrite', done: 12, total: 40, file: 'src/db/schema.ts' }, 80)).toBe('rewriting [#######-----------------] 12/40 src/db/schema.ts');
    expect(formatProgressLine({ phase: 'read', done: 0, total: 0, file: 'a.ts' }, 80)).toBe('reading   [########################] 0/0 a.ts');
    expect(formatProgressLine({ phase: 'read', done: 1, total: 3, file: 'a/very/long/path/to/a/file.ts' }, 30)).toBe('reading   [########---------…');
  });

  it('redraws at most every 100 ms, and always at the end of a phase', () => {
    const writes: string[] = [];
    let time = 1000;
    const bar = createProgressBar({ columns: 80, write: (text) => writes.push(text) > 0 }, () => time);
    bar.update({ phase: 'read', done: 1, total: 3, file: 'a.ts' });
    time += 50;
    bar.update({ phase: 'read', done: 2, total: 3, file: 'b.ts' });
    time += 10;
    bar.update({ phase: 'read', done: 3, total: 3, file: 'c.ts' });
    time += 100;
    bar.update({ phase: 'rewrite', done: 1, total: 2, file: 'c.ts' });
    bar.stop();
    bar.stop();
    expect(writes).toEqual([
      '\r\x1b[2Kreading   [########----------------] 1/3 a.ts',
      '\r\x1b[2Kreading   [########################] 3/3 c.ts',
      '\r\x1b[2Krewriting [############------------] 1/2 c.ts',
      '\r\x1b[2K',
    ]);
  });
});
