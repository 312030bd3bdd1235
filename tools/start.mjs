// `npm start`: installs what is missing, then starts the demo's services in order.
import { existsSync, statSync } from 'node:fs';
import { runOrThrow } from './system/runCommand.mjs';

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

/** @type {Service} The app itself, from source, with hot reload (host and port: vite.config.ts). */
const viteDevServer = {
  name: 'app',
  async start() {
    const { createServer } = await import('vite');
    const server = await createServer();
    await server.listen();
    const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
    console.log(`\nTwinDeck is running at ${url}\n`);
    return { stop: () => server.close() };
  },
};

/** Started first to last (later ones may depend on earlier ones), stopped last to first. */
const SERVICES = [viteDevServer];

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
