import { z } from 'zod';
import { finite, LocalizedText } from './primitives';
import { KPI_IDS } from './kpiIds';

export { KPI_IDS, type KpiId } from './kpiIds';

export const Kpi = z
  .object({
    id: z.enum(KPI_IDS),
    name: LocalizedText.optional().describe('instead of the built-in name'),
    target: finite.optional().describe('the value to reach (a tile shows how far off it is)'),
    tile: z.boolean().default(true).describe('shown as a KPI tile (wall screens, the KPI bar)'),
  })
  .strict();

export type KpiConfig = z.infer<typeof Kpi>;
