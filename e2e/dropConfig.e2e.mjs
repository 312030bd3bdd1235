// Dropping a twin-config file anywhere on the page loads it, or explains why it cannot.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { canvasImage, countPixels, isOrange } from './pixels.mjs';
import { configAssets, readFixture } from './siteConfig.mjs';
import { byTestId, callTwin, openApp, waitUntilReady } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

/**
 * Drags a file in from outside the page and drops it on whatever is at the page's centre; the
 * events bubble, so a handler anywhere up to `window` sees them.
 */
function dropFile(page, name, text) {
  return page.evaluate(
    ([fileName, contents]) => {
      const target =
        document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) ?? document.body;
      const dataTransfer = new window.DataTransfer();
      dataTransfer.items.add(new window.File([contents], fileName, { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new window.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }),
        );
      }
    },
    [name, text],
  );
}

describe('dropping a config file on the page', () => {
  it('loads a valid config', async () => {
    const config = readFixture('dropped-site.json');
    const session = await openApp(browser, '');
    try {
      await dropFile(session.page, 'site.json', JSON.stringify(config));
      await session.page.waitForFunction((id) => window.twindeck.site()?.id === id, config.site.id);
      await waitUntilReady(session.page);
      assert.equal((await callTwin(session.page, 'site')).assetCount, configAssets(config).length);
      await callTwin(session.page, 'view', 'overview');
      const orange = countPixels(await canvasImage(session.page), isOrange);
      assert.ok(orange > 0, 'the dropped boxes (orange) are not drawn');
      assert.deepEqual(session.uncaught, []);
      assert.deepEqual(session.consoleErrors, []);
    } finally {
      await session.close();
    }
  });

  it('lists the problems of a file that is not valid JSON', async () => {
    const session = await openApp(browser, '');
    try {
      const text = readFileSync('e2e/fixtures/syntax-error.txt', 'utf8');
      await dropFile(session.page, 'broken.json', text);
      const errors = session.page.locator(byTestId('config-error'));
      await errors.first().waitFor({ state: 'visible' });
      assert.ok((await errors.allInnerTexts()).some((error) => error.includes('$')));
      assert.deepEqual(session.uncaught, []);
    } finally {
      await session.close();
    }
  });
});
