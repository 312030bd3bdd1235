// `npm start`: installs what is missing, then starts the demo's services in order.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runOrThrow } from './system/runCommand.mjs';

const { values: options } = parseArgs({
  options: {
    broker: { type: 'string' },
    'tcp-port': { type: 'string', default: '18830' },
    'ws-port': { type: 'string', default: '18831' },
    'no-gateways': { type: 'boolean', default: false },
  },
});

/**
 * @typedef {object} Service A long-running part of the demo.
 * @property {string} name shown in logs
 * @property {() => Promise<{ stop: () => Promise<void> }>} start resolves once it is serving
 */

/** Runs `npm install` when node_modules is absent or older than the lock file. */
async function ensureNodeModules() {
  const installed = 'node_modules/.package-lock.json';
  const fresh =
    existsSync(installed) && statSync(installed).mtimeMs >= statSync('package-lock.json').mtimeMs;
  if (fresh) return;
  console.log('Installing npm dependencies…');
  await runOrThrow('npm', ['install', '--no-audit', '--no-fund']);
}

/**
 * Where the demo's broker is: the embedded one, or `--broker mqtt://host:port` (then the app
 * needs its WebSocket URL too: pass `?broker=ws://…` or set it in the connection panel).
 */
const broker = { tcpUrl: options.broker ?? null, wsUrl: null };

/** @type {Service} The embedded MQTT broker (Aedes), TCP for gateways and WebSocket for the app. */
const embeddedBroker = {
  name: 'broker',
  async start() {
    if (options.broker) {
      console.log(`Using the broker at ${options.broker}`);
      return { stop: async () => undefined };
    }
    const { startEmbeddedBroker } = await import('./broker/embeddedBroker.mjs');
    const started = await startEmbeddedBroker({
      tcpPort: Number(options['tcp-port']),
      wsPort: Number(options['ws-port']),
    });
    broker.tcpUrl = started.tcpUrl;
    broker.wsUrl = started.wsUrl;
    console.log(`MQTT broker on ${started.tcpUrl} and ${started.wsUrl}`);
    return { stop: () => started.close() };
  },
};

/** @type {Service} The simulated 5G gateways of the bundled sites, publishing in real time. */
const simulatedGateways = {
  name: 'gateways',
  async start() {
    if (options['no-gateways'] || !broker.tcpUrl) return { stop: async () => undefined };
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tools/gateways/cli.ts', '--broker', broker.tcpUrl],
      { stdio: 'inherit' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    return {
      async stop() {
        child.kill('SIGTERM');
        await exited;
      },
    };
  },
};

/** @type {Service} The app itself, from source, with hot reload (host and port: vite.config.ts). */
const viteDevServer = {
  name: 'app',
  async start() {
    const { createServer } = await import('vite');
    // The page reaches the embedded broker through the dev server (same origin: /mqtt).
    if (broker.wsUrl) {
      process.env.TWINDECK_BROKER_WS = broker.wsUrl;
      process.env.VITE_TWINDECK_BROKER = '/mqtt';
    }
    const server = await createServer();
    await server.listen();
    const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
    console.log(`\nTwinDeck is running at ${url}\n`);
    return { stop: () => server.close() };
  },
};

/**
 * @type {Service} The bundled shifts replay mode opens (`?mode=replay`), made in the background
 * when missing or stale so the live demo is not kept waiting.
 */
const bundledShifts = {
  name: 'bundled shifts',
  async start() {
    const { ensureBundledShifts } = await import('./recordings/bundledShifts.mjs');
    ensureBundledShifts(process.cwd()).then(
      (shifts) => {
        const made = shifts.filter((s) => s.generated);
        if (made.length > 0)
          console.log(`Bundled shifts ready: ${made.map((s) => s.path).join(', ')}`);
      },
      (error) => console.error(`The bundled shifts could not be made: ${error.message}`),
    );
    return { stop: async () => undefined };
  },
};

/** Started first to last (later ones may depend on earlier ones), stopped last to first. */
const SERVICES = [embeddedBroker, simulatedGateways, viteDevServer, bundledShifts];

/** Starts each service in turn; if one fails, stops those already running and rethrows. */
async function startServices(services) {
  const running = [];
  const stopAll = async () => {
    for (const service of running.reverse()) await service.stop();
  };
  try {
    for (const service of services) {
      console.log(`Starting ${service.name}…`);
      running.push(await service.start());
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}

await ensureNodeModules();
const stopAll = await startServices(SERVICES);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await stopAll();
    process.exit(0);
  });
}
