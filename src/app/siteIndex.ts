import { z } from 'zod';
import type { SiteListEntry } from '../panels/SitePicker/SitePicker';
import { LocalizedText } from '../config/schema';

/** Where the bundled sites are listed, relative to the app. */
export const SITE_INDEX_URL = 'twin-configs/index.json';

const SiteIndex = z.object({
  sites: z.array(
    z.object({
      id: z.string(),
      name: LocalizedText,
      kind: z.enum(['terminal', 'factory', 'plant', 'other']).catch('other'),
      config: z.string(),
      description: LocalizedText.optional(),
    }),
  ),
});

/** Reads the list of bundled sites. */
export async function fetchSiteIndex(baseUrl: string): Promise<SiteListEntry[]> {
  const response = await fetch(new URL(SITE_INDEX_URL, baseUrl));
  if (!response.ok) throw new Error(`${SITE_INDEX_URL}: HTTP ${response.status}`);
  const parsed = SiteIndex.safeParse(await response.json());
  if (!parsed.success)
    throw new Error(`${SITE_INDEX_URL}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.sites;
}
