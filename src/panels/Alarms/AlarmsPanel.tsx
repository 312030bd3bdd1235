import { Fragment, useEffect, useMemo, useState } from 'react';
import { AlarmDetail } from './AlarmDetail';
import type { HintWords } from './hintText';
import { useStore } from 'zustand';
import type { Alarm } from '../../diagnostics/alarmTypes';
import type { AlarmStore } from '../../diagnostics/createAlarmStore';
import type { SeverityLevel } from '../../config/rules';
import { useLocale, useT } from '../../ui/i18n';
import { formatDuration } from '../../ui/formatDuration';
import { siteClock } from '../Timeline/siteClock';
import { alarmText } from './alarmText';
import { filterAlarms, type AlarmFilter } from './alarmFilter';
import './Alarms.css';
import { CloseButton } from '../common/CloseButton';

/** Rows drawn at most; the filter narrows the rest down. */
const MAX_ROWS = 300;
const SHELVE_MS = 3_600_000;
const SEVERITIES: SeverityLevel[] = ['critical', 'warning', 'info'];

interface Props {
  alarms: AlarmStore;
  /** The site's rules: none means nothing can raise an alarm, which the panel says. */
  ruleCount: number;
  timeZone: string;
  nameOf(assetId: string): string;
  /** Names and times for the root-cause hints. */
  words: HintWords;
  onLocate(assetId: string): void;
  /** The time alarms are judged at (the clock in replay, now when live), ms epoch. */
  now(): number;
  /** A row was chosen: locate its asset (and, in a replay, go to its moment). */
  onOpen(alarm: Alarm): void;
  onClose(): void;
  /** Live alarms can be acknowledged and shelved; a recording's are history. */
  actions: boolean;
  operator: string;
  onOperator(name: string): void;
  autoLocate: boolean;
  onAutoLocate(on: boolean): void;
  sound: boolean;
  onSound(on: boolean): void;
}

/**
 * Every alarm of the site in one table — the open ones first, then history — with a filter,
 * a search, and what people do with alarms: look, acknowledge, shelve.
 */
export function AlarmsPanel(props: Props) {
  const { alarms: store, timeZone, nameOf, now, onOpen, actions } = props;
  const t = useT();
  const locale = useLocale();
  const alarms = useStore(store, (s) => s.alarms);
  const [filter, setFilter] = useState<AlarmFilter>({ show: 'open', severity: 'any', search: '' });
  const [openId, setOpenId] = useState<string | null>(null);
  // Ongoing alarms' durations move on: a slow tick redraws them (human speed, not telemetry).
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = window.setInterval(() => setTick((n) => n + 1), 5_000);
    return () => window.clearInterval(id);
  }, []);
  const clock = siteClock(timeZone);
  const text = (a: Alarm) => alarmText(a, locale);
  const rows = useMemo(
    () => filterAlarms(alarms, filter, (a) => alarmText(a, locale), nameOf),
    [alarms, filter, locale, nameOf],
  );
  const openCount = alarms.filter((a) => a.state === 'active' || a.state === 'acknowledged').length;
  const at = now();

  return (
    <aside className="panel alarms-panel" data-testid="alarms-panel" aria-label={t('alarms.title')}>
      <header className="panel-header">
        <h2>
          {t('alarms.title')}{' '}
          <span className="muted alarms-count">
            {t('alarms.activeCount', { count: openCount })}
          </span>
        </h2>
        <CloseButton onClick={props.onClose} label={t('alarms.close')} />
      </header>
      <div className="alarms-controls">
        <div className="segmented" role="group">
          {(['open', 'all'] as const).map((show) => (
            <button
              key={show}
              aria-pressed={filter.show === show}
              onClick={() => setFilter((f) => ({ ...f, show }))}
            >
              {t(show === 'open' ? 'alarms.filter.open' : 'alarms.filter.all')}
            </button>
          ))}
        </div>
        <label>
          {t('alarms.filter.severity')}{' '}
          <select
            value={filter.severity}
            onChange={(e) =>
              setFilter((f) => ({ ...f, severity: e.target.value as AlarmFilter['severity'] }))
            }
          >
            <option value="any">{t('alarms.filter.anySeverity')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`alarms.severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          placeholder={t('alarms.search')}
          value={filter.search}
          onChange={(e) => setFilter((f) => ({ ...f, search: e.target.value }))}
          aria-label={t('alarms.search')}
        />
      </div>
      <div className="alarms-options">
        <label className="checkbox" title={t('alarms.autoLocateTip')}>
          <input
            type="checkbox"
            checked={props.autoLocate}
            onChange={(e) => props.onAutoLocate(e.target.checked)}
          />
          {t('alarms.autoLocate')}
        </label>
        <label className="checkbox" title={t('alarms.soundTip')}>
          <input
            type="checkbox"
            checked={props.sound}
            onChange={(e) => props.onSound(e.target.checked)}
          />
          {t('alarms.sound')}
        </label>
        {actions && (
          <label>
            {t('alarms.operator')}{' '}
            <input
              className="alarms-operator"
              value={props.operator}
              placeholder={t('alarms.operatorDefault')}
              onChange={(e) => props.onOperator(e.target.value)}
              maxLength={40}
            />
          </label>
        )}
      </div>
      {props.ruleCount === 0 ? (
        <p className="muted">{t('alarms.noRules')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{alarms.length === 0 ? t('alarms.empty') : t('alarms.noMatch')}</p>
      ) : (
        <table className="alarms-table">
          <thead>
            <tr>
              <th aria-label={t('alarms.filter.severity')} />
              <th>{t('alarms.col.time')}</th>
              <th>{t('alarms.col.asset')}</th>
              <th>{t('alarms.col.message')}</th>
              <th>{t('alarms.col.state')}</th>
              <th>{t('alarms.col.duration')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((a) => (
              <Fragment key={a.id}>
                <tr
                  className={`alarm-row alarm-${a.severity} alarm-state-${a.state}`}
                  data-testid="alarm-row"
                  data-alarm-id={a.id}
                  onClick={() => {
                    setOpenId(a.id);
                    onOpen(a);
                  }}
                  aria-expanded={openId === a.id}
                  title={t('alarms.locateTip')}
                >
                  <td>
                    <span
                      className={`severity-dot severity-${a.severity}`}
                      title={t(`alarms.severity.${a.severity}`)}
                    />
                  </td>
                  <td className="num">
                    <span className="muted">{clock.date(a.raisedAt).slice(5)}</span>{' '}
                    {clock.time(a.raisedAt)}
                  </td>
                  <td>{nameOf(a.assetId)}</td>
                  <td>{text(a)}</td>
                  <td
                    title={
                      a.acknowledgedAt !== undefined
                        ? t('alarms.ackedBy', {
                            who: a.acknowledgedBy ?? '',
                            time: clock.time(a.acknowledgedAt),
                          })
                        : undefined
                    }
                  >
                    {t(`alarms.state.${a.state}`)}
                  </td>
                  <td className="num">
                    {a.clearedAt !== undefined
                      ? formatDuration(a.clearedAt - a.since, locale)
                      : `${formatDuration(Math.max(0, at - a.since), locale)} · ${t('alarms.ongoing')}`}
                  </td>
                  <td className="alarm-actions" onClick={(e) => e.stopPropagation()}>
                    {actions && a.acknowledgedAt === undefined && (
                      <button
                        title={t('alarms.ackTip')}
                        data-testid="alarm-ack"
                        onClick={() =>
                          store.acknowledge(
                            a.id,
                            props.operator || t('alarms.operatorDefault'),
                            Date.now(),
                          )
                        }
                      >
                        {t('alarms.ack')}
                      </button>
                    )}
                    {actions && a.state !== 'cleared' && a.state !== 'shelved' && (
                      <button
                        title={t('alarms.shelveTip')}
                        onClick={() =>
                          store.shelve(
                            a.id,
                            Date.now() + SHELVE_MS,
                            props.operator || t('alarms.operatorDefault'),
                          )
                        }
                      >
                        {t('alarms.shelve')}
                      </button>
                    )}
                    {actions && a.state === 'shelved' && (
                      <button onClick={() => store.unshelve(a.id)}>{t('alarms.unshelve')}</button>
                    )}
                    <button title={t('alarms.locateTip')} onClick={() => onOpen(a)}>
                      {t('alarms.locate')}
                    </button>
                  </td>
                </tr>
                {openId === a.id && (
                  <AlarmDetail
                    alarm={a}
                    words={props.words}
                    columns={7}
                    onLocate={props.onLocate}
                  />
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > MAX_ROWS && (
        <p className="muted">
          {MAX_ROWS} / {rows.length}
        </p>
      )}
    </aside>
  );
}
