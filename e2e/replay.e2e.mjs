// The terminal's bundled shift, replayed: seeks land on the recorded state, and a shared link
// brings back the same moment — time, speed, loop, camera and selection.
import assert from 'node:assert/strict';
import { open } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { McapIndexedReader } from '@mcap/core';
import { shiftPath } from '../tools/recordings/bundledShifts.mjs';
import { connectBrowser } from './browser.mjs';
import { byTestId, callTwin, openApp, openSite } from './twin.mjs';
import { readFileSync } from 'node:fs';

const browser = await connectBrowser();
after(() => browser.close());

const EARTH_RADIUS_M = 6_378_137;
const DEG = Math.PI / 180;
const config = JSON.parse(readFileSync('twin-configs/terminal.json', 'utf8'));
const { lat: lat0, lon: lon0 } = config.site.geoOrigin;

/** WGS 84 → site metres (x east, z south), independently of src/lib/geo.ts. */
const siteMetres = (lat, lon) => [
  (lon - lon0) * DEG * EARTH_RADIUS_M * Math.cos(lat0 * DEG),
  -(lat - lat0) * DEG * EARTH_RADIUS_M,
];

/**
 * Opens the recording with @mcap/core's own indexed reader — not the app's — to know where each
 * JSON-reporting truck last was at a time.
 */
async function openIndependentReader() {
  const handle = await open(shiftPath(process.cwd(), 'terminal'), 'r');
  const size = (await handle.stat()).size;
  const reader = await McapIndexedReader.Initialize({
    readable: {
      size: async () => BigInt(size),
      read: async (offset, length) => {
        const buffer = new Uint8Array(Number(length));
        await handle.read(buffer, 0, buffer.length, Number(offset));
        return buffer;
      },
    },
    decompressHandlers: {
      lz4: (buffer, size) => lz4Decompress(buffer, Number(size)),
    },
  });
  const truckTopics = [...reader.channelsById.values()]
    .map((c) => c.topic)
    .filter((topic) => /\/truck\/[^/]+\/state$/.test(topic));
  return {
    truckTopics,
    /** The newest state of the truck on `topic` logged at or before `t` (ms), in site metres. */
    async lastPosition(topic, t) {
      for await (const message of reader.readMessages({
        topics: [topic],
        endTime: BigInt(Math.floor(t)) * 1_000_000n,
        reverse: true,
      })) {
        const body = JSON.parse(new TextDecoder().decode(message.data));
        if (!body.gnss) continue;
        return siteMetres(body.gnss.lat, body.gnss.lon);
      }
      return null;
    },
    close: () => handle.close(),
  };
}

let lz4Decompress;

describe('replaying the terminal shift', () => {
  let session;
  let independent;

  before(async () => {
    const lz4 = await import('lz4js');
    lz4Decompress = (buffer, size) => {
      const out = new Uint8Array(size);
      out.set(lz4.decompress(buffer, size));
      return out;
    };
    independent = await openIndependentReader();
    session = await openSite(browser, '?site=terminal&mode=replay');
    await session.page.waitForFunction(() => window.twindeck.clock().mode === 'replay', null, {
      timeout: 60_000,
    });
  });
  after(async () => {
    await session?.close();
    await independent?.close();
  });

  it('opens paused at the start of an 8-hour shift', async () => {
    const clock = await callTwin(session.page, 'clock');
    assert.equal(clock.mode, 'replay');
    assert.equal(clock.playing, false);
    assert.ok(clock.end - clock.start >= 7.9 * 3600_000, 'an 8-hour shift');
    // The timeline's panel loads lazily, a moment after the clock is in replay mode.
    await session.page.waitForSelector(byTestId('timeline'), { state: 'visible', timeout: 30_000 });
  });

  it('shows the recorded truck positions at three seek times', async () => {
    const { start, end } = await callTwin(session.page, 'clock');
    for (const fraction of [0.83, 0.12, 0.47]) {
      const t = Math.round(start + (end - start) * fraction);
      await callTwin(session.page, 'seek', t);
      const clock = await callTwin(session.page, 'clock');
      assert.equal(clock.t, t);
      let checked = 0;
      for (const topic of independent.truckTopics) {
        const id = topic.split('/').at(-2);
        const expected = await independent.lastPosition(topic, t);
        if (!expected) continue;
        const shown = await callTwin(session.page, 'asset', id);
        const off = Math.hypot(shown.position[0] - expected[0], shown.position[2] - expected[1]);
        assert.ok(off < 0.5, `${id} at ${new Date(t).toISOString()}: ${off.toFixed(2)} m off`);
        checked++;
      }
      assert.ok(checked >= 3, `only ${checked} JSON trucks had reported by then`);
    }
  });

  it('plays on from a seek', async () => {
    const before = (await callTwin(session.page, 'clock')).t;
    await callTwin(session.page, 'setSpeed', 16);
    await callTwin(session.page, 'play');
    await session.page.waitForFunction((t) => window.twindeck.clock().t > t + 5_000, before);
    await callTwin(session.page, 'pause');
    const clock = await callTwin(session.page, 'clock');
    assert.equal(clock.speed, 16);
    assert.equal(clock.playing, false);
  });

  it('round-trips the moment through a shared link', async () => {
    const { page } = session;
    const { start } = await callTwin(page, 'clock');
    const t = start + 3 * 3600_000 + 1234;
    await callTwin(page, 'seek', t);
    await callTwin(page, 'setSpeed', 4);
    await callTwin(page, 'select', 'T003');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click(byTestId('replay-copy-link'));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const camera = await callTwin(page, 'camera');
    assert.match(link, /mode=replay/);

    const shared = await openApp(browser, new URL(link).search);
    try {
      await shared.page.evaluate(() => window.twindeck.ready());
      await shared.page.waitForFunction(
        (at) => {
          const clock = window.twindeck.clock();
          return clock.mode === 'replay' && clock.t === at && clock.state === 'paused';
        },
        t,
        { timeout: 60_000 },
      );
      const clock = await callTwin(shared.page, 'clock');
      assert.equal(clock.speed, 4);
      assert.equal(await callTwin(shared.page, 'selected'), 'T003');
      const there = await callTwin(shared.page, 'camera');
      for (let i = 0; i < 3; i++) {
        assert.ok(Math.abs(there.position[i] - camera.position[i]) < 0.2, 'camera position');
        assert.ok(Math.abs(there.target[i] - camera.target[i]) < 0.2, 'camera target');
      }
      const here = await callTwin(page, 'asset', 'T003');
      const again = await callTwin(shared.page, 'asset', 'T003');
      assert.deepEqual(again.position, here.position);
      assert.deepEqual(shared.uncaught, []);
    } finally {
      await shared.close();
    }
  });

  it('raises no page errors', () => {
    assert.deepEqual(session.uncaught, []);
    assert.deepEqual(session.consoleErrors, []);
  });
});
