// `npm run screenshots`: renders each bundled site in Debian's Chromium and writes
// docs/screenshots/<site>.png for the README. Uses the built app (runs `vite build` if needed).
import { existsSync, readFileSync } from 'node:fs';
import { launchBrowser, openPage } from '../e2e/browser.mjs';
import { runOrThrow } from './system/runCommand.mjs';
import { startStaticServer } from './system/staticServer.mjs';

const SIZE = { width: 1280, height: 720 };

if (!existsSync('dist/index.html')) await runOrThrow('npx', ['vite', 'build']);
const { sites } = JSON.parse(readFileSync('twin-configs/index.json', 'utf8'));
const server = await startStaticServer([{ prefix: '/', dir: 'dist' }]);
const browser = await launchBrowser();
try {
  for (const site of sites) {
    const session = await openPage(browser);
    await session.page.setViewportSize(SIZE);
    await session.page.goto(`${server.url}/?site=${site.id}&lang=en`);
    await session.page.waitForFunction(() => typeof window.twindeck === 'object');
    await session.page.evaluate(() => window.twindeck.ready());
    // A few frames so the view has settled before the picture is taken.
    await session.page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
    const path = `docs/screenshots/${site.id}.png`;
    await session.page.screenshot({ path });
    console.log(`wrote ${path}`);
    await session.close();
  }
} finally {
  await browser.close();
  await server.close();
}
