// `npm run soak:wall` (not part of `npm test`): a wall screen running for an accelerated day. The
// page shows the bundled sites' 8-hour shifts in wall mode at 64× (tour, alarms, KPIs all
// running), starting each shift again when it ends, and every few site-hours opens the other
// site in the same page (as a wall that is switched between sites does) and comes back.
// Reports the heap's slope per site-hour after the first, and after each reload the heap and the
// renderer's GPU resources (renderer.info.memory) against the same site freshly loaded in a
// page of its own (the baseline: what the switched-to site weighs with nothing left over).
// Options: --hours N (site hours, default 24), --speed N (default 64), --reload-hours N
// (default 4), --sample-seconds N (default 20), --full-scale (the terminal is the full-scale one,
// ~50,000 containers, playing its 8-hour recording; made and cached by bench/lib on first use).
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, openPage } from '../../e2e/browser.mjs';
import { ensureAppBuild } from '../../bench/lib/ensureAppBuild.mjs';
import { ensureFullScaleRecordings } from '../../bench/lib/fullScaleRecordings.mjs';
import { ensureBundledShifts } from '../recordings/bundledShifts.mjs';
import { startStaticServer } from '../system/staticServer.mjs';

const { values } = parseArgs({
  options: {
    hours: { type: 'string', default: '24' },
    speed: { type: 'string', default: '64' },
    'reload-hours': { type: 'string', default: '4' },
    'sample-seconds': { type: 'string', default: '20' },
    'full-scale': { type: 'boolean', default: false },
  },
});
const HOURS = Number(values.hours);
const SPEED = Number(values.speed);
const RELOAD_MS = Number(values['reload-hours']) * 3600_000;
const SAMPLE_MS = Number(values['sample-seconds']) * 1000;
const SITES = ['terminal', 'factory'];
const WARM_UP_MS = 3600_000;

await ensureAppBuild('dist');
await ensureBundledShifts();
const full = values['full-scale'] ? await ensureFullScaleRecordings() : null;
const server = await startStaticServer([
  { prefix: '/', dir: 'dist' },
  { prefix: '/recordings/', dir: 'recordings' },
  // The full-scale site's config points at ../models/, so it is served beside them.
  ...(full
    ? [
        { prefix: '/bench-site/', dir: full.site.dir },
        { prefix: '/full-recordings/', dir: dirname(full.long) },
      ]
    : []),
]);
const browser = await launchBrowser(['--enable-precise-memory-info']);
/** How long a site plays before its heap is read, fresh or switched to: the same for both. */
const SETTLE_MS = 20_000;
const pageErrors = [];

const search = (site) =>
  full && site === 'terminal'
    ? `?config=/bench-site/terminal-full.json&mode=replay&recording=/full-recordings/terminal-full-8h.mcap&wall=1&speed=${SPEED}`
    : `?site=${site}&mode=replay&wall=1&speed=${SPEED}`;
/** A page in a browser context of its own (its own renderer process, so its own heap). */
async function wallPage() {
  const session = await openPage(browser);
  const { page } = session;
  const cdp = await page.context().newCDPSession(page);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const twin = (method, ...args) =>
    page.evaluate(([name, params]) => window.twindeck[name](...params), [method, args]);
  return {
    page,
    twin,
    close: session.close,
    /** The JS heap after a full collection, MB. */
    async heapMb() {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await page.evaluate(() => performance.memory.usedJSHeapSize)) / 2 ** 20;
    },
    /** Waits until the site is drawn and its recording open, then plays it from the start. */
    async startShift() {
      await twin('ready');
      await page.waitForFunction(() => window.twindeck.clock().mode === 'replay', null, {
        timeout: 120_000,
      });
      await twin('setSpeed', SPEED);
      await twin('play');
    },
    /** The GPU resources once the site has drawn a few seconds (its first frames upload them). */
    async gpuMemory() {
      await page.waitForTimeout(3000);
      const { geometries, textures } = await twin('stats');
      return { geometries, textures };
    },
  };
}

/** Each site opened in a fresh page and played SETTLE_MS: its heap and GPU resources. */
const baseline = {};
for (const site of SITES) {
  const fresh = await wallPage();
  await fresh.page.goto(`${server.url}/${search(site)}`);
  await fresh.page.waitForFunction(() => typeof window.twindeck === 'object');
  await fresh.startShift();
  const gpu = await fresh.gpuMemory();
  await fresh.page.waitForTimeout(SETTLE_MS - 3000);
  baseline[site] = { ...gpu, heap: await fresh.heapMb() };
  await fresh.close();
}

const wallScreen = await wallPage();
const { page, twin, heapMb, startShift, gpuMemory } = wallScreen;

/** Opens another site inside the page (history + popstate), as the site picker would. */
async function openInPage(site) {
  await page.evaluate((s) => {
    window.history.pushState(null, '', `/${s}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, search(site));
  await startShift();
}

await page.goto(`${server.url}/${search(SITES[0])}`);
await page.waitForFunction(() => typeof window.twindeck === 'object');
await startShift();
await gpuMemory();
const reloads = [];
const samples = [{ siteMs: 0, site: SITES[0], heap: await heapMb() }];
let siteMs = 0;
let lastClock = (await twin('clock')).t;
let sinceReload = 0;
let siteIndex = 0;
const began = Date.now();
console.log(
  `soak:wall: ${HOURS} site hours at ${SPEED}×, the other site every ${RELOAD_MS / 3600_000} h` +
    (full ? `, full-scale terminal (${full.assets} assets)` : ''),
);

while (siteMs < HOURS * 3600_000) {
  await page.waitForTimeout(SAMPLE_MS);
  const clock = await twin('clock');
  const step = Math.max(0, clock.t - lastClock);
  siteMs += step;
  sinceReload += step;
  lastClock = clock.t;
  if (clock.state === 'ended') {
    // The shift is over: start it again (a wall screen in a replay loop).
    await twin('seek', clock.start);
    await twin('play');
    lastClock = clock.start;
  }
  if (sinceReload >= RELOAD_MS) {
    sinceReload = 0;
    siteIndex = (siteIndex + 1) % SITES.length;
    const site = SITES[siteIndex];
    await openInPage(site);
    const memory = await gpuMemory();
    await page.waitForTimeout(SETTLE_MS - 3000);
    const heap = await heapMb();
    reloads.push({ site, siteHours: siteMs / 3600_000, ...memory, heap, first: baseline[site] });
    lastClock = (await twin('clock')).t;
  }
  samples.push({ siteMs, site: SITES[siteIndex], heap: await heapMb() });
  const wall = await twin('wall');
  console.log(
    `  ${(siteMs / 3600_000).toFixed(1)} site h: heap ${samples.at(-1).heap.toFixed(1)} MB, ` +
      `${SITES[siteIndex]}, tour stop ${wall.tourStop ?? '—'}${wall.alarm ? `, at alarm of ${wall.alarm.assetId}` : ''}`,
  );
}

/**
 * Least-squares slope of heap (MB) against site hours, after the warm-up hour, per site: the two
 * sites' heaps differ by their size, so only samples of the same site are compared.
 */
function slopeOf(site) {
  const kept = samples.filter((s) => s.siteMs >= WARM_UP_MS && s.site === site);
  if (kept.length < 3) return null;
  const xs = kept.map((s) => s.siteMs / 3600_000);
  const ys = kept.map((s) => s.heap);
  const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  return (
    xs.reduce((acc, x, i) => acc + (x - mx) * (ys[i] - my), 0) /
    xs.reduce((acc, x) => acc + (x - mx) ** 2, 0)
  );
}
const minutes = (Date.now() - began) / 60_000;
console.log('soak:wall result');
console.log(
  `  run:            ${(siteMs / 3600_000).toFixed(1)} site hours in ${minutes.toFixed(1)} min`,
);
for (const site of SITES) {
  const heaps = samples.filter((x) => x.site === site).map((x) => x.heap);
  if (heaps.length === 0) continue;
  const slope = slopeOf(site);
  console.log(
    `  heap, ${site.padEnd(8)} ${heaps[0].toFixed(1)} MB → ${heaps.at(-1).toFixed(1)} MB, ` +
      (slope === null
        ? 'too few samples after the first hour for a slope'
        : `slope ${slope.toFixed(2)} MB per site hour after the first (target < 1 MB/h)`),
  );
}
for (const r of reloads)
  console.log(
    `  reload to ${r.site.padEnd(8)} at ${r.siteHours.toFixed(1)} h: heap ${r.heap.toFixed(1)} MB, ` +
      `${r.geometries} geometries, ${r.textures} textures ` +
      `(fresh page: ${r.first.heap.toFixed(1)} MB, ${r.first.geometries}, ${r.first.textures})`,
  );
console.log(
  `  page errors:    ${pageErrors.length}${pageErrors.length ? ` (${pageErrors[0]})` : ''}`,
);
await browser.close();
await server.close();
