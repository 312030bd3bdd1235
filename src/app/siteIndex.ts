import type { SiteListEntry } from '../panels/SitePicker/SitePicker';
import { SITE_INDEX_URL } from './siteIndexUrl';

/** Reads the list of bundled sites. Its schema loads with it: a page that opens a site never needs zod. */
export async function fetchSiteIndex(baseUrl: string): Promise<SiteListEntry[]> {
  const [{ SiteIndex }, response] = await Promise.all([
    import('./siteIndexSchema'),
    fetch(new URL(SITE_INDEX_URL, baseUrl)),
  ]);
  if (!response.ok) throw new Error(`${SITE_INDEX_URL}: HTTP ${response.status}`);
  const parsed = SiteIndex.safeParse(await response.json());
  if (!parsed.success)
    throw new Error(`${SITE_INDEX_URL}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.sites;
}
