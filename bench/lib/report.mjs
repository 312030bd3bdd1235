import { writeFileSync } from 'node:fs';

/**
 * @typedef {object} Row One line of bench/RESULTS.md.
 * @property {string} figure what was measured
 * @property {string} value the measurement, with its unit
 * @property {string} [baseline] what it is held against, measured in the same session
 * @property {number} [ratio] value / baseline, for figures gated as a ratio
 * @property {string} target the target from the project's targets
 * @property {boolean | null} pass null for a figure reported without a target
 */

/**
 * @typedef {object} Figure One benchmark module under bench/figures/.
 * @property {string} name selects it on the command line: `npm run bench -- firstFrame`
 * @property {boolean | 'own'} [browser] false: measured in Node, without the app build or a
 *   browser (`browser` and `baseUrl` are then null); 'own': served the build, the figure
 *   launches the browsers it needs (`browser` is then null)
 * @property {(context: { browser: import('playwright-core').Browser | null, baseUrl: string | null, distDir: string }) => Promise<Row[]>} measure
 */

const verdict = (pass) => (pass === null ? '—' : pass ? 'pass' : '**fail**');

/** The rows as a Markdown table. */
export function formatTable(rows) {
  const lines = [
    '| figure | value | baseline | ratio | target | pass/fail |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.figure} | ${row.value} | ${row.baseline ?? '—'} | ` +
        `${row.ratio === undefined ? '—' : `${row.ratio.toFixed(2)}×`} | ${row.target} | ${verdict(row.pass)} |`,
    ),
  ];
  return lines.join('\n');
}

/**
 * Writes bench/RESULTS.md: the table, then how and where it was measured.
 * @param {Row[]} rows
 * @param {Record<string, string>} machine
 */
export function writeResults(path, rows, machine) {
  const text = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (`node bench/run.mjs`). Timings are medians of alternated',
    'rounds, the first round dropped, each beside a baseline measured in the same run; they are',
    'gated as ratios to it, except where docs/targets.md sets an absolute figure (seek and',
    'publish-to-frame latency). Counters are gated as absolute numbers. Every drawn frame waits',
    'for the GPU (a one-pixel read-back, bench/lib/gpuBackpressure.mjs), so a frame time is the',
    "frame's whole cost under SwiftShader, not only its JavaScript. The ingest pages run in a",
    'Chromium without Playwright attached (bench/lib/plainChromium.mjs), as a wall screen would.',
    '',
    formatTable(rows),
    '',
    '## Machine',
    '',
    ...Object.entries(machine).map(([key, value]) => `- ${key}: ${value}`),
    '',
  ].join('\n');
  writeFileSync(path, text);
}
