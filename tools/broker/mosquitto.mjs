// A real Mosquitto for the integration tests and benches: TCP and WebSocket listeners on
// loopback ports, anonymous, no persistence. `npm test` and .ci/run install the Debian package
// when it is missing and they run as root (ensureMosquitto).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackage } from '../system/ensureDebianPackage.mjs';

const CANDIDATES = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', 'mosquitto'];

const installedMosquitto = () =>
  CANDIDATES.find((bin) => !spawnSync(bin, ['-h'], { encoding: 'utf8' }).error) ?? null;

/** The mosquitto binary, or an Error that says how to install it. */
export function findMosquitto() {
  const bin = installedMosquitto();
  if (bin) return bin;
  throw new Error(
    'mosquitto is not installed: `apt-get install -y mosquitto` (`npm test` does this when run as root)',
  );
}

/** The mosquitto binary, installing the Debian package first when it is missing and we are root. */
export function ensureMosquitto() {
  ensureDebianPackage('mosquitto', () => installedMosquitto() !== null);
  return findMosquitto();
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
