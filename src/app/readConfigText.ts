// Light on purpose (no zod, no React): the page's bootstrap calls it before the app's code has
// loaded, so the config downloads while the bundle compiles (see earlyConfigRead.ts).
import { resolveSameOrigin } from '../lib/sameOrigin';
import { SITE_INDEX_URL } from './siteIndexUrl';
import type { SiteRequest } from './siteRequest';

/** A config's text and the URL its relative model paths resolve against. */
export interface ConfigText {
  text: string;
  baseUrl: string;
  /** Shown to people: the file name or URL. */
  source: string;
}

/**
 * Fetches the twin config a request names. Only same-origin URLs are read; a dropped file's
 * relative model paths resolve against the bundled configs' folder so bundled models are found.
 */
export async function readConfigText(request: SiteRequest, pageUrl: string): Promise<ConfigText> {
  const origin = new URL(pageUrl).origin;
  const configsBase = new URL(SITE_INDEX_URL, pageUrl).href;
  if (request.kind === 'file') {
    return { text: await request.file.text(), baseUrl: configsBase, source: request.file.name };
  }
  let url: URL;
  if (request.kind === 'bundled') {
    const sites = await readSiteList(configsBase);
    const entry = sites.find((s) => s.id === request.id);
    if (!entry) {
      const known = sites.map((s) => s.id).join(', ') || 'none';
      throw new Error(`No bundled site "${request.id}" (bundled sites: ${known})`);
    }
    url = resolveSameOrigin(entry.config, configsBase, origin);
  } else {
    url = resolveSameOrigin(request.url, pageUrl, origin);
  }
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`${url.pathname}: HTTP ${response.status} ${response.statusText}`.trim());
  return { text: await response.text(), baseUrl: url.href, source: url.pathname };
}

/** The ids and config paths of the bundled sites (the picker reads the rest, see siteIndex.ts). */
async function readSiteList(indexUrl: string): Promise<Array<{ id: string; config: string }>> {
  const response = await fetch(indexUrl);
  if (!response.ok) throw new Error(`${SITE_INDEX_URL}: HTTP ${response.status}`);
  const body: unknown = await response.json();
  const sites = (body as { sites?: unknown } | null)?.sites;
  if (!Array.isArray(sites)) throw new Error(`${SITE_INDEX_URL}: no "sites" list`);
  return sites.flatMap((site: unknown) => {
    const { id, config } = (site ?? {}) as { id?: unknown; config?: unknown };
    return typeof id === 'string' && typeof config === 'string' ? [{ id, config }] : [];
  });
}
