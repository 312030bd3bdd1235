import type { TwinConfig } from '../config/schema';
import type { TelemetryMode } from '../twin/liveStatus';

/** The demo broker `npm start` runs, reached through the dev server (vite.config.ts proxies it). */
const DEMO_BROKER = import.meta.env.VITE_TWINDECK_BROKER as string | undefined;

export interface LiveSettings {
  mode: TelemetryMode;
  /** ws:// or wss:// URL; null in static mode. */
  brokerUrl: string | null;
}

/**
 * `?mode=live|static&broker=ws://host:port/path`. Without `mode`, a site is live when it has
 * bindings and a broker is known (URL, the config's `broker.url`, or the demo broker).
 * A relative broker URL (`/mqtt`) is on this page's host, ws:// or wss:// like the page.
 */
export function liveSettings(search: string, config: TwinConfig, pageUrl: string): LiveSettings {
  const params = new URLSearchParams(search);
  const mode = params.get('mode');
  const raw = params.get('broker') ?? config.broker?.url ?? DEMO_BROKER ?? null;
  const brokerUrl = raw === null ? null : resolveBrokerUrl(raw, pageUrl);
  const live =
    mode === 'live' || (mode === null && brokerUrl !== null && config.bindings.length > 0);
  return live && brokerUrl !== null
    ? { mode: 'live', brokerUrl }
    : { mode: 'static', brokerUrl: null };
}

export function resolveBrokerUrl(raw: string, pageUrl: string): string {
  const page = new URL(pageUrl);
  const url = new URL(raw, page);
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    url.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    throw new Error(`broker ${raw}: a browser reaches MQTT over ws:// or wss:// only`);
  return url.href;
}
