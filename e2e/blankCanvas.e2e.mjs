// The blank-canvas check used by the other tests can fail: a site with nothing in it is blank.
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { BLANK_CANVAS_VARIANCE, canvasImage, luminanceVariance } from './pixels.mjs';
import { openSite } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

it('scores a site without assets or scenery as blank', async () => {
  const session = await openSite(browser, '?config=/e2e-fixtures/empty-site.json');
  try {
    const variance = luminanceVariance(await canvasImage(session.page));
    assert.ok(variance <= BLANK_CANVAS_VARIANCE, `luminance variance ${variance.toFixed(1)}`);
  } finally {
    await session.close();
  }
});
