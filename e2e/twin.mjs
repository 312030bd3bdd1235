// Drives the app through its test contract: the `window.twindeck` API and data-testid hooks.
import { openPage } from './browser.mjs';

/** Where e2e/run.mjs serves the built app (dist/ at `/`, e2e/fixtures/ at `/e2e-fixtures/`). */
export const BASE_URL = process.env.TWINDECK_BASE_URL ?? 'http://127.0.0.1:4173';

/** `[data-testid=…]` selector. */
export const byTestId = (id) => `[data-testid="${id}"]`;

/**
 * Opens the app at `search` (e.g. `?site=terminal`) and waits until `window.twindeck` exists;
 * does not wait for a site to load, so tests of errors and pickers can use it too.
 * @param {import('playwright-core').Browser} browser
 * @param {string} [search]
 */
export async function openApp(browser, search = '') {
  const session = await openPage(browser);
  await session.page.goto(new URL(`/${search}`, BASE_URL).href);
  await session.page.waitForFunction(() => typeof window.twindeck === 'object');
  return session;
}

/** Opens the app at `search` and waits until its site is loaded and a frame is drawn. */
export async function openSite(browser, search) {
  const session = await openApp(browser, search);
  await waitUntilReady(session.page);
  return session;
}

/** @param {import('playwright-core').Page} page */
export const waitUntilReady = (page) => page.evaluate(() => window.twindeck.ready());

/** Calls `window.twindeck[method](...args)` in the page and returns its (awaited) result. */
export function callTwin(page, method, ...args) {
  return page.evaluate(([name, params]) => window.twindeck[name](...params), [method, args]);
}

/** Polls `check` in Node until it returns a truthy value (which it resolves with). */
export async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
