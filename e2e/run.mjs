// `npm run test:e2e`: serves the built app and runs every e2e/*.e2e.mjs against it in one
// shared Chromium. Arguments filter test files by name: `node e2e/run.mjs selection`.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, runOrThrow } from '../tools/system/runCommand.mjs';
import { startStaticServer } from '../tools/system/staticServer.mjs';
import { launchSharedBrowser } from './browser.mjs';

/**
 * Per test and per hook — and per file, which node's runner times as one test. A bundled site
 * loads in about 5 s here and the longest file (replay) takes about a minute; the margin is for
 * a busy 2-core CI machine (the replay file took 90 s with a type check running beside it), and
 * the limit is what stops a hung page from hanging the run.
 */
const TEST_TIMEOUT_MS = 360_000;

const filters = process.argv.slice(2);
const testFiles = readdirSync('e2e')
  .filter((name) => name.endsWith('.e2e.mjs'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort()
  .map((name) => join('e2e', name));
if (testFiles.length === 0) throw new Error(`no e2e test file matches ${filters.join(', ')}`);

// `npm test` has just built the app; a direct run builds it only when there is no build yet.
if (!existsSync('dist/index.html')) await runOrThrow('npx', ['vite', 'build']);

const server = await startStaticServer([
  { prefix: '/', dir: 'dist' },
  { prefix: '/e2e-fixtures/', dir: 'e2e/fixtures' },
  { prefix: '/recordings/', dir: 'recordings' },
  // Files tests make on the fly (a damaged recording, …).
  { prefix: '/e2e-out/', dir: 'e2e/.out' },
]);
const browser = await launchSharedBrowser();
try {
  process.exitCode = await runCommand(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      `--test-timeout=${TEST_TIMEOUT_MS}`,
      '--test-reporter=spec',
      ...testFiles,
    ],
    { env: { ...process.env, ...browser.env, TWINDECK_BASE_URL: server.url } },
  );
} finally {
  await browser.close();
  await server.close();
}
