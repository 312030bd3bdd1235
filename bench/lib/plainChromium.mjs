// Chromium driven over a bare DevTools connection (chrome-remote-interface), for figures that
// flood a page's WebSocket. Playwright enables the Network domain on every page and worker it
// attaches to, so Chromium reports each WebSocket frame, payload and all, to the Playwright
// process: at 7k MQTT messages a second that reporting took more CPU than the page (measured
// here: a bare mqtt.js page's p95 latency at 7k msg/s was 1.5 s under Playwright and 26 ms
// without it). This connection enables nothing: it creates a context and a page, evaluates
// scripts, and closes them — what a wall screen without DevTools attached would run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CDP from 'chrome-remote-interface';
import { CHROMIUM_ARGS, VIEWPORT } from '../../e2e/browser.mjs';
import { until } from '../../e2e/twin.mjs';
import { ensureChromium } from '../../tools/system/ensureChromium.mjs';

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The port Chromium picked for `--remote-debugging-port=0`, written once it listens. */
async function devToolsPort(profileDir, child, timeoutMs = 30_000) {
  const file = join(profileDir, 'DevToolsActivePort');
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file) || readFileSync(file, 'utf8').split('\n').length < 2) {
    if (child.exitCode !== null) throw new Error(`Chromium exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('Chromium did not open its DevTools port');
    await pause(50);
  }
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

/** `fn(arg)` as an expression for Runtime.evaluate, the way Playwright's page.evaluate takes it. */
const callExpression = (fn, arg) =>
  typeof fn === 'string'
    ? fn
    : `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`;

/**
 * A page in a context of its own (a cold cache), with the `evaluate` and `waitForFunction` of
 * Playwright's page, so e2e/twin.mjs's helpers drive it too.
 */
async function openPlainPage(client, url, { initScript } = {}) {
  const { browserContextId } = await client.send('Target.createBrowserContext', {
    disposeOnDetach: true,
  });
  const { targetId } = await client.send('Target.createTarget', {
    url: 'about:blank',
    browserContextId,
  });
  const { sessionId } = await client.send('Target.attachToTarget', { targetId, flatten: true });
  const send = (method, params = {}) => client.send(method, params, sessionId);
  await send('Emulation.setDeviceMetricsOverride', {
    ...VIEWPORT,
    deviceScaleFactor: 1,
    mobile: false,
  });
  if (initScript) {
    // Scripts for new documents apply only once the Page domain is on (it reports no network).
    await send('Page.enable');
    await send('Page.addScriptToEvaluateOnNewDocument', { source: callExpression(initScript) });
  }
  await send('Page.navigate', { url });

  async function evaluate(fn, arg) {
    const reply = await send('Runtime.evaluate', {
      expression: callExpression(fn, arg),
      awaitPromise: true,
      returnByValue: true,
    });
    if (reply.exceptionDetails) {
      const { exception, text } = reply.exceptionDetails;
      throw new Error(exception?.description ?? text);
    }
    return reply.result.value;
  }

  return {
    evaluate,
    /** Polls `fn(arg)` until it is truthy; a page still navigating counts as not yet. */
    waitForFunction: (fn, arg, { timeout = 30_000 } = {}) =>
      until(callExpression(fn, arg), () => evaluate(fn, arg).catch(() => undefined), timeout),
    async close() {
      await client.send('Target.disposeBrowserContext', { browserContextId });
    },
  };
}

/** Launches Debian's Chromium with the project's flags (e2e/browser.mjs) plus `extraArgs`. */
export async function launchPlainChromium(extraArgs = []) {
  const profileDir = mkdtempSync(join(tmpdir(), 'twindeck-plain-chromium-'));
  const child = spawn(
    ensureChromium(),
    [
      ...CHROMIUM_ARGS,
      ...extraArgs,
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      // No window until a page asks for one: with the frame-rate limit off, an idle startup
      // window's compositor spins the GPU process at full speed (measured: 87 % of a core).
      '--no-startup-window',
    ],
    { stdio: 'ignore' },
  );
  try {
    const port = await devToolsPort(profileDir, child);
    const { webSocketDebuggerUrl } = await CDP.Version({ port });
    const client = await CDP({ target: webSocketDebuggerUrl, local: true });
    return {
      profileDir,
      /** Opens `url` in a fresh context; `initScript` runs before the page's own scripts. */
      openPage: (url, options) => openPlainPage(client, url, options),
      async close() {
        // Browser.close shuts the child processes down too; a signal to the main process
        // alone left renderers writing into the profile while it was being removed.
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await client.send('Browser.close').catch(() => child.kill());
        await exited;
        await client.close().catch(() => {});
        rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}
