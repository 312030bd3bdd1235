// Damaged and wrong recordings: a clear banner, whatever can be played is played, no crash.
import assert from 'node:assert/strict';
import { mkdirSync, openSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { shiftPath } from '../tools/recordings/bundledShifts.mjs';
import { connectBrowser } from './browser.mjs';
import { byTestId, callTwin, openSite } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

const OUT = 'e2e/.out';
/** The first 6 MB of the terminal's shift: cut mid-chunk, no summary, no index. */
const TRUNCATED_BYTES = 6_000_000 + 123;

describe('a damaged recording', () => {
  before(() => {
    mkdirSync(OUT, { recursive: true });
    const bytes = Buffer.alloc(TRUNCATED_BYTES);
    const fd = openSync(shiftPath(process.cwd(), 'terminal'), 'r');
    readSync(fd, bytes, 0, bytes.length, 0);
    closeSync(fd);
    writeFileSync(`${OUT}/truncated.mcap`, bytes);
    writeFileSync(`${OUT}/not-a-recording.mcap`, 'this is a text file, not MCAP\n');
  });

  it('plays a truncated file up to its last good record, with a banner saying so', async () => {
    const session = await openSite(
      browser,
      '?site=terminal&mode=replay&recording=/e2e-out/truncated.mcap',
    );
    try {
      const { page } = session;
      await page.waitForFunction(() => window.twindeck.clock().mode === 'replay', null, {
        timeout: 60_000,
      });
      await page.waitForSelector(byTestId('replay-problems'));
      const banner = await page.textContent(byTestId('replay-problems'));
      assert.match(banner, /truncat|cut|end/i, banner);
      const clock = await callTwin(page, 'clock');
      assert.ok(clock.end > clock.start, 'some of the shift is playable');
      assert.ok(clock.end - clock.start < 8 * 3600_000, 'but not all of it');
      await callTwin(page, 'seek', clock.end);
      const trucks = await callTwin(page, 'assets', { type: 'truck' });
      assert.ok(trucks.some((t) => t.fields.status !== undefined));
      assert.deepEqual(session.uncaught, []);
    } finally {
      await session.close();
    }
  });

  it('refuses a file that is not a recording, and the site stays usable', async () => {
    const session = await openSite(
      browser,
      '?site=terminal&mode=replay&recording=/e2e-out/not-a-recording.mcap',
    );
    try {
      const { page } = session;
      await page.waitForSelector(byTestId('replay-error'));
      const text = await page.textContent(byTestId('replay-error'));
      assert.match(text, /not an MCAP recording/, text);
      assert.equal((await callTwin(page, 'clock')).mode, 'static');
      assert.ok((await callTwin(page, 'assets')).length > 0);
      assert.deepEqual(session.uncaught, []);
    } finally {
      await session.close();
    }
  });
});
