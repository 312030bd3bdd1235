import { Fragment, useMemo, useState } from 'react';
import { AlarmDetail } from '../Alarms/AlarmDetail';
import type { HintWords } from '../Alarms/hintText';
import type { Alarm } from '../../diagnostics/alarmTypes';
import { useLocale, useT } from '../../ui/i18n';
import { formatDuration } from '../../ui/formatDuration';
import { alarmText } from '../Alarms/alarmText';
import { siteClock } from '../Timeline/siteClock';
import { incidentDuration, sortIncidents, type IncidentOrder } from './sortIncidents';
import '../Alarms/Alarms.css';
import { CloseButton } from '../common/CloseButton';

interface Props {
  incidents: readonly Alarm[];
  /** The pass over the recording: still going (with how far), done, or failed. */
  scan: { state: 'idle' | 'scanning' | 'done' | 'failed'; fraction: number; message?: string };
  timeZone: string;
  /** End of the recording, ms epoch: where an incident that never cleared ends. */
  end: number;
  ruleCount: number;
  nameOf(assetId: string): string;
  /** Names and times for the root-cause hints. */
  words: HintWords;
  onLocate(assetId: string): void;
  /** An incident was chosen: go to its moment, loop around it, locate its asset. */
  onOpen(alarm: Alarm): void;
  onReport(): void;
  onClose(): void;
}

const ORDERS: IncidentOrder[] = ['time', 'severity', 'duration'];

/** Every incident of the replayed shift, sortable; a row takes the replay to its moment. */
export function IncidentsPanel(props: Props) {
  const { incidents, scan, timeZone, end, ruleCount, nameOf, onOpen, onClose } = props;
  const [openId, setOpenId] = useState<string | null>(null);
  const t = useT();
  const locale = useLocale();
  const [order, setOrder] = useState<IncidentOrder>('time');
  const rows = useMemo(() => sortIncidents(incidents, order, end), [incidents, order, end]);
  const clock = siteClock(timeZone);
  return (
    <aside
      className="panel alarms-panel"
      data-testid="incidents-panel"
      aria-label={t('incidents.title')}
    >
      <header className="panel-header">
        <h2>
          {t('incidents.title')}{' '}
          <span className="muted alarms-count">
            {t('incidents.count', { count: incidents.length })}
          </span>
        </h2>
        <button onClick={props.onReport} title={t('report.buttonTip')} data-testid="report-button">
          {t('report.button')}
        </button>
        <CloseButton onClick={onClose} label={t('alarms.close')} />
      </header>
      {scan.state === 'scanning' && (
        <p className="muted" data-testid="incidents-scanning">
          {t('incidents.scanning', { percent: Math.round(scan.fraction * 100) })}
          <progress max={1} value={scan.fraction} />
        </p>
      )}
      {scan.state === 'failed' && (
        <p className="error-text">{t('incidents.failed', { message: scan.message ?? '' })}</p>
      )}
      <div className="alarms-controls">
        {t('incidents.sortBy')}
        <div className="segmented" role="group">
          {ORDERS.map((o) => (
            <button key={o} aria-pressed={order === o} onClick={() => setOrder(o)}>
              {t(`incidents.sort.${o}`)}
            </button>
          ))}
        </div>
      </div>
      {ruleCount === 0 ? (
        <p className="muted">{t('alarms.noRules')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">
          {scan.state === 'scanning' ? t('incidents.noneYet') : t('incidents.none')}
        </p>
      ) : (
        <table className="alarms-table">
          <thead>
            <tr>
              <th aria-label={t('alarms.filter.severity')} />
              <th>{t('incidents.col.start')}</th>
              <th>{t('alarms.col.asset')}</th>
              <th>{t('alarms.col.message')}</th>
              <th>{t('alarms.col.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <Fragment key={a.id}>
                <tr
                  className={`alarm-row alarm-${a.severity}`}
                  data-testid="incident-row"
                  data-alarm-id={a.id}
                  onClick={() => {
                    setOpenId(a.id);
                    onOpen(a);
                  }}
                  aria-expanded={openId === a.id}
                  title={t('incidents.openTip')}
                >
                  <td>
                    <span
                      className={`severity-dot severity-${a.severity}`}
                      title={t(`alarms.severity.${a.severity}`)}
                    />
                  </td>
                  <td className="num">{clock.time(a.since)}</td>
                  <td>{nameOf(a.assetId)}</td>
                  <td>{alarmText(a, locale)}</td>
                  <td className="num">
                    {formatDuration(incidentDuration(a, end), locale)}
                    {a.clearedAt === undefined && ` · ${t('alarms.ongoing')}`}
                  </td>
                </tr>
                {openId === a.id && (
                  <AlarmDetail
                    alarm={a}
                    words={props.words}
                    columns={5}
                    onLocate={props.onLocate}
                    onAlarm={(id) => {
                      const earlier = incidents.find((x) => x.id === id);
                      if (!earlier) return;
                      setOpenId(id);
                      onOpen(earlier);
                    }}
                  />
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
