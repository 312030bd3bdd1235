import { z } from 'zod';
import { LocalizedText } from '../config/schema';

/** `twin-configs/index.json`: the bundled sites the start page lists. */
export const SiteIndex = z.object({
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
