import { KPI_IDS, type KpiId } from '../../config/kpiIds';

/** Every KPI, in the order panels list them. */
export const KPI_ORDER: readonly KpiId[] = KPI_IDS;

/** How a KPI reads: its unit, and which way is better (null: neither, a quantity). */
export interface KpiInfo {
  unit: string;
  better: 'higher' | 'lower' | null;
}

export const KPI_INFO: Record<KpiId, KpiInfo> = {
  qcGrossRate: { unit: 'moves/h', better: 'higher' },
  qcNetRate: { unit: 'moves/h', better: 'higher' },
  vesselMovesLeft: { unit: 'moves', better: null },
  vesselHoursToGo: { unit: 'h', better: 'lower' },
  truckTurnMinutes: { unit: 'min', better: 'lower' },
  truckWaitAtCraneMinutes: { unit: 'min', better: 'lower' },
  truckWaitAtYardMinutes: { unit: 'min', better: 'lower' },
  rtgUtilisation: { unit: '%', better: 'higher' },
  energyPerMove: { unit: 'kWh/move', better: 'lower' },
  lineOutputPerHour: { unit: 'pieces/h', better: 'higher' },
  lineEfficiency: { unit: '%', better: 'higher' },
  machineUtilisation: { unit: '%', better: 'higher' },
  bottleneckUtilisation: { unit: '%', better: null },
  agvUtilisation: { unit: '%', better: null },
};

/** Whether a value meets its target, given which way is better (null: no target or no side). */
export function meetsTarget(id: KpiId, value: number, target: number | undefined): boolean | null {
  const { better } = KPI_INFO[id];
  if (target === undefined || better === null) return null;
  return better === 'higher' ? value >= target : value <= target;
}
