// The terminal live: a real broker, the simulated gateways publishing over it, and the app
// following them — through a broker crash and back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedBroker } from '../tools/broker/embeddedBroker.mjs';
import { connectBrowser } from './browser.mjs';
import { callTwin, openSite } from './twin.mjs';

const browser = await connectBrowser();
after(() => browser.close());

/** Polls `check` in Node until it returns a truthy value. */
async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

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

  it('raises no page errors', () => {
    assert.deepEqual(session.uncaught, []);
    // The browser itself logs the refused WebSocket connections while the broker is down.
    const unexpected = session.consoleErrors.filter((text) => !/WebSocket/i.test(text));
    assert.deepEqual(unexpected, []);
  });
});
