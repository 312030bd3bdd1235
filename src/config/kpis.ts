import { z } from 'zod';
import { finite, LocalizedText } from './primitives';

/**
 * The KPIs TwinDeck computes (docs/kpis.md), by id. Each applies to a site whose assets have the
 * categories and fields it reads; a config's `kpis` picks the ones to show and their targets.
 */
export const KPI_IDS = [
  'qcGrossRate',
  'qcNetRate',
  'vesselMovesLeft',
  'vesselHoursToGo',
  'truckTurnMinutes',
  'truckWaitAtCraneMinutes',
  'truckWaitAtYardMinutes',
  'rtgUtilisation',
  'energyPerMove',
  'lineOutputPerHour',
  'lineEfficiency',
  'machineUtilisation',
  'bottleneckUtilisation',
  'agvUtilisation',
] as const;

export const Kpi = z
  .object({
    id: z.enum(KPI_IDS),
    name: LocalizedText.optional().describe('instead of the built-in name'),
    target: finite.optional().describe('the value to reach (a tile shows how far off it is)'),
    tile: z.boolean().default(true).describe('shown as a KPI tile (wall screens, the KPI bar)'),
  })
  .strict();

export type KpiId = (typeof KPI_IDS)[number];
export type KpiConfig = z.infer<typeof Kpi>;
