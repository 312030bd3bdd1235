// Kept apart from the zod schema (kpis.ts) so the page can name KPIs without loading zod.
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

export type KpiId = (typeof KPI_IDS)[number];
