import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { CameraViewConfig } from '../../config/schema';
import { localize } from '../../lib/localizedText';
import type { LiveStatusStore } from '../../twin/liveStatus';
import type { WallStatusStore } from '../../twin/wallStatus';
import { useLocale, useT } from '../../ui/i18n';
import { siteClock } from '../Timeline/siteClock';
import './Wall.css';

interface Props {
  siteName: string;
  timeZone: string;
  views: readonly CameraViewConfig[];
  status: WallStatusStore;
  live: LiveStatusStore;
  /** Replay: the replayed time and a badge instead of the connection. */
  replayTime: (() => number) | null;
  nameOf(assetId: string): string;
  onLeave(): void;
}

/**
 * The wall screen's own chrome, readable from across a control room: site, clock, connection
 * and where the tour is. The KPI tiles and the alarm banner are the page's own, made large by
 * `.wall-mode` (Wall.css).
 */
export function WallScreen({
  siteName,
  timeZone,
  views,
  status,
  live,
  replayTime,
  nameOf,
  onLeave,
}: Props) {
  const t = useT();
  const locale = useLocale();
  const viewId = useStore(status, (s) => s.viewId);
  const tourStop = useStore(status, (s) => s.tourStop);
  const alarm = useStore(status, (s) => s.alarm);
  const view = views.find((v) => v.id === viewId);
  return (
    <header className="wall-header" data-testid="wall-screen">
      <div className="wall-site">{siteName}</div>
      <div
        className={alarm ? 'wall-caption wall-caption-alarm' : 'wall-caption'}
        data-testid="wall-caption"
        data-stop={tourStop ?? ''}
      >
        {alarm
          ? t('wall.alarmStop', { name: nameOf(alarm.assetId) })
          : view
            ? localize(view.name, locale)
            : ''}
      </div>
      <div className="wall-status">
        {replayTime ? (
          <span className="wall-link wall-link-replay">{t('replay.badge')}</span>
        ) : (
          <WallConnection live={live} />
        )}
        <WallClock timeZone={timeZone} now={replayTime} />
      </div>
      <button className="wall-leave" onClick={onLeave} title={t('wall.leaveTip')}>
        {t('wall.leave')}
      </button>
    </header>
  );
}

function WallConnection({ live }: { live: LiveStatusStore }) {
  const t = useT();
  const mode = useStore(live, (s) => s.mode);
  const phase = useStore(live, (s) => s.connection?.phase ?? 'idle');
  const state = mode === 'static' ? 'static' : phase;
  return (
    <span className={`wall-link live-${state}`} data-testid="wall-connection" data-state={state}>
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </span>
  );
}

/** The site's wall-clock time, once a second (its own small render, nothing else). */
function WallClock({ timeZone, now }: { timeZone: string; now: (() => number) | null }) {
  const clock = siteClock(timeZone);
  const read = () => (now ? now() : Date.now());
  const [t, setT] = useState(read);
  useEffect(() => {
    const timer = setInterval(() => setT(now ? now() : Date.now()), 1000);
    return () => clearInterval(timer);
  }, [now]);
  return (
    <span className="wall-clock" data-testid="wall-clock" title={clock.offsetName(t)}>
      {clock.time(t)}
    </span>
  );
}
