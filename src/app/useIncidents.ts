import { useEffect, useMemo } from 'react';
import { countAtOrBefore } from '../lib/sortedSearch';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TwinConfig } from '../config/schema';
import type { Alarm } from '../diagnostics/alarmTypes';
import type { RecordingLocation } from '../telemetry/replay/replayProtocol';
import type { IncidentMessage, IncidentRequest } from './incidentWorker';
import type { AlarmStore } from '../diagnostics/createAlarmStore';
import { emptySeries, valuesAt, type KpiSeries } from '../diagnostics/kpis/kpiSeries';
import type { KpiStore } from '../diagnostics/kpis/createKpiStore';
import type { WorkLog } from '../diagnostics/plan/workTracker';
import type { PlannedRun } from './planVsActual/plannedRun';

/** Where the incident pass over the open recording is, and what it found so far. */
export interface IncidentScan {
  state: 'idle' | 'scanning' | 'done' | 'failed';
  /** Share of the recording gone through, 0–1. */
  fraction: number;
  /** Every alarm of the recording found so far, oldest raise first. */
  alarms: readonly Alarm[];
  /** Its KPIs minute by minute, so far. */
  kpis: KpiSeries;
  message?: string;
  /** How long the whole pass took, s (when done). */
  seconds?: number;
  /** The recording's plan as it would have run, once simulated (plan vs actual). */
  planned: PlannedRun | null;
  /** Its work as the shift did it, so far. */
  actual: WorkLog | null;
  /** Why the recording's plan could not be measured against. */
  planProblem?: string;
}

export type IncidentStore = StoreApi<IncidentScan>;

const IDLE: IncidentScan = {
  state: 'idle',
  fraction: 0,
  alarms: [],
  kpis: emptySeries(),
  planned: null,
  actual: null,
};

/**
 * Runs the incident pass (incidentWorker.ts) over the recording being replayed: its incidents
 * (when the site has rules) and its KPIs. A store of human-speed state: it changes when the pass finds something, not per
 * message.
 */
export function useIncidents(
  config: TwinConfig | null,
  location: RecordingLocation | null,
  planText?: string,
): IncidentStore {
  const store = useMemo(() => createStore<IncidentScan>()(() => IDLE), []);
  useEffect(() => {
    if (!config || !location) {
      store.setState(IDLE, true);
      return;
    }
    store.setState({ ...IDLE, state: 'scanning' }, true);
    const worker = new Worker(new URL('./incidentWorker.ts', import.meta.url), {
      type: 'module',
      name: 'twindeck-incidents',
    });
    worker.onmessage = (event: MessageEvent<IncidentMessage>) => {
      const m = event.data;
      if (m.type === 'plan') store.setState({ planned: m.run });
      else if (m.type === 'planError') store.setState({ planProblem: m.message });
      else if (m.type === 'progress')
        store.setState({
          fraction: m.fraction,
          alarms: m.alarms,
          kpis: m.kpis,
          actual: m.actual ?? null,
        });
      else if (m.type === 'done')
        store.setState({
          state: 'done',
          fraction: 1,
          alarms: m.alarms,
          kpis: m.kpis,
          seconds: m.seconds,
          actual: m.actual ?? null,
        });
      else store.setState({ state: 'failed', message: m.message });
    };
    worker.onerror = (event) =>
      store.setState({ state: 'failed', message: event.message || 'the incident pass stopped' });
    worker.postMessage({ location, config, planText } satisfies IncidentRequest);
    return () => worker.terminate();
  }, [store, config, location, planText]);
  return store;
}

/**
 * In a replay, keeps the alarm store showing the recording's alarms as they stood at the clock:
 * checked a few times a second, replaced only when the clock crossed a raise or a clear.
 */
export function useAlarmsAtClock(
  incidents: IncidentStore,
  alarms: AlarmStore | null,
  clock: (() => number) | null,
): void {
  useEffect(() => {
    if (!alarms || !clock) return;
    let list: readonly Alarm[] = [];
    let boundaries: Float64Array = new Float64Array(0);
    let shown = -1;
    const show = () => {
      const count = boundariesBefore(boundaries, clock());
      if (count === shown) return;
      shown = count;
      alarms.replace(alarmsAt(list, clock()));
    };
    const take = (scan: IncidentScan) => {
      // Progress posts resend every alarm found so far: a new list only when something changed.
      if (scan.alarms === list || sameAlarms(scan.alarms, list)) return;
      list = scan.alarms;
      boundaries = alarmBoundaries(list);
      shown = -1;
      show();
    };
    take(incidents.getState());
    const unsubscribe = incidents.subscribe(take);
    const timer = window.setInterval(show, CLOCK_CHECK_MS);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
      alarms.clear();
    };
  }, [incidents, alarms, clock]);
}

/** How often a replay's alarm list looks at the clock. */
const CLOCK_CHECK_MS = 250;

/** The alarms of a recording as they stood at `t`: raised by then, cleared only if by then. */
export function alarmsAt(alarms: readonly Alarm[], t: number): Alarm[] {
  const out: Alarm[] = [];
  for (const a of alarms) {
    if (a.raisedAt > t) continue;
    if (a.clearedAt === undefined || a.clearedAt <= t) {
      out.push(a);
      continue;
    }
    // Cleared later in the recording: at `t` it still holds.
    out.push({ ...a, state: 'active', clearedAt: undefined });
  }
  return out;
}

/** How many raise and clear moments lie at or before `t`: changes exactly when `alarmsAt` does. */
export function boundariesBefore(sorted: Float64Array, t: number): number {
  return countAtOrBefore(sorted, t);
}

/** Every raise and clear time of some alarms, sorted (for boundariesBefore). */
export function alarmBoundaries(alarms: readonly Alarm[]): Float64Array {
  const times: number[] = [];
  for (const a of alarms) {
    times.push(a.raisedAt);
    if (a.clearedAt !== undefined) times.push(a.clearedAt);
  }
  return Float64Array.from(times).sort();
}

/** The same alarms in the same states (a progress post that found nothing new). */
function sameAlarms(a: readonly Alarm[], b: readonly Alarm[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i]?.id !== b[i]?.id || a[i]?.clearedAt !== b[i]?.clearedAt) return false;
  return true;
}

/**
 * In a replay, keeps the KPI store at the recording's KPIs as they stood at the clock (and its
 * series the shift's), looked at once a second.
 */
export function useKpisAtClock(
  incidents: IncidentStore,
  kpis: KpiStore,
  clock: (() => number) | null,
): void {
  useEffect(() => {
    if (!clock) return;
    const show = () => {
      const { kpis: series } = incidents.getState();
      const values = valuesAt(series, clock());
      const current = kpis.getState();
      if (current.series !== series || JSON.stringify(current.values) !== JSON.stringify(values))
        kpis.setState({ values, series });
    };
    show();
    const timer = window.setInterval(show, 1000);
    return () => window.clearInterval(timer);
  }, [incidents, kpis, clock]);
}
