// The first-person walk: keys move the camera at eye height, a wall stops it, the arrows turn it,
// the map sends it elsewhere, and Escape gives the orbit back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectBrowser } from './browser.mjs';
import { byTestId, callTwin, openSite, until } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

/** The bundled factory hall's east wall: its inner face, site metres (tools/sites/factoryLayout.ts). */
const EAST_WALL_X = 70 - 0.15;
/** The long aisle along the hall, clear from end to end. */
const AISLE_Z = -17.5;

const walk = (page) => callTwin(page, 'walk');

/**
 * Holds `keys` down until the walker has not moved for 1.5 s (or `ms` pass); returns where it
 * stopped. A software-rendered frame can take half a second, so one still poll proves nothing.
 */
async function holdUntilStill(page, keys, ms) {
  for (const key of keys) await page.keyboard.down(key);
  try {
    let last = await walk(page);
    let still = 0;
    const deadline = Date.now() + ms;
    while (still < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const now = await walk(page);
      const moved = Math.hypot(
        now.position[0] - last.position[0],
        now.position[2] - last.position[2],
      );
      still = moved < 0.01 ? still + 1 : 0;
      last = now;
    }
    return last;
  } finally {
    for (const key of [...keys].reverse()) await page.keyboard.up(key);
  }
}

describe('the first-person walk', () => {
  let session;
  before(async () => {
    session = await openSite(browser, '?site=factory&mode=static');
  });
  after(() => session?.close());

  it('starts from the toolbar at eye height, with the map and the controls shown', async () => {
    const { page } = session;
    await page.click(byTestId('walk-button'));
    await page.waitForSelector(byTestId('walk-overlay'));
    await page.waitForSelector(byTestId('walk-map'));
    const state = await until(
      'the camera at eye height',
      async () => {
        const camera = await page.evaluate(() => window.twindeck.camera());
        return Math.abs(camera.position[1] - 1.7) < 0.01 && camera;
      },
      10_000,
    );
    assert.ok(state);
    assert.equal((await walk(page)).on, true);
  });

  it('moves the camera with the keys and stops at the hall’s wall', async () => {
    const { page } = session;
    await callTwin(page, 'setWalk', true, { x: 60, z: AISLE_Z, headingDeg: 90 });
    await until(
      'the walker in the aisle',
      async () => (await walk(page)).position[0] === 60,
      5_000,
    );
    const before = await walk(page);
    assert.ok(Math.abs(before.headingDeg - 90) < 0.5, `heading ${before.headingDeg}`);

    await page.keyboard.down('w');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await page.keyboard.up('w');
    const walked = await walk(page);
    const camera = await page.evaluate(() => window.twindeck.camera());
    assert.ok(walked.position[0] > 60.5, `walked to x = ${walked.position[0]}`);
    assert.ok(Math.abs(walked.position[2] - AISLE_Z) < 0.05, 'straight ahead, east');
    assert.ok(Math.abs(camera.position[0] - walked.position[0]) < 0.5, 'the camera goes along');
    // W walked: it did not also open the wall screen.
    assert.equal((await callTwin(page, 'wall')).on, false);

    const stopped = await holdUntilStill(page, ['Shift', 'w'], 30_000);
    const x = stopped.position[0];
    assert.ok(x < EAST_WALL_X - 0.2, `stopped at x = ${x}, short of the wall at ${EAST_WALL_X}`);
    assert.ok(x > EAST_WALL_X - 1.5, `stopped at x = ${x}, at the wall, not before it`);
  });

  it('is stopped by equipment too: an AGV standing in the aisle', async () => {
    const { page } = session;
    const agvs = await callTwin(page, 'assets', { type: 'agv' });
    const agv = agvs.find((a) => Math.abs(a.position[2] - AISLE_Z) < 0.5);
    assert.ok(agv, 'an AGV waits in the aisle in the factory’s initial state');
    const [x, , z] = agv.position;
    await callTwin(page, 'setWalk', true, { x: x - 5, z, headingDeg: 90 });
    await until(
      'the walker west of the AGV',
      async () => (await walk(page)).position[0] === x - 5,
      5_000,
    );
    const stopped = await holdUntilStill(page, ['w'], 15_000);
    const gap = x - stopped.position[0];
    assert.ok(gap > 0.4 && gap < 2.5, `stopped ${gap.toFixed(2)} m short of the AGV's centre`);
  });

  it('turns with the arrow keys', async () => {
    const { page } = session;
    const before = await walk(page);
    await page.keyboard.down('ArrowLeft');
    await new Promise((resolve) => setTimeout(resolve, 800));
    await page.keyboard.up('ArrowLeft');
    const after = await walk(page);
    // Turning left from east is towards north: the heading goes down.
    const turned = (before.headingDeg - after.headingDeg + 360) % 360;
    assert.ok(turned > 10 && turned < 180, `turned ${turned}°`);
  });

  it('goes where the map is clicked', async () => {
    const { page } = session;
    const box = await page.locator(byTestId('walk-map')).boundingBox();
    // The middle of the map is the middle of the hall (the cutting and sewing area).
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const there = await until(
      'the walker near the hall’s middle',
      async () => {
        const state = await walk(page);
        return Math.hypot(state.position[0], state.position[2]) < 15 && state;
      },
      5_000,
    );
    assert.ok(there);
  });

  it('takes a camera view as a place to stand: in front of what it shows, facing it', async () => {
    const { page } = session;
    // The cutting view looks from (-36, 18, 24) at (-36, 0, -3): from the south, northwards.
    await callTwin(page, 'view', 'cutting');
    const there = await until(
      'the walker before the cutting tables',
      async () => {
        const state = await walk(page);
        return Math.abs(state.position[0] + 36) < 4 && state.position[2] > -3 && state;
      },
      5_000,
    );
    assert.equal(there.on, true, 'still walking');
    assert.ok(there.position[2] < 12, `within 12 m of the target (z = ${there.position[2]})`);
    assert.ok(
      there.headingDeg < 20 || there.headingDeg > 340,
      `facing north: ${there.headingDeg}°`,
    );
    const camera = await page.evaluate(() => window.twindeck.camera());
    assert.ok(Math.abs(camera.position[1] - 1.7) < 0.01, 'at eye height, not flown up');
  });

  it('plays a guided tour on foot: each stop puts the walker in front of it', async () => {
    const { page } = session;
    // "Fabric to garment", stop 2 is the cutting view, stop 1 the warehouse view.
    await callTwin(page, 'startTour', 'fabric-to-garment', 2);
    const cutting = await until(
      'the walker before the cutting tables',
      async () => {
        const state = await walk(page);
        return Math.abs(state.position[0] + 36) < 4 && state.position[2] > -3 && state;
      },
      5_000,
    );
    assert.equal(cutting.on, true, 'still walking');
    await page.keyboard.press(',');
    const warehouse = await until(
      'the walker moved on to the warehouse stop',
      async () => {
        const state = await walk(page);
        return state.position[0] < -45 && state;
      },
      5_000,
    );
    assert.equal((await callTwin(page, 'tour')).stop, 1);
    const camera = await page.evaluate(() => window.twindeck.camera());
    assert.ok(Math.abs(camera.position[1] - 1.7) < 0.01, 'at eye height, not flown up');
    assert.ok(warehouse);
    await page.keyboard.press('Escape'); // leaves the walk first (the walk's key)
    await page.keyboard.press('Escape'); // then ends the tour
    await until('the tour ended', async () => (await callTwin(page, 'tour')) === null, 5_000);
    await callTwin(page, 'setWalk', true);
    await until('walking again', async () => (await walk(page)).on, 5_000);
  });

  it('leaves with Escape, giving the orbit back', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await until('the walk off', async () => !(await walk(page)).on, 5_000);
    assert.equal(await page.locator(byTestId('walk-overlay')).count(), 0);
    // The orbit turns about the point the walker faced, not the far first view.
    const camera = await page.evaluate(() => window.twindeck.camera());
    const d = Math.hypot(...camera.target.map((v, i) => v - camera.position[i]));
    assert.ok(d > 5 && d < 15, `orbit target ${d.toFixed(1)} m ahead`);
  });
});
