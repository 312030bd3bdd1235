import { chromium } from 'playwright-core';
import { ensureChromium } from '../tools/system/ensureChromium.mjs';

/**
 * Software WebGL (SwiftShader) on a headless, offline Chromium: CI machines have no GPU, and
 * the background-networking flags stop Chromium from calling home on a closed network.
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Small on purpose: SwiftShader's cost grows with pixels, and 2 cores run the whole suite. */
export const VIEWPORT = { width: 640, height: 360 };

/** Set by e2e/run.mjs so every test file shares one browser process. */
const SHARED_BROWSER_ENV = 'TWINDECK_BROWSER_WS';

function launchOptions(extraArgs) {
  return {
    executablePath: ensureChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  };
}

/** Launches Chromium for this process alone. */
export function launchBrowser(extraArgs = []) {
  return chromium.launch(launchOptions(extraArgs));
}

/** Launches a Chromium that other processes attach to with `connectBrowser` (see e2e/run.mjs). */
export async function launchSharedBrowser() {
  const server = await chromium.launchServer(launchOptions([]));
  return { env: { [SHARED_BROWSER_ENV]: server.wsEndpoint() }, close: () => server.close() };
}

/** The browser started by e2e/run.mjs, or a private one when a test file runs on its own. */
export function connectBrowser() {
  const endpoint = process.env[SHARED_BROWSER_ENV];
  return endpoint ? chromium.connect(endpoint) : launchBrowser();
}

/**
 * Opens a page in a fresh context (no shared storage between tests) and records what went
 * wrong in it: `uncaught` holds uncaught exceptions and unhandled rejections, `consoleErrors`
 * every console.error and failed resource load the page reported.
 * @param {import('playwright-core').Browser} browser
 */
export async function openPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const uncaught = [];
  const consoleErrors = [];
  page.on('pageerror', (error) => uncaught.push(error.stack ?? String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { page, uncaught, consoleErrors, close: () => context.close() };
}
