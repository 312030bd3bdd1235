// Models that cannot load are named on screen while the rest of the site renders.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { canvasImage, countPixels, isOrange } from './pixels.mjs';
import { configAssets, readFixture } from './siteConfig.mjs';
import { byTestId, callTwin, openSite } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

describe('a site with a missing and a truncated model (model-errors.json)', () => {
  const config = readFixture('model-errors.json');
  let session;

  before(async () => {
    // ready() resolving at all is part of the contract: failed models must not block it.
    session = await openSite(browser, '?config=/e2e-fixtures/model-errors.json');
  });
  after(() => session?.close());

  it('names each model that failed, and only those', async () => {
    const errors = await session.page.locator(byTestId('model-error')).allInnerTexts();
    const names = (id, file) => errors.some((text) => text.includes(id) || text.includes(file));
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.ok(names('ghostModel', 'does-not-exist.glb'), errors.join('\n'));
    assert.ok(names('wreckModel', 'truncated.glb'), errors.join('\n'));
  });

  it('still reports every asset', async () => {
    assert.equal((await callTwin(session.page, 'site')).assetCount, configAssets(config).length);
    assert.equal((await callTwin(session.page, 'assets')).length, configAssets(config).length);
  });

  it('still draws the assets whose model loaded', async () => {
    await callTwin(session.page, 'view', 'overview');
    // The crates are box.glb, orange; stand-ins for failed models must not be. From this view
    // the three crates cover about 8,000 pixels; one alone about 2,600.
    const orange = countPixels(await canvasImage(session.page), isOrange);
    assert.ok(orange > 5000, `only ${orange} orange pixels: the crates are not drawn`);
  });

  it('throws no uncaught errors', () => {
    assert.deepEqual(session.uncaught, []);
  });
});
