// `npm run soak` (not part of `npm test`): the app live on the bundled terminal while 2,000
// msg/s flow, and the broker (Mosquitto, or Aedes when Mosquitto is missing) killed and
// restarted 50 times. Reports reconnect times, SUBSCRIBE counts and heap growth.
// Options: --kills N (default 50), --rate N (default 2000), --up-seconds N (default 4).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { launchBrowser, openPage } from '../../e2e/browser.mjs';
import { configAssets } from '../../e2e/siteConfig.mjs';
import { startEmbeddedBroker } from '../broker/embeddedBroker.mjs';
import { ensureMosquitto, startMosquitto } from '../broker/mosquitto.mjs';
import { ensureAppBuild } from '../../bench/lib/ensureAppBuild.mjs';
import { startStaticServer } from '../system/staticServer.mjs';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '50' },
    rate: { type: 'string', default: '2000' },
    'up-seconds': { type: 'string', default: '4' },
  },
});
const KILLS = Number(values.kills);
const RATE = Number(values.rate);
const UP_MS = Number(values['up-seconds']) * 1000;

let useMosquitto = true;
try {
  ensureMosquitto();
} catch {
  useMosquitto = false;
}
const startBroker = (ports) => (useMosquitto ? startMosquitto(ports) : startEmbeddedBroker(ports));

const config = JSON.parse(readFileSync('twin-configs/terminal.json', 'utf8'));
const cranes = configAssets(config).filter((a) => a.type === 'quayCrane' || a.type === 'yardCrane');
const topics = cranes.map(
  (a) => `site/${config.site.id}/gw/gw-soak-${a.id}/${a.type}/${a.id}/state`,
);

await ensureAppBuild('dist');
const server = await startStaticServer([{ prefix: '/', dir: 'dist' }]);
let broker = await startBroker();
const ports = { tcpPort: broker.tcpPort, wsPort: broker.wsPort };
const browser = await launchBrowser(['--enable-precise-memory-info']);
const session = await openPage(browser);
const page = session.page;
const cdp = await page.context().newCDPSession(page);

/** A publisher that keeps trying: the load goes on across every broker restart. */
const publisher = mqtt.connect(broker.tcpUrl, { reconnectPeriod: 100 });
publisher.on('error', () => undefined);
const seq = new Uint32Array(topics.length);
let next = 0;
let published = 0;
const load = setInterval(() => {
  if (!publisher.connected) return;
  const perTick = Math.round(RATE / 100);
  const now = Date.now();
  for (let k = 0; k < perTick; k++) {
    const i = next;
    next = (next + 1) % topics.length;
    const payload = { ts: now, seq: seq[i]++, data: { trolley_mm: (now % 20_000) + k } };
    publisher.publish(topics[i], JSON.stringify(payload), { qos: 0 });
    published++;
  }
}, 10);

const connection = () => page.evaluate(() => window.twindeck.connection());
async function until(what, check, timeoutMs) {
  const start = performance.now();
  for (;;) {
    if (await check()) return performance.now() - start;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
async function heapMb() {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await page.evaluate(() => performance.memory.usedJSHeapSize)) / 2 ** 20;
}

const url = `${server.url}/?site=terminal&broker=${encodeURIComponent(broker.wsUrl)}`;
await page.goto(url);
await page.waitForFunction(() => typeof window.twindeck === 'object');
await page.evaluate(() => window.twindeck.ready());
await until('the first connection', async () => (await connection()).state === 'connected', 20_000);
await new Promise((resolve) => setTimeout(resolve, UP_MS));
const heaps = [await heapMb()];
const reconnects = [];
const started = performance.now();
console.log(
  `broker: ${useMosquitto ? 'Mosquitto' : 'Aedes'}, ${RATE} msg/s over ${topics.length} topics`,
);

for (let kill = 1; kill <= KILLS; kill++) {
  await broker.close();
  await until('the app to notice', async () => (await connection()).state !== 'connected', 15_000);
  broker = await startBroker(ports);
  const restartedAt = performance.now();
  await until(
    'the app to reconnect',
    async () => (await connection()).state === 'connected',
    60_000,
  );
  reconnects.push(performance.now() - restartedAt);
  await new Promise((resolve) => setTimeout(resolve, UP_MS));
  heaps.push(await heapMb());
  if (kill % 10 === 0) {
    const c = await connection();
    console.log(
      `  ${kill} kills: last reconnect ${reconnects.at(-1).toFixed(0)} ms, ` +
        `${c.connects} connects, ${c.subscribes} SUBSCRIBEs (${c.filters} filters), ` +
        `heap ${heaps.at(-1).toFixed(1)} MB`,
    );
  }
}

const final = await connection();
const minutes = (performance.now() - started) / 60_000;
const sorted = [...reconnects].sort((a, b) => a - b);
const at = (q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
// Least-squares slope of heap against kill number, per minute of the run.
const n = heaps.length;
const meanX = (n - 1) / 2;
const meanY = heaps.reduce((a, b) => a + b, 0) / n;
const slope =
  heaps.reduce((acc, y, x) => acc + (x - meanX) * (y - meanY), 0) /
  heaps.reduce((acc, _, x) => acc + (x - meanX) ** 2, 0);
const perMinute = (slope * (n - 1)) / minutes;
const expectedSubscribes = final.connects * final.filters;

console.log('\nsoak result');
console.log(
  `  broker kills:           ${KILLS} in ${minutes.toFixed(1)} min, ${published} messages published`,
);
console.log(
  `  reconnect after restart: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`,
);
console.log(
  `  SUBSCRIBE packets:       ${final.subscribes} for ${final.connects} connects × ${final.filters} filters` +
    ` (${final.subscribes === expectedSubscribes ? 'exactly one per filter per connect' : `expected ${expectedSubscribes}`})`,
);
console.log(
  `  heap:                    ${heaps[0].toFixed(1)} MB → ${heaps.at(-1).toFixed(1)} MB, slope ${perMinute.toFixed(2)} MB/min (target < 1 MB/min)`,
);
console.log(`  page errors:             ${session.uncaught.length}`);

clearInterval(load);
publisher.end(true);
await session.close();
await browser.close();
await broker.close();
await server.close();
const ok =
  final.subscribes === expectedSubscribes && perMinute < 1 && session.uncaught.length === 0;
process.exitCode = ok ? 0 : 1;
