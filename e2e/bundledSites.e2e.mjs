// Every bundled site loads completely: each configured asset is there, where the config puts it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { BLANK_CANVAS_VARIANCE, canvasImage, luminanceVariance } from './pixels.mjs';
import { configAssets, countByType, readBundledSiteIds, readSiteConfig } from './siteConfig.mjs';
import { callTwin, openSite } from './twin.mjs';

/** Positions are stored as float32 in three.js; 1 mm is far above that rounding. */
const POSITION_TOLERANCE_M = 1e-3;

const browser = await connectBrowser();
after(() => browser.close());

for (const siteId of readBundledSiteIds()) {
  describe(`bundled site "${siteId}"`, () => {
    const config = readSiteConfig(siteId);
    const declared = configAssets(config);
    let session;
    let assets;

    before(async () => {
      session = await openSite(browser, `?site=${siteId}`);
      assets = await callTwin(session.page, 'assets');
    });
    after(() => session?.close());

    it('reports every configured asset', async () => {
      const site = await callTwin(session.page, 'site');
      assert.equal(site.id, config.site.id);
      assert.equal(typeof site.name, 'string');
      assert.equal(site.assetCount, declared.length);
      assert.equal(assets.length, declared.length);
    });

    it('has as many assets of each type as the config', () => {
      assert.deepEqual(countByType(assets), countByType(declared));
    });

    it('places each posed asset at its configured position', () => {
      const byId = new Map(assets.map((asset) => [asset.id, asset]));
      for (const expected of declared.filter((asset) => asset.pose)) {
        const actual = byId.get(expected.id);
        assert.ok(actual, `asset ${expected.id} is missing`);
        expected.pose.position.forEach((value, axis) => {
          const delta = Math.abs(actual.position[axis] - value);
          assert.ok(
            delta <= POSITION_TOLERANCE_M,
            `${expected.id} position[${axis}] is ${actual.position[axis]}, config says ${value}`,
          );
        });
      }
    });

    it('gives each asset bound to a site-model node a finite position', () => {
      const nodeBound = new Set(declared.filter((a) => a.node).map((a) => a.id));
      for (const asset of assets.filter((a) => nodeBound.has(a.id))) {
        assert.ok(asset.position.every(Number.isFinite), `${asset.id} is at ${asset.position}`);
      }
    });

    it('draws the site (the canvas is not blank)', async () => {
      const variance = luminanceVariance(await canvasImage(session.page));
      assert.ok(variance > BLANK_CANVAS_VARIANCE, `luminance variance ${variance.toFixed(1)}`);
    });

    it('logs no errors', () => {
      assert.deepEqual(session.uncaught, []);
      assert.deepEqual(session.consoleErrors, []);
    });
  });
}
