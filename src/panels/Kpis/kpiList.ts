import type { KpiConfig, KpiId } from '../../config/kpis';
import { KPI_ORDER } from '../../diagnostics/kpis/kpiCatalog';

/** One KPI as panels show it: its id, the config's name and target, its value now. */
export interface KpiRow {
  id: KpiId;
  config: KpiConfig | undefined;
  value: number | undefined;
}

/**
 * The KPIs a site shows: those its config lists, in its order (tiles: those with `tile`); when it
 * lists none, every KPI it has a value for, in catalogue order.
 */
export function kpiRows(
  configured: readonly KpiConfig[],
  values: Partial<Record<KpiId, number>>,
  tilesOnly: boolean,
): KpiRow[] {
  if (configured.length > 0)
    return configured
      .filter((k) => !tilesOnly || k.tile)
      .map((k) => ({ id: k.id, config: k, value: values[k.id] }));
  return KPI_ORDER.filter((id) => values[id] !== undefined).map((id) => ({
    id,
    config: undefined,
    value: values[id],
  }));
}
