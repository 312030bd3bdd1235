// A real Mosquitto for the integration tests and benches: TCP and WebSocket listeners on
// loopback ports, anonymous, no persistence. Installed by .ci/run (apt-get install mosquitto).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', 'mosquitto'];

/** The mosquitto binary, or an Error that says how to install it. */
export function findMosquitto() {
  for (const bin of CANDIDATES) {
    const probe = spawnSync(bin, ['-h'], { encoding: 'utf8' });
    if (!probe.error) return bin;
  }
  throw new Error(
    'mosquitto is not installed: `apt-get install -y mosquitto` (.ci/run does this when run as root)',
  );
}

/** A free TCP port on loopback (closed again before use; fine for tests on one machine). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`mosquitto did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Starts Mosquitto. Pass the ports of an earlier one to restart "the same" broker.
 * @param {{ tcpPort?: number, wsPort?: number }} [options]
 */
export async function startMosquitto({ tcpPort, wsPort } = {}) {
  const bin = findMosquitto();
  const tcp = tcpPort ?? (await freePort());
  const ws = wsPort ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'twindeck-mosquitto-'));
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      'per_listener_settings false',
      'allow_anonymous true',
      'persistence false',
      'max_queued_messages 100000',
      `listener ${tcp} 127.0.0.1`,
      `listener ${ws} 127.0.0.1`,
      'protocol websockets',
      '',
    ].join('\n'),
  );
  const child = spawn(bin, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await Promise.race([
      Promise.all([waitForPort(tcp, 5000), waitForPort(ws, 5000)]),
      exited.then(() => {
        throw new Error(`mosquitto exited at start: ${stderr.trim()}`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    tcpPort: tcp,
    wsPort: ws,
    tcpUrl: `mqtt://127.0.0.1:${tcp}`,
    wsUrl: `ws://127.0.0.1:${ws}`,
    /** Kills the process outright: clients see their connection drop, as in a crash. */
    async close() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
