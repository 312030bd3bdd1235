import type { KpiId } from '../../config/kpis';

/** KPI values over time, by column (uPlot takes these as they are), capped in length. */
export interface KpiSeries {
  t: number[];
  values: Partial<Record<KpiId, Array<number | null>>>;
}

/** Points kept: a day at one a minute. */
export const MAX_POINTS = 1440;

export const emptySeries = (): KpiSeries => ({ t: [], values: {} });

/** Appends the KPIs at `t` (a KPI first seen now gets nulls before). Drops the oldest past the cap. */
export function appendPoint(
  series: KpiSeries,
  t: number,
  values: Partial<Record<KpiId, number>>,
): void {
  const n = series.t.length;
  series.t.push(t);
  for (const id of Object.keys(values) as KpiId[])
    series.values[id] ??= new Array<number | null>(n).fill(null);
  for (const [id, column] of Object.entries(series.values) as Array<[KpiId, Array<number | null>]>)
    column.push(values[id] ?? null);
  if (series.t.length > MAX_POINTS) {
    const drop = series.t.length - MAX_POINTS;
    series.t.splice(0, drop);
    for (const column of Object.values(series.values)) column?.splice(0, drop);
  }
}

/** The KPIs of the last point at or before `t` (none: empty). */
export function valuesAt(series: KpiSeries, t: number): Partial<Record<KpiId, number>> {
  let lo = 0;
  let hi = series.t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((series.t[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  const out: Partial<Record<KpiId, number>> = {};
  if (i < 0) return out;
  for (const [id, column] of Object.entries(series.values) as Array<
    [KpiId, Array<number | null>]
  >) {
    const v = column[i];
    if (v !== null && v !== undefined) out[id] = v;
  }
  return out;
}
