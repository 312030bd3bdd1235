import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KpiId } from '../../config/kpis';
import { emptySeries, type KpiSeries } from './kpiSeries';

/** What KPI panels and tiles read: changed a few times a minute, never per message. */
export interface KpiState {
  /** The KPIs at the time shown (live: now; replay: the clock). */
  values: Partial<Record<KpiId, number>>;
  /** The busiest sewing station, when the site has any. */
  bottleneck: string | null;
  /** The KPIs over the shift (one point a minute). Replaced, not mutated, when it grows. */
  series: KpiSeries;
}

export type KpiStore = StoreApi<KpiState>;

export const createKpiStore = (): KpiStore =>
  createStore<KpiState>()(() => ({ values: {}, bottleneck: null, series: emptySeries() }));
