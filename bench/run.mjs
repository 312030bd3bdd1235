// `npm run bench`: measures the figures of the project's targets in headless Chromium (and, for
// figures that need no page, in Node) and writes bench/RESULTS.md; exits 1 when a figure misses
// its target. Arguments pick figures by name: `npm run bench -- initialJs` (a partial run prints
// its table, leaves RESULTS.md alone).
import os from 'node:os';
import { CHROMIUM_ARGS, launchBrowser } from '../e2e/browser.mjs';
import { runOrThrow } from '../tools/system/runCommand.mjs';
import { startStaticServer } from '../tools/system/staticServer.mjs';
import { BENCH_ARGS } from './lib/benchFlags.mjs';
import { ensureAppBuild } from './lib/ensureAppBuild.mjs';
import { formatTable, writeResults } from './lib/report.mjs';
import firstFrame from './figures/firstFrame.mjs';
import fullScale from './figures/fullScale.mjs';
import ingest from './figures/ingest.mjs';
import initialJs from './figures/initialJs.mjs';
import seek from './figures/seek.mjs';
import rules from './figures/rules.mjs';
import previewSpeed from './figures/previewSpeed.mjs';

/** @type {import('./lib/report.mjs').Figure[]} */
const FIGURES = [initialJs, firstFrame, fullScale, ingest, seek, rules, previewSpeed];

const DIST_DIR = 'dist';

const wanted = process.argv.slice(2);
const figures = FIGURES.filter((f) => wanted.length === 0 || wanted.includes(f.name));
if (figures.length === 0) throw new Error(`no figure named ${wanted.join(', ')}`);

// Figures measured in Node (`browser: false`) need neither the builds nor a browser; figures
// that launch their own browsers (`browser: 'own'`) need the builds served.
const needsBrowser = figures.some((figure) => figure.browser !== false);
let server = null;
if (needsBrowser) {
  await ensureAppBuild(DIST_DIR);
  await runOrThrow('npx', ['vite', 'build', '--config', 'bench/vite.config.mjs']);
  server = await startStaticServer([
    { prefix: '/', dir: DIST_DIR },
    { prefix: '/bench/', dir: 'bench/.out' },
  ]);
}
let chromiumVersion = 'unknown';
const rows = [];
try {
  for (const figure of figures) {
    console.log(`▶ ${figure.name}`);
    if (figure.browser === false || figure.browser === 'own') {
      // Figures that launch their own browsers still need the build served.
      const baseUrl = figure.browser === 'own' ? server.url : null;
      rows.push(...(await figure.measure({ browser: null, baseUrl, distDir: DIST_DIR })));
      continue;
    }
    // A fresh browser per figure: a figure's baseline and candidate share one session, but no
    // figure inherits the processes and caches the previous one left behind.
    const browser = await launchBrowser(BENCH_ARGS);
    chromiumVersion = browser.version();
    try {
      rows.push(...(await figure.measure({ browser, baseUrl: server.url, distDir: DIST_DIR })));
    } finally {
      await browser.close();
    }
  }
} finally {
  await server?.close();
}

console.log(`\n${formatTable(rows)}\n`);
if (figures.length === FIGURES.length) {
  writeResults('bench/RESULTS.md', rows, {
    cores: String(os.availableParallelism()),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    chromium: `${chromiumVersion}, \`${[...CHROMIUM_ARGS, ...BENCH_ARGS].join(' ')}\``,
    viewport: '640×360, device pixel ratio 1',
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    command: '`npm run bench`',
  });
  console.log('Wrote bench/RESULTS.md');
}
const failed = rows.filter((row) => row.pass === false).length;
const passed = rows.filter((row) => row.pass === true).length;
console.log(`targets: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
