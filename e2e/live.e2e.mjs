// The terminal live: a real broker, the simulated gateways publishing over it, and the app
// following them — through a broker crash and back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedBroker } from '../tools/broker/embeddedBroker.mjs';
import { connectBrowser } from './browser.mjs';
import { byTestId, callTwin, openSite, until } from './twin.mjs';
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McapIndexedReader } from '@mcap/core';
import lz4 from 'lz4js';

const browser = await connectBrowser();
after(() => browser.close());

const trucks = (page) => callTwin(page, 'assets', { type: 'truck' });

describe('the terminal, live', () => {
  let broker;
  let gateways;
  let session;

  before(async () => {
    broker = await startEmbeddedBroker();
    gateways = spawn(
      process.execPath,
      [
        // One process (not tsx's launcher and its child), so killing it stops the gateways.
        '--import',
        'tsx',
        'tools/gateways/cli.ts',
        '--broker',
        broker.tcpUrl,
        '--site',
        'terminal',
        '--speed',
        '4',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    session = await openSite(browser, `?site=terminal&broker=${encodeURIComponent(broker.wsUrl)}`);
  });
  after(async () => {
    gateways?.kill('SIGKILL');
    await session?.close();
    await broker?.close();
  });

  it('connects and moves trucks from the gateways’ telemetry', async () => {
    await until(
      'the connection',
      async () => (await callTwin(session.page, 'connection')).state === 'connected',
      15_000,
    );
    const before = new Map((await trucks(session.page)).map((t) => [t.id, t.position]));
    const moved = await until(
      'a truck to move',
      async () =>
        (await trucks(session.page)).filter((t) => {
          const [x, , z] = before.get(t.id) ?? t.position;
          return Math.hypot(t.position[0] - x, t.position[2] - z) > 1;
        }).length,
      30_000,
    );
    assert.ok(moved > 0);
    const gatewaysHeard = await until(
      'gateways to be reported',
      async () => {
        const list = await callTwin(session.page, 'gateways');
        return list.length > 0 && list;
      },
      10_000,
    );
    assert.ok(gatewaysHeard.every((g) => g.delayMsP50 === null || g.delayMsP50 < 5_000));
  });

  it('shows assets stale while the broker is down, and fresh again once it is back', async () => {
    const ports = { tcpPort: broker.tcpPort, wsPort: broker.wsPort };
    await broker.close();
    await until(
      'trucks to go stale',
      async () => {
        const connection = await callTwin(session.page, 'connection');
        const list = await trucks(session.page);
        return connection.state !== 'connected' && list.some((t) => t.stale);
      },
      10_000,
    );
    broker = await startEmbeddedBroker(ports);
    await until(
      'trucks to be fresh again',
      async () => {
        const connection = await callTwin(session.page, 'connection');
        const list = await trucks(session.page);
        return connection.state === 'connected' && list.some((t) => !t.stale);
      },
      30_000,
    );
  });

  it('records the live session to an MCAP file and replays it', async () => {
    const { page } = session;
    await page.click(byTestId('record-button'));
    await page.waitForSelector(`${byTestId('record-button')}[data-state="recording"]`);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(byTestId('record-button')),
    ]);
    assert.match(download.suggestedFilename(), /^terminal-.*\.mcap$/);
    const path = join(mkdtempSync(join(tmpdir(), 'twindeck-rec-')), 'live.mcap');
    await download.saveAs(path);
    const bytes = new Uint8Array(await readFile(path));

    // Read with @mcap/core itself: a file any MCAP tool opens.
    const reader = await McapIndexedReader.Initialize({
      readable: {
        size: async () => BigInt(bytes.byteLength),
        read: async (offset, length) => bytes.subarray(Number(offset), Number(offset + length)),
      },
      decompressHandlers: { lz4: (data, size) => lz4.decompress(data, Number(size)) },
    });
    const topics = [...reader.channelsById.values()].map((c) => c.topic);
    assert.ok(
      topics.some((t) => /\/truck\/[^/]+\/state$/.test(t)),
      'truck topics recorded',
    );
    assert.ok(topics.includes('twindeck/snapshot'), 'snapshots written');
    assert.ok(reader.attachmentIndexes.some((a) => a.name === 'twin-config.json'));
    let messages = 0;
    for await (const message of reader.readMessages()) if (message) messages++;
    assert.ok(messages > 50, `only ${messages} messages recorded`);

    // Dropped back on the site, it replays there.
    await page.evaluate((base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'live.mcap'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    }, Buffer.from(bytes).toString('base64'));
    await page.waitForFunction(() => window.twindeck.clock().mode === 'replay', null, {
      timeout: 30_000,
    });
    const clock = await callTwin(page, 'clock');
    assert.ok(clock.end - clock.start >= 3000, 'about four seconds recorded');
    await callTwin(page, 'seek', clock.end);
    const moved = (await trucks(page)).filter((t) => t.position[0] !== 0 || t.position[2] !== 0);
    assert.ok(moved.length > 0);
  });

  it('raises no page errors', () => {
    assert.deepEqual(session.uncaught, []);
    // The browser itself logs the refused WebSocket connections while the broker is down.
    const unexpected = session.consoleErrors.filter((text) => !/WebSocket/i.test(text));
    assert.deepEqual(unexpected, []);
  });
});
