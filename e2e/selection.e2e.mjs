// A person points at a quay crane and clicks it: the app hovers, selects and inspects it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { configAssets, readSiteConfig, typeIdsOfCategory } from './siteConfig.mjs';
import { byTestId, callTwin, openSite } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

/** Text a config shows for a localized string, in any of its languages. */
const translations = (text) => (typeof text === 'string' ? [text] : Object.values(text ?? {}));

/**
 * Moves the camera through the configured views until one shows a crane on screen.
 * @returns {Promise<{ crane: object, point: [number, number] }>}
 */
async function findCraneOnScreen(page, config, cranes) {
  for (const view of config.cameraViews) {
    await callTwin(page, 'view', view.id);
    for (const crane of cranes) {
      const point = await callTwin(page, 'screenPosition', crane.id);
      if (point) return { crane, point };
    }
  }
  throw new Error('no configured camera view shows a quay crane');
}

describe('selecting an asset with the mouse (terminal)', () => {
  const config = readSiteConfig('terminal');
  const craneTypes = typeIdsOfCategory(config, 'quayCrane');
  const cranes = configAssets(config).filter((asset) => craneTypes.includes(asset.type));
  let session;
  let target;

  before(async () => {
    assert.ok(cranes.length > 0, 'the terminal config has quay cranes');
    session = await openSite(browser, '?site=terminal');
    target = await findCraneOnScreen(session.page, config, cranes);
  });
  after(() => session?.close());

  it('shows a tooltip while the pointer is over the crane', async () => {
    const [x, y] = target.point;
    await session.page.mouse.move(x, y);
    await session.page.locator(byTestId('hover-tooltip')).waitFor({ state: 'visible' });
  });

  it('selects the crane it is clicked on', async () => {
    const [x, y] = target.point;
    await session.page.mouse.click(x, y);
    await session.page.waitForFunction(() => window.twindeck.selected() !== null);
    assert.equal(await callTwin(session.page, 'selected'), target.crane.id);
  });

  it("shows the crane's id, type, name, zone and fields in the inspector", async () => {
    const inspector = session.page.locator(byTestId('inspector'));
    await inspector.waitFor({ state: 'visible' });
    const text = await inspector.innerText();
    const { crane } = target;
    const { fields } = await callTwin(session.page, 'asset', crane.id);
    const type = config.assetTypes[crane.type];
    const zone = config.zones?.find((z) => z.id === crane.zone);
    const expectations = [
      { what: 'id', any: [crane.id] },
      { what: 'type', any: [crane.type, ...translations(type.name)] },
      ...(crane.name ? [{ what: 'name', any: translations(crane.name) }] : []),
      ...(zone ? [{ what: 'zone', any: [zone.id, ...translations(zone.name)] }] : []),
      ...Object.keys(fields).map((field) => ({
        what: `field ${field}`,
        any: [field, ...translations(type.fields?.[field]?.label)],
      })),
    ];
    for (const { what, any } of expectations) {
      assert.ok(
        any.some((candidate) => text.includes(candidate)),
        `inspector shows no ${what} (${any.join(' / ')}):\n${text}`,
      );
    }
  });

  it('logs no errors', () => {
    assert.deepEqual(session.uncaught, []);
    assert.deepEqual(session.consoleErrors, []);
  });
});
