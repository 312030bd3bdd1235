import { checkConfigText, type ConfigCheck } from '../config/checkConfigText';
import { readConfigText, type ConfigText } from './readConfigText';
import type { SiteRequest } from './siteRequest';

/** A config read, and checked off the main thread once its text is in. */
export interface ConfigRead {
  text: Promise<ConfigText>;
  check: Promise<ConfigCheck>;
}

/** Reads the config a request names and starts checking it in a worker. */
export function readAndCheckConfig(request: SiteRequest, pageUrl: string): ConfigRead {
  const text = readConfigText(request, pageUrl);
  void text.then(() => performance.mark('t:text'));
  const check = text.then((read) => checkConfigText(read.text));
  // Failures are reported when the session awaits them, not as unhandled rejections here.
  check.catch(() => undefined);
  return { text, check };
}

/**
 * The config the page's URL names, fetched and checked from the bootstrap (main.tsx) while the
 * app's code is still being compiled: on a slow machine that compile takes half a second, and
 * the download and validation no longer wait for it. The site session takes it once.
 */
let early: { request: SiteRequest; read: ConfigRead } | null = null;

export function startEarlyConfigRead(request: SiteRequest | null, pageUrl: string): void {
  if (!request || request.kind === 'file') return;
  early = { request, read: readAndCheckConfig(request, pageUrl) };
}

/** The early read of `request`, once; null when there was none for it. */
export function takeEarlyConfigRead(request: SiteRequest): ConfigRead | null {
  const taken = early;
  early = null;
  if (!taken || !sameRequest(taken.request, request)) return null;
  return taken.read;
}

function sameRequest(a: SiteRequest, b: SiteRequest): boolean {
  if (a.kind === 'bundled' && b.kind === 'bundled') return a.id === b.id;
  if (a.kind === 'url' && b.kind === 'url') return a.url === b.url;
  return false;
}
