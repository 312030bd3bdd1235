import { useState } from 'react';
import { useStore } from 'zustand';
import type { KpiConfig, KpiId } from '../../config/kpis';
import type { KpiStore } from '../../diagnostics/kpis/createKpiStore';
import { KPI_INFO, meetsTarget } from '../../diagnostics/kpis/kpiCatalog';
import { localize } from '../../lib/localizedText';
import { useLocale, useT } from '../../ui/i18n';
import { kpiRows } from './kpiList';
import { KpiTrend } from './KpiTrend';
import '../Alarms/Alarms.css';
import './Kpis.css';
import { CloseButton } from '../common/CloseButton';

interface Props {
  kpis: KpiStore;
  configured: readonly KpiConfig[];
  timeZone: string;
  nameOf(assetId: string): string;
  /** A shift report of the replayed shift (printable), when one can be made. */
  onReport?(): void;
  onClose(): void;
}

/** Every KPI of the site with its target, and the chosen one's trend over the shift (uPlot). */
export function KpiPanel({ kpis, configured, timeZone, nameOf, onReport, onClose }: Props) {
  const t = useT();
  const locale = useLocale();
  const { values, series, bottleneck } = useStore(kpis);
  const rows = kpiRows(configured, values, false);
  const [chosen, setChosen] = useState<KpiId | null>(null);
  const shown = chosen ?? rows[0]?.id ?? null;
  const name = (id: KpiId, config?: KpiConfig) =>
    config?.name ? localize(config.name, locale) : t(`kpi.${id}`);
  return (
    <aside
      className="panel alarms-panel kpi-panel"
      data-testid="kpi-panel"
      aria-label={t('kpis.title')}
    >
      <header className="panel-header">
        <h2>{t('kpis.title')}</h2>
        <span>
          {onReport && (
            <button onClick={onReport} title={t('report.buttonTip')} data-testid="report-button">
              {t('report.button')}
            </button>
          )}{' '}
          <CloseButton onClick={onClose} label={t('alarms.close')} />
        </span>
      </header>
      {rows.length === 0 ? (
        <p className="muted">{t('kpis.none')}</p>
      ) : (
        <table className="alarms-table">
          <thead>
            <tr>
              <th>{t('kpis.col.kpi')}</th>
              <th className="num">{t('kpis.col.value')}</th>
              <th className="num">{t('kpis.col.target')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, config, value }) => {
              const ok = value === undefined ? null : meetsTarget(id, value, config?.target);
              return (
                <tr
                  key={id}
                  className={`alarm-row${shown === id ? ' kpi-chosen' : ''}`}
                  onClick={() => setChosen(id)}
                  data-testid="kpi-row"
                  data-kpi={id}
                >
                  <td>
                    {name(id, config)}
                    {id === 'bottleneckUtilisation' && bottleneck && (
                      <span className="muted"> · {nameOf(bottleneck)}</span>
                    )}
                  </td>
                  <td className={`num${ok === false ? ' kpi-off-text' : ''}`}>
                    {value === undefined
                      ? '—'
                      : `${value.toLocaleString(locale)} ${KPI_INFO[id].unit}`}
                  </td>
                  <td className="num">{config?.target ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown && series.t.length > 1 && (
        <KpiTrend
          t={series.t}
          values={series.values[shown] ?? []}
          label={`${name(
            shown,
            configured.find((k) => k.id === shown),
          )} (${KPI_INFO[shown].unit})`}
          target={configured.find((k) => k.id === shown)?.target}
          timeZone={timeZone}
        />
      )}
    </aside>
  );
}
