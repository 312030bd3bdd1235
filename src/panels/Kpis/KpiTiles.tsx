import { useStore } from 'zustand';
import type { KpiConfig } from '../../config/kpis';
import type { KpiStore } from '../../diagnostics/kpis/createKpiStore';
import { KPI_INFO, meetsTarget } from '../../diagnostics/kpis/kpiCatalog';
import { localize } from '../../lib/localizedText';
import { useLocale, useT } from '../../ui/i18n';
import { kpiRows } from './kpiList';
import './Kpis.css';

interface Props {
  kpis: KpiStore;
  configured: readonly KpiConfig[];
  onOpen(): void;
}

/** At most this many tiles across the top of the scene. */
const MAX_TILES = 6;

/** The site's headline KPIs as tiles: value, unit, and how it stands against its target. */
export function KpiTiles({ kpis, configured, onOpen }: Props) {
  const t = useT();
  const locale = useLocale();
  const values = useStore(kpis, (s) => s.values);
  const rows = kpiRows(configured, values, true).slice(0, MAX_TILES);
  if (rows.length === 0) return null;
  return (
    <div className="kpi-tiles" data-testid="kpi-tiles">
      {rows.map(({ id, config, value }) => {
        const ok = value === undefined ? null : meetsTarget(id, value, config?.target);
        return (
          <button
            key={id}
            className={`kpi-tile${ok === false ? ' kpi-off' : ok ? ' kpi-ok' : ''}`}
            onClick={onOpen}
            title={t('kpis.tileTip')}
            data-kpi={id}
          >
            <span className="kpi-name">
              {config?.name ? localize(config.name, locale) : t(`kpi.${id}`)}
            </span>
            <span className="kpi-value">
              {value === undefined ? '—' : value.toLocaleString(locale)}
              <small> {KPI_INFO[id].unit}</small>
            </span>
            {config?.target !== undefined && (
              <span className="kpi-target">
                {t('kpis.target', { target: config.target.toLocaleString(locale) })}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
