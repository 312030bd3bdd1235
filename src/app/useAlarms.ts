import { useEffect, useMemo, useRef } from 'react';
import type { TwinConfig } from '../config/schema';
import type { Alarm } from '../diagnostics/alarmTypes';
import { createAlarmStore, type AlarmStore } from '../diagnostics/createAlarmStore';
import { createRuleEngine } from '../diagnostics/createRuleEngine';
import type { TwinStore } from '../twin/createTwinStore';
import { formatDuration } from '../ui/formatDuration';

/** How often live rules look at the twin: alarms within half a second, at human speed. */
export const LIVE_RULES_EVERY_MS = 500;

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
  running: boolean,
): void {
  useEffect(() => {
    if (!config || !alarms || !running || config.rules.length === 0) return;
    const engine = createRuleEngine(config, twin.getState().assets);
    const id = window.setInterval(() => {
      const now = Date.now();
      alarms.apply(engine.evaluate(now), now);
    }, LIVE_RULES_EVERY_MS);
    return () => {
      window.clearInterval(id);
      alarms.clear();
    };
  }, [twin, config, alarms, running]);
}

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
