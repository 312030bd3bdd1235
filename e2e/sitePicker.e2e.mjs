// Opening the app without a site offers every bundled site, and picking one loads it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { readBundledSiteIds } from './siteConfig.mjs';
import { byTestId, callTwin, openApp, waitUntilReady } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

describe('site picker', () => {
  const siteIds = readBundledSiteIds();
  let session;

  before(async () => {
    session = await openApp(browser, '');
  });
  after(() => session?.close());

  it('offers one option per bundled site', async () => {
    const picker = session.page.locator(byTestId('site-picker'));
    await picker.waitFor({ state: 'visible' });
    // The list arrives after the page: the picker says it is loading until then.
    await picker.locator('[data-testid^="site-option-"]').first().waitFor({ state: 'visible' });
    for (const id of siteIds) {
      assert.equal(await picker.locator(byTestId(`site-option-${id}`)).count(), 1, id);
    }
    assert.equal(await picker.locator('[data-testid^="site-option-"]').count(), siteIds.length);
  });

  it('loads the site that is clicked', async () => {
    const chosen = siteIds.at(-1);
    await session.page.locator(byTestId(`site-option-${chosen}`)).click();
    await session.page.waitForFunction((id) => window.twindeck.site()?.id === id, chosen);
    await waitUntilReady(session.page);
    assert.ok((await callTwin(session.page, 'site')).assetCount > 0);
  });

  it('logs no errors', () => {
    assert.deepEqual(session.uncaught, []);
    assert.deepEqual(session.consoleErrors, []);
  });
});
