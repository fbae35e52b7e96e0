/**
 * A one-line progress bar for long runs, drawn on a terminal stream (the CLI passes stderr, and only
 * when it is a TTY and `--json` is off). Redraws at most every 100 ms, and once more when a phase ends.
 */
import type { RenameProgress } from './run.js';

export interface ProgressBar {
  readonly update: (progress: RenameProgress) => void;
  /** Clear the line; call before printing the report. */
  readonly stop: () => void;
}

export interface ProgressStream {
  readonly columns?: number;
  write(text: string): boolean;
}

const REDRAW_INTERVAL_MS = 100;
const BAR_WIDTH = 24;

export function createProgressBar(stream: ProgressStream, now: () => number = Date.now): ProgressBar {
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(progress) {
      const time = now();
      if (time - lastDraw < REDRAW_INTERVAL_MS && progress.done < progress.total) return;
      lastDraw = time;
      drawn = true;
      stream.write(`\r\x1b[2K${formatProgressLine(progress, stream.columns ?? 80)}`);
    },
    stop() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** `rewrite [#########---------------]  12/40 src/db/schema.ts`, cut to `width` columns. */
export function formatProgressLine(progress: RenameProgress, width: number): string {
  const ratio = progress.total === 0 ? 1 : Math.min(1, progress.done / progress.total);
  const filled = Math.round(ratio * BAR_WIDTH);
  const counts = `${String(progress.done).padStart(String(progress.total).length)}/${progress.total}`;
  const label = progress.phase === 'read' ? 'reading' : 'rewriting';
  const line = `${label.padEnd(9)} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${counts} ${progress.file}`;
  const max = Math.max(10, width - 1);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
