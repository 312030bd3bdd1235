import type { KpiSeries } from '../../diagnostics/kpis/kpiSeries';

/**
 * What a preview predicts, from its recording's KPI series (the incident pass, the same KPI code
 * as a replay's): each KPI as it stood at the end, and — for a terminal — `vesselCompletionHours`,
 * when the last move of the plan was done, hours from the start (or, when the preview ended
 * first, its end plus the hours it still estimated to go).
 */
export function predictedKpis(series: KpiSeries, start: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, column] of Object.entries(series.values)) {
    for (let i = (column?.length ?? 0) - 1; i >= 0; i--) {
      const value = column?.[i];
      if (typeof value === 'number') {
        out[id] = value;
        break;
      }
    }
  }
  const movesLeft = series.values.vesselMovesLeft;
  if (movesLeft) {
    const done = movesLeft.findIndex((left, i) => left === 0 && i > 0);
    if (done >= 0) out.vesselCompletionHours = round((series.t[done]! - start) / 3600_000);
    else if (series.t.length > 0 && out.vesselHoursToGo !== undefined)
      out.vesselCompletionHours = round(
        (series.t.at(-1)! - start) / 3600_000 + out.vesselHoursToGo,
      );
  }
  return out;
}

const round = (hours: number) => Math.round(hours * 100) / 100;
