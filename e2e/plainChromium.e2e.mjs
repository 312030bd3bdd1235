// The bench's Chromium without Playwright (bench/lib/plainChromium.mjs): the ingest figures'
// pages run in it, so it must give what Playwright's pages gave them — scripts before the
// page's own, evaluation with arguments, animation frames — and leave nothing behind.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { launchPlainChromium } from '../bench/lib/plainChromium.mjs';

const PAGE = `data:text/html,${encodeURIComponent(
  '<script>window.seenByPage = window.setByInit === true;</script>',
)}`;

describe('plain Chromium for the ingest bench', () => {
  let browser;
  before(async () => {
    browser = await launchPlainChromium();
  });
  after(() => browser?.close());

  it('runs the init script before the page, and evaluates functions with arguments', async () => {
    const page = await browser.openPage(PAGE, {
      initScript: () => {
        window.setByInit = true;
      },
    });
    try {
      await page.waitForFunction(() => window.seenByPage !== undefined);
      assert.equal(await page.evaluate(() => window.seenByPage), true);
      assert.deepEqual(await page.evaluate(([a, b]) => ({ sum: a + b }), [2, 3]), { sum: 5 });
      await assert.rejects(
        page.evaluate(() => Promise.reject(new Error('from the page'))),
        /from the page/,
      );
    } finally {
      await page.close();
    }
  });

  it('gives a page animation frames, and says when a wait timed out', async () => {
    const page = await browser.openPage('about:blank');
    try {
      const frames = await page.evaluate(
        () =>
          new Promise((resolve) => {
            let count = 0;
            const tick = () => (++count === 10 ? resolve(count) : requestAnimationFrame(tick));
            requestAnimationFrame(tick);
          }),
      );
      assert.equal(frames, 10);
      await assert.rejects(
        page.waitForFunction(() => window.neverSet === true, undefined, { timeout: 300 }),
        /timed out/,
      );
    } finally {
      await page.close();
    }
  });

  it('removes its profile when closed', async () => {
    const own = await launchPlainChromium();
    assert.ok(existsSync(own.profileDir));
    await own.close();
    assert.equal(existsSync(own.profileDir), false);
  });
});
