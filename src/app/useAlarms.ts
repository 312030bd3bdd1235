import { useEffect, useMemo, useRef } from 'react';
import type { TwinConfig } from '../config/schema';
import type { Alarm } from '../diagnostics/alarmTypes';
import { createAlarmStore, type AlarmStore } from '../diagnostics/createAlarmStore';
import { createRuleEngine } from '../diagnostics/createRuleEngine';
import { LIVE_RULES_EVERY_MS } from '../diagnostics/cadence';
import type { TwinStore } from '../twin/createTwinStore';
import { formatDuration } from '../ui/formatDuration';
import { createKpiTracker } from '../diagnostics/kpis/createKpiTracker';
import type { KpiState, KpiStore } from '../diagnostics/kpis/createKpiStore';
import { appendPoint, emptySeries } from '../diagnostics/kpis/kpiSeries';
import { KPI_EVERY_MS } from './incidentPass';

/** The shown site's alarm store (a new one per site). */
export function useAlarmStore(twin: TwinStore, config: TwinConfig | null): AlarmStore | null {
  return useMemo(
    () =>
      config
        ? createAlarmStore({
            config,
            assets: twin.getState().assets,
            duration: formatDuration,
          })
        : null,
    [config, twin],
  );
}

/**
 * Evaluates the site's rules over the twin a few times a second while it shows live or static
 * state (a replay's alarms come from its recording instead). Runs on a timer, outside React: only
 * a raise or a clear reaches the alarm store, and only that re-renders panels.
 */
export function useLiveRules(
  twin: TwinStore,
  config: TwinConfig | null,
  alarms: AlarmStore | null,
  kpis: KpiStore,
  running: boolean,
): void {
  useEffect(() => {
    if (!config || !alarms || !running) return;
    const engine =
      config.rules.length > 0 ? createRuleEngine(config, twin.getState().assets) : null;
    const tracker = createKpiTracker(config, twin.getState().assets);
    const series = emptySeries();
    let shownAt = -Infinity;
    let sampledAt = -Infinity;
    const id = window.setInterval(() => {
      const now = Date.now();
      if (engine) alarms.apply(engine.evaluate(now), now);
      tracker.update(now);
      // KPIs reach panels at human speed: every few seconds, a trend point a minute.
      if (now - shownAt < KPI_SHOW_EVERY_MS) return;
      shownAt = now;
      const values = tracker.values(now);
      const next: Partial<KpiState> = { values, bottleneck: tracker.bottleneck(now) };
      if (now - sampledAt >= KPI_EVERY_MS) {
        sampledAt = now;
        appendPoint(series, now, values);
        next.series = { t: series.t, values: { ...series.values } };
      }
      kpis.setState(next);
    }, LIVE_RULES_EVERY_MS);
    return () => {
      window.clearInterval(id);
      alarms.clear();
      kpis.setState({ values: {}, bottleneck: null, series: emptySeries() });
    };
  }, [twin, config, alarms, kpis, running]);
}

/** Live KPIs are recomputed this often for panels. */
const KPI_SHOW_EVERY_MS = 5_000;

/** Calls `onRaised` once for each critical alarm raised after the store was first seen. */
export function useNewCriticalAlarms(
  alarms: AlarmStore | null,
  onRaised: (alarm: Alarm) => void,
): void {
  const callback = useRef(onRaised);
  callback.current = onRaised;
  useEffect(() => {
    if (!alarms) return;
    const seen = new Set(alarms.getState().alarms.map((a) => a.id));
    return alarms.subscribe(({ alarms: list }) => {
      for (const a of list) {
        if (seen.has(a.id)) continue;
        seen.add(a.id);
        if (a.severity === 'critical' && a.state === 'active') callback.current(a);
      }
    });
  }, [alarms]);
}

/** A short two-tone beep, made on the spot (no sound file to fetch). */
export function beep(): void {
  const AudioContextClass = window.AudioContext;
  if (!AudioContextClass) return;
  const context = new AudioContextClass();
  const gain = context.createGain();
  gain.gain.value = 0.08;
  gain.connect(context.destination);
  [880, 660].forEach((hz, i) => {
    const tone = context.createOscillator();
    tone.frequency.value = hz;
    tone.connect(gain);
    tone.start(context.currentTime + i * 0.18);
    tone.stop(context.currentTime + i * 0.18 + 0.15);
  });
  window.setTimeout(() => void context.close(), 600);
}
