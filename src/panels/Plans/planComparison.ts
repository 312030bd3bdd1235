import type { KpiId } from '../../config/kpiIds';
import { KPI_INFO, KPI_ORDER } from '../../diagnostics/kpis/kpiCatalog';

/** A row of the compare table: one KPI, its value per plan, and which plan does better. */
export interface ComparisonRow {
  id: string;
  unit: string;
  values: Array<number | undefined>;
  /** The last plan's value minus the first's (two or more plans with both values). */
  difference: number | undefined;
  /** Index of the plan with the better value, when the KPI has a better side. */
  best: number | undefined;
}

/** Preview-only figures, shown first; then the KPI catalogue's order. */
const PREVIEW_FIGURES: Record<string, { unit: string; better: 'higher' | 'lower' | null }> = {
  vesselCompletionHours: { unit: 'h', better: 'lower' },
};

/** The KPIs of previewed plans side by side: every figure any of them predicted. */
export function compareKpis(kpis: Array<Record<string, number> | null>): ComparisonRow[] {
  const ids = [...Object.keys(PREVIEW_FIGURES), ...KPI_ORDER].filter((id) =>
    kpis.some((set) => set?.[id] !== undefined),
  );
  return ids.map((id) => {
    const info = PREVIEW_FIGURES[id] ?? KPI_INFO[id as KpiId];
    const values = kpis.map((set) => set?.[id]);
    const first = values[0];
    const last = values.at(-1);
    const known = values.filter((v): v is number => v !== undefined);
    let best: number | undefined;
    if (info.better && known.length > 1 && new Set(known).size > 1) {
      const pick = info.better === 'higher' ? Math.max(...known) : Math.min(...known);
      best = values.indexOf(pick);
    }
    return {
      id,
      unit: info.unit,
      values,
      difference:
        values.length > 1 && first !== undefined && last !== undefined ? last - first : undefined,
      best,
    };
  });
}
