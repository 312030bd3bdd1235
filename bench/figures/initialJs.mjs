// Bytes of JavaScript a visitor downloads before the app can start, compressed as served.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kB } from '../lib/format.mjs';

const TARGET_BYTES = 450_000;

/**
 * Chunks a page loads before the app can start, from Vite's manifest: the HTML entry and its
 * static imports, and — because the entry is a bootstrap that imports the app at once
 * (src/app/main.tsx) — the entry's dynamic imports with their static imports. Chunks the app
 * itself loads lazily (replay panels, charts) are left out on purpose.
 */
function initialScripts(manifest) {
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('the build manifest has no entry');
  const files = new Set();
  const add = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) add(imported);
  };
  add(Object.keys(manifest).find((key) => manifest[key] === entry));
  for (const imported of entry.dynamicImports ?? []) add(imported);
  return [...files];
}

/** @type {import('../lib/report.mjs').Figure} */
export default {
  name: 'initialJs',
  async measure({ distDir }) {
    const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));
    const scripts = initialScripts(manifest);
    const gzipped = scripts.reduce(
      (total, file) => total + gzipSync(readFileSync(join(distDir, file))).length,
      0,
    );
    return [
      {
        figure: `initial JS (${scripts.length} file${scripts.length === 1 ? '' : 's'}, gzip)`,
        value: kB(gzipped),
        target: `≤ ${kB(TARGET_BYTES)}`,
        pass: gzipped <= TARGET_BYTES,
      },
    ];
  },
};
