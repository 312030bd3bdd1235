import { useEffect, useState } from 'react';
import { useT } from '../../ui/i18n';
import { KpiTrend } from '../Kpis/KpiTrend';
import { siteClock } from '../Timeline/siteClock';
import './PlanVsActual.css';

/** Where a worker (a quay crane, a line) or the whole site stands against the plan. */
export interface PlanStanding {
  id: string;
  behindMinutes: number;
  done: number;
  plannedDone: number;
  total: number;
}

/** A planned job as the shift did it. */
export interface JobDelayItem {
  jobId: string;
  /** The box. */
  assetId: string;
  /** Its quay crane. */
  by: string;
  planned: number;
  actual: number | undefined;
  delayMinutes: number;
}

/** What the section shows, read from the app once a second. */
export interface PlanVsActualView {
  state: 'simulating' | 'reading' | 'ready' | 'failed';
  problem?: string;
  /** Share of the shift read, 0–1. */
  fraction: number;
  /** Moves (terminal) or pieces (factory). */
  unit: 'moves' | 'pieces';
  site: PlanStanding | null;
  workers: PlanStanding[];
  series: { t: number[]; behindMinutes: number[] } | null;
  delays: JobDelayItem[];
}

interface Props {
  planName: string;
  view(): PlanVsActualView;
  timeZone: string;
  ghosts: boolean;
  onGhosts(on: boolean): void;
  /** Go to a moment and select an asset there (a late job's box, a crane). */
  onLocate(assetId: string, t: number): void;
}

const LISTED_DELAYS = 12;
const minutes = (m: number) => (Math.abs(m) < 10 ? m.toFixed(1) : m.toFixed(0));

/**
 * A recorded shift against the plan it carries: how far behind (or ahead) the site and each
 * worker is at the clock, the deviation over the shift, the latest jobs, and the ghosts'
 * switch and legend.
 */
export function PlanVsActual({ planName, view, timeZone, ghosts, onGhosts, onLocate }: Props) {
  const t = useT();
  const [v, setV] = useState(view);
  useEffect(() => {
    // A new `view` is a new shift: read at once (a tick away), then every second.
    const first = window.setTimeout(() => setV(view()), 0);
    const timer = window.setInterval(() => setV(view()), 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [view]);
  const clock = siteClock(timeZone);
  const standing = (s: PlanStanding) =>
    s.behindMinutes > 0
      ? t('planVsActual.behind', { minutes: minutes(s.behindMinutes) })
      : s.behindMinutes < 0
        ? t('planVsActual.ahead', { minutes: minutes(-s.behindMinutes) })
        : t('planVsActual.onPlan');
  const unit = t(v.unit === 'moves' ? 'planVsActual.moves' : 'planVsActual.pieces');
  return (
    <section className="plan-vs-actual" data-testid="plan-vs-actual">
      <h3>{t('planVsActual.title', { plan: planName })}</h3>
      {v.state === 'simulating' && <p className="muted">{t('planVsActual.simulating')}</p>}
      {v.state === 'failed' && <p className="plan-error">{v.problem}</p>}
      {v.state === 'reading' && (
        <p className="muted">
          {t('planVsActual.reading', { percent: Math.round(v.fraction * 100) })}
        </p>
      )}
      {v.site && (
        <p className="pva-now" data-testid="plan-vs-actual-now">
          <strong className={v.site.behindMinutes >= 2 ? 'late' : ''}>{standing(v.site)}</strong>{' '}
          <span className="muted">
            {t('planVsActual.done', {
              done: v.site.done,
              planned: v.site.plannedDone,
              total: v.site.total,
              unit,
            })}
          </span>
        </p>
      )}
      <label className="pva-ghosts" title={t('planVsActual.ghostsTip')}>
        <input type="checkbox" checked={ghosts} onChange={(e) => onGhosts(e.target.checked)} />{' '}
        {t('planVsActual.ghosts')}
        <span className="pva-legend">
          <i className="ahead" /> {t('planVsActual.legendAhead')} <i className="on" />{' '}
          {t('planVsActual.legendOn')} <i className="behind" /> {t('planVsActual.legendBehind')}{' '}
          <i className="late" /> {t('planVsActual.legendLate')}
        </span>
      </label>
      {v.series && v.series.t.length > 1 && (
        <KpiTrend
          t={v.series.t}
          values={v.series.behindMinutes}
          label={t('planVsActual.chart')}
          target={0}
          timeZone={timeZone}
        />
      )}
      {v.workers.length > 0 && (
        <table className="alarms-table">
          <thead>
            <tr>
              <th>{t('planVsActual.worker')}</th>
              <th className="num">{t('planVsActual.doneCol', { unit })}</th>
              <th className="num">{t('planVsActual.behindCol')}</th>
            </tr>
          </thead>
          <tbody>
            {v.workers.map((w) => (
              <tr key={w.id} className={w.behindMinutes >= 10 ? 'late' : ''}>
                <td>{w.id}</td>
                <td className="num">
                  {w.done} / {w.plannedDone}
                </td>
                <td className="num">{minutes(w.behindMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {v.delays.length > 0 && (
        <>
          <h4>{t('planVsActual.delays')}</h4>
          <table className="alarms-table" data-testid="job-delays">
            <thead>
              <tr>
                <th>{t('planVsActual.job')}</th>
                <th>{t('planVsActual.planned')}</th>
                <th>{t('planVsActual.actual')}</th>
                <th className="num">{t('planVsActual.delay')}</th>
              </tr>
            </thead>
            <tbody>
              {v.delays.slice(0, LISTED_DELAYS).map((d) => (
                <tr
                  key={d.jobId}
                  className="clickable"
                  title={t('planVsActual.jobTip')}
                  onClick={() => onLocate(d.assetId, d.actual ?? d.planned)}
                >
                  <td>
                    {d.assetId} <span className="muted">{d.by}</span>
                  </td>
                  <td>{clock.minutes(d.planned)}</td>
                  <td>{d.actual === undefined ? '—' : clock.minutes(d.actual)}</td>
                  <td className="num">{minutes(d.delayMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
