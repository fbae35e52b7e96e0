/** The codemod chart: median wall time against corpus size, one line per tool. Hand-written SVG, no dependencies. */
import type { CodemodSizeResult, CodemodTool } from './codemod.js';
import { CODEMOD_TOOLS } from './codemod.js';

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { top: 48, right: 170, bottom: 56, left: 64 };
const COLORS: Record<CodemodTool, string> = { 'drizzle-schema': '#2563eb', jscodeshift: '#dc2626', 'ts-morph': '#16a34a' };

/** A round step giving about `count` ticks up to `max`. */
function getTickStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw);
  return step ?? 10 * power;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fixed = (value: number): string => value.toFixed(1);

export function getCodemodChartSvg(sizes: readonly CodemodSizeResult[], caption: string): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxFiles = Math.max(...sizes.map((size) => size.files));
  const maxSeconds = Math.max(...sizes.flatMap((size) => CODEMOD_TOOLS.map((tool) => size.tools[tool].medianWallS)));
  const xStep = getTickStep(maxFiles, 5);
  const yStep = getTickStep(maxSeconds, 6);
  const xMax = Math.ceil(maxFiles / xStep) * xStep;
  const yMax = Math.ceil((maxSeconds * 1.05) / yStep) * yStep;
  const x = (files: number): number => MARGIN.left + (files / xMax) * plotWidth;
  const y = (seconds: number): number => MARGIN.top + plotHeight - (seconds / yMax) * plotHeight;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="600">Rename of 19 tables: wall time against corpus size</text>`,
    `<text x="${MARGIN.left}" y="40" fill="#555555">${escapeXml(caption)}</text>`,
  ];
  for (let value = 0; value <= yMax + 1e-9; value += yStep) {
    out.push(`<line x1="${MARGIN.left}" y1="${fixed(y(value))}" x2="${MARGIN.left + plotWidth}" y2="${fixed(y(value))}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${MARGIN.left - 8}" y="${fixed(y(value) + 4)}" text-anchor="end">${Number(value.toFixed(6))}</text>`);
  }
  for (let value = 0; value <= xMax + 1e-9; value += xStep) {
    out.push(`<line x1="${fixed(x(value))}" y1="${MARGIN.top + plotHeight}" x2="${fixed(x(value))}" y2="${MARGIN.top + plotHeight + 5}" stroke="#333333"/>`);
    out.push(`<text x="${fixed(x(value))}" y="${MARGIN.top + plotHeight + 20}" text-anchor="middle">${value.toLocaleString('en-US')}</text>`);
  }
  out.push(`<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${MARGIN.left + plotWidth}" y2="${MARGIN.top + plotHeight}" stroke="#333333"/>`);
  out.push(`<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotHeight}" stroke="#333333"/>`);
  out.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 14}" text-anchor="middle">files in the corpus</text>`);
  out.push(`<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">median wall time (s)</text>`);
  const sorted = [...sizes].sort((a, b) => a.files - b.files);
  const labels: string[] = [];
  for (const size of sorted) {
    // Labels of one corpus size, from the lowest point up, at least 13 px apart so they never overlap.
    const byValue = [...CODEMOD_TOOLS].sort((a, b) => size.tools[a].medianWallS - size.tools[b].medianWallS);
    let previous = Number.POSITIVE_INFINITY;
    for (const tool of byValue) {
      const seconds = size.tools[tool].medianWallS;
      const labelY = Math.min(y(seconds) - 6, previous - 13);
      previous = labelY;
      labels.push(`<text x="${fixed(x(size.files) + 7)}" y="${fixed(labelY)}" fill="${COLORS[tool]}" font-size="11">${seconds.toFixed(1)} s</text>`);
    }
  }
  CODEMOD_TOOLS.forEach((tool, index) => {
    const points = sorted.map((size) => [x(size.files), y(size.tools[tool].medianWallS)] as const);
    out.push(`<polyline fill="none" stroke="${COLORS[tool]}" stroke-width="2" points="${points.map(([px, py]) => `${fixed(px)},${fixed(py)}`).join(' ')}"/>`);
    for (const [px, py] of points) out.push(`<circle cx="${fixed(px)}" cy="${fixed(py)}" r="3.5" fill="${COLORS[tool]}"/>`);
    const legendY = MARGIN.top + 12 + index * 22;
    const legendX = MARGIN.left + plotWidth + 20;
    out.push(`<line x1="${legendX}" y1="${legendY - 4}" x2="${legendX + 22}" y2="${legendY - 4}" stroke="${COLORS[tool]}" stroke-width="2"/>`);
    out.push(`<text x="${legendX + 28}" y="${legendY}">${escapeXml(tool)}</text>`);
  });
  out.push(...labels, '</svg>');
  return `${out.join('\n')}\n`;
}
