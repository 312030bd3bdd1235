// Bytes of JavaScript a visitor downloads before the app can start, compressed as served.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kB } from '../lib/format.mjs';

const TARGET_BYTES = 450_000;

/**
 * Scripts index.html loads up front: its module entry and the chunks Vite lists for
 * modulepreload (every static import of the entry). Lazy chunks are left out on purpose.
 */
function initialScripts(html) {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags
    .filter((tag) => /type="module"/.test(tag) || /rel="modulepreload"/.test(tag))
    .map((tag) => tag.match(/(?:src|href)="([^"]+)"/)?.[1])
    .filter((url) => url && !/^[a-z]+:/i.test(url));
}

/** @type {import('../lib/report.mjs').Figure} */
export default {
  name: 'initialJs',
  async measure({ distDir }) {
    const scripts = initialScripts(readFileSync(join(distDir, 'index.html'), 'utf8'));
    if (scripts.length === 0) throw new Error(`${distDir}/index.html loads no module script`);
    const gzipped = scripts.reduce(
      (total, url) => total + gzipSync(readFileSync(join(distDir, url.replace(/^\//, '')))).length,
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
