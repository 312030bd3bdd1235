// Time to first frame of the bundled terminal against a bare three.js page, same session.
import { callTwin } from '../../e2e/twin.mjs';
import { ms } from '../lib/format.mjs';
import { waitForMark, withPage } from '../lib/pages.mjs';
import { alternate } from '../lib/stats.mjs';

// Page start-up on a 2-core VM varies by hundreds of milliseconds (a new renderer process per
// context), so the medians need more rounds than the frame-time figures.
const ROUNDS = 11;
/** Lets the previous page's renderer process wind down before the next navigation starts. */
const SETTLE_MS = 300;
const TARGET_MS = 2500;
const TARGET_RATIO = 2.5;
const APP_MARK = 'twindeck:first-frame';

/** Navigation start → the app's first-frame mark, or → `ready()` resolving if it sets none. */
async function appFirstFrame(page) {
  await page.waitForFunction(() => typeof window.twindeck === 'object', null, { polling: 10 });
  await callTwin(page, 'ready');
  return page.evaluate(
    (mark) => window.performance.getEntriesByName(mark)[0]?.startTime ?? window.performance.now(),
    APP_MARK,
  );
}

/** @type {import('../lib/report.mjs').Figure} */
export default {
  name: 'firstFrame',
  async measure({ browser, baseUrl }) {
    const open = (path, firstFrame) => () =>
      withPage(browser, async (page) => {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' });
        return firstFrame(page);
      });
    const median = await alternate(ROUNDS, {
      bare: open('/bench/bare.html', (page) => waitForMark(page, 'bench:first-frame')),
      app: open('/?site=terminal', appFirstFrame),
    });
    const ratio = median.app / median.bare;
    return [
      {
        figure: 'time to first frame, bundled terminal',
        value: ms(median.app),
        baseline: `${ms(median.bare)} (bare three.js page)`,
        ratio,
        target: `≤ ${ms(TARGET_MS)} and ≤ ${TARGET_RATIO}×`,
        pass: median.app <= TARGET_MS && ratio <= TARGET_RATIO,
      },
    ];
  },
};
