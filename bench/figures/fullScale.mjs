// The full-scale terminal: draw calls and triangles (counters), and frame time against one
// InstancedMesh of 50,000 boxes seen from the same camera, same session.
import { readFileSync } from 'node:fs';
import { runOrThrow } from '../../tools/system/runCommand.mjs';
import { configAssets } from '../../e2e/siteConfig.mjs';
import { callTwin } from '../../e2e/twin.mjs';
import { count, ms } from '../lib/format.mjs';
import { medianFrameMs, waitForMark, withPage } from '../lib/pages.mjs';
import { alternate } from '../lib/stats.mjs';

/** The generated site's config expects to be served at /bench-site/, beside /models/. */
const SITE_DIR = 'dist/bench-site';
const SITE_URL = '/?config=/bench-site/terminal-full.json';
const ROUNDS = 5;
const MAX_DRAW_CALLS = 100;
const MAX_FRAME_RATIO = 1.3;

const overviewOf = (config) =>
  config.cameraViews.find((view) => /overview/i.test(view.id)) ?? config.cameraViews[0];

/** `[minX, minZ, maxX, maxZ]` around every posed asset: where the reference lays its boxes. */
function footprint(config) {
  const points = configAssets(config)
    .filter((a) => a.pose)
    .map((a) => a.pose.position);
  const xs = points.map(([x]) => x);
  const zs = points.map(([, , z]) => z);
  return [Math.min(...xs), Math.min(...zs), Math.max(...xs), Math.max(...zs)];
}

function referenceUrl(baseUrl, view, area) {
  const url = new URL('/bench/instanced50k.html', baseUrl);
  url.searchParams.set('camera', view.position.join(','));
  url.searchParams.set('target', view.target.join(','));
  url.searchParams.set('area', area.join(','));
  return url.href;
}

/** @type {import('../lib/report.mjs').Figure} */
export default {
  name: 'fullScale',
  async measure({ browser, baseUrl }) {
    await runOrThrow('npx', ['tsx', 'tools/sites/generate.ts', '--full-scale', SITE_DIR]);
    const config = JSON.parse(readFileSync(`${SITE_DIR}/terminal-full.json`, 'utf8'));
    const view = overviewOf(config);
    let stats;
    const median = await alternate(ROUNDS, {
      reference: () =>
        withPage(browser, async (page) => {
          await page.goto(referenceUrl(baseUrl, view, footprint(config)));
          await waitForMark(page, 'bench:first-frame');
          return medianFrameMs(page);
        }),
      app: () =>
        withPage(browser, async (page) => {
          await page.goto(`${baseUrl}${SITE_URL}`);
          await page.waitForFunction(() => typeof window.twindeck === 'object');
          await callTwin(page, 'ready');
          await callTwin(page, 'view', view.id);
          const frameMs = await medianFrameMs(page);
          stats = await callTwin(page, 'stats');
          return frameMs;
        }),
    });
    const ratio = median.app / median.reference;
    const assets = `${count(configAssets(config).length)} assets`;
    return [
      {
        figure: `draw calls, full-scale terminal (${assets})`,
        value: count(stats.drawCalls),
        target: `≤ ${MAX_DRAW_CALLS}`,
        pass: stats.drawCalls <= MAX_DRAW_CALLS,
      },
      {
        figure: 'triangles per frame, full-scale terminal',
        value: count(stats.triangles),
        target: '—',
        pass: null,
      },
      {
        figure: `frame time, full-scale terminal at view "${view.id}"`,
        value: ms(median.app),
        baseline: `${ms(median.reference)} (one InstancedMesh, 50k boxes, 600k triangles)`,
        ratio,
        target: `≤ ${MAX_FRAME_RATIO}×`,
        pass: ratio <= MAX_FRAME_RATIO,
      },
    ];
  },
};
