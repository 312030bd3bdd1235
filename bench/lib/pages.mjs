// Page-side measurements shared by the figures. Functions passed to page.evaluate run in the
// browser, so they reach browser globals through `window`.
import { openPage } from '../../e2e/browser.mjs';
import { waitForGpuEachFrame } from './gpuBackpressure.mjs';
import { intervals, median } from './stats.mjs';

/**
 * Runs `use(page)` in a fresh context (cold HTTP cache), with frames held to the GPU's pace,
 * and closes it afterwards.
 */
export async function withPage(browser, use) {
  const session = await openPage(browser);
  try {
    await session.page.context().addInitScript(waitForGpuEachFrame);
    return await use(session.page);
  } finally {
    await session.close();
  }
}

/** Milliseconds from navigation start until the page set performance mark `name`. */
export async function waitForMark(page, name) {
  const handle = await page.waitForFunction(
    (mark) => window.performance.getEntriesByName(mark)[0]?.startTime,
    name,
    { polling: 10 },
  );
  return handle.jsonValue();
}

/**
 * Median gap between animation frames over at least `minFrames` frames and `minMs`
 * milliseconds: the cost of one frame, CPU and GPU, given the backpressure that `withPage`
 * installs. The first frames are skipped: they may still carry work queued before.
 */
export async function medianFrameMs(page, { minFrames = 10, minMs = 2000, warmupFrames = 3 } = {}) {
  const stamps = await page.evaluate(
    ({ frames, duration, warmup }) =>
      new Promise((resolve) => {
        const seen = [];
        let skipped = 0;
        const tick = (time) => {
          if (skipped < warmup) skipped += 1;
          else seen.push(time);
          const done = seen.length > frames && seen.at(-1) - seen[0] >= duration;
          if (done) resolve(seen);
          else window.requestAnimationFrame(tick);
        };
        window.requestAnimationFrame(tick);
      }),
    { frames: minFrames, duration: minMs, warmup: warmupFrames },
  );
  return median(intervals(stamps));
}
