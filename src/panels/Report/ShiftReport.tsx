import { useMemo } from 'react';
import type { KpiConfig } from '../../config/kpis';
import type { Alarm } from '../../diagnostics/alarmTypes';
import { KPI_INFO, meetsTarget } from '../../diagnostics/kpis/kpiCatalog';
import type { KpiSeries } from '../../diagnostics/kpis/kpiSeries';
import { valuesAt } from '../../diagnostics/kpis/kpiSeries';
import { localize } from '../../lib/localizedText';
import { useLocale, useT } from '../../ui/i18n';
import { formatDuration } from '../../ui/formatDuration';
import { alarmText } from '../Alarms/alarmText';
import { hintLines, type HintWords } from '../Alarms/hintText';
import { incidentDuration, sortIncidents } from '../Incidents/sortIncidents';
import { kpiRows } from '../Kpis/kpiList';
import { KpiTrend } from '../Kpis/KpiTrend';
import { siteClock } from '../Timeline/siteClock';
import './ShiftReport.css';

interface Props {
  siteName: string;
  shift: string;
  start: number;
  end: number;
  timeZone: string;
  kpis: KpiSeries;
  configured: readonly KpiConfig[];
  incidents: readonly Alarm[];
  /** The pass over the recording is done (else the report says it is partial). */
  complete: boolean;
  words: HintWords;
  onClose(): void;
}

const TREND_WIDTH = 560;

/**
 * The shift on paper: KPIs at its end against their targets, their trends, every incident with
 * what the data said about its cause. Printed with the browser's print (to PDF or paper); only
 * the report prints.
 */
export function ShiftReport(props: Props) {
  const { kpis, configured, incidents, words, start, end } = props;
  const t = useT();
  const locale = useLocale();
  const clock = siteClock(props.timeZone);
  const values = valuesAt(kpis, end);
  const rows = kpiRows(configured, values, false);
  const ordered = useMemo(() => sortIncidents(incidents, 'time', end), [incidents, end]);
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const a of incidents) counts[a.severity]++;
  const name = (id: (typeof rows)[number]['id'], config?: KpiConfig) =>
    config?.name ? localize(config.name, locale) : t(`kpi.${id}`);
  return (
    <div
      className="shift-report"
      role="dialog"
      aria-label={t('report.title')}
      data-testid="shift-report"
    >
      <div className="report-actions">
        <button onClick={() => window.print()}>{t('report.print')}</button>
        <button onClick={props.onClose}>{t('alarms.close')}</button>
      </div>
      <h1>{t('report.title')}</h1>
      <p className="report-meta">
        {props.siteName} · {props.shift}
        <br />
        {clock.date(start)} {clock.time(start)} – {clock.date(end)} {clock.time(end)} (
        {clock.offsetName(start)})
      </p>
      {!props.complete && <p className="report-warning">{t('report.partial')}</p>}

      <h2>{t('kpis.title')}</h2>
      {rows.length === 0 ? (
        <p>{t('kpis.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('kpis.col.kpi')}</th>
              <th className="num">{t('report.atEnd')}</th>
              <th className="num">{t('kpis.col.target')}</th>
              <th>{t('report.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, config, value }) => {
              const ok = value === undefined ? null : meetsTarget(id, value, config?.target);
              return (
                <tr key={id}>
                  <td>{name(id, config)}</td>
                  <td className="num">
                    {value === undefined
                      ? '—'
                      : `${value.toLocaleString(locale)} ${KPI_INFO[id].unit}`}
                  </td>
                  <td className="num">{config?.target ?? '—'}</td>
                  <td>{ok === null ? '' : ok ? t('report.met') : t('report.missed')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="report-trends">
        {rows
          .filter(
            ({ id }) => (kpis.values[id]?.some((v) => v !== null) ?? false) && kpis.t.length > 1,
          )
          .map(({ id, config }) => (
            <KpiTrend
              key={id}
              t={kpis.t}
              values={kpis.values[id] ?? []}
              label={`${name(id, config)} (${KPI_INFO[id].unit})`}
              target={config?.target}
              timeZone={props.timeZone}
              width={TREND_WIDTH}
              theme="light"
            />
          ))}
      </div>

      <h2>{t('incidents.title')}</h2>
      <p>{t('report.incidentCounts', { total: incidents.length, ...counts })}</p>
      <table className="report-incidents" data-testid="report-incidents">
        <thead>
          <tr>
            <th>{t('incidents.col.start')}</th>
            <th>{t('alarms.filter.severity')}</th>
            <th>{t('alarms.col.asset')}</th>
            <th>{t('alarms.col.message')}</th>
            <th className="num">{t('alarms.col.duration')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((a) => (
            <tr key={a.id} className={`severity-row-${a.severity}`}>
              <td className="num">{clock.time(a.since)}</td>
              <td>{t(`alarms.severity.${a.severity}`)}</td>
              <td>{words.nameOf(a.assetId)}</td>
              <td>
                {alarmText(a, locale)}
                {hintLines(a, locale, words).map((line, i) => (
                  <div key={i} className="report-hint">
                    ↳ {line.text}
                  </div>
                ))}
              </td>
              <td className="num">{formatDuration(incidentDuration(a, end), locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="report-footer">
        {t('report.footer', { time: new Date().toLocaleString(locale) })}
      </p>
    </div>
  );
}
