import type { TwinConfig } from '../config/schema';
import type { Alarm } from '../diagnostics/alarmTypes';
import { createAlarmStore } from '../diagnostics/createAlarmStore';
import { createRuleEngine } from '../diagnostics/createRuleEngine';
import type { TelemetryBatch } from '../telemetry/ingest/createIngest';
import type { Replay } from '../telemetry/recording/openRecording';
import { createTwinStore } from '../twin/createTwinStore';
import { createTelemetryApplier } from '../twin/telemetryApplier';
import { formatDuration } from '../ui/formatDuration';
import { createKpiTracker } from '../diagnostics/kpis/createKpiTracker';
import { appendPoint, emptySeries, type KpiSeries } from '../diagnostics/kpis/kpiSeries';
import { behindPlanMs } from '../diagnostics/plan/planDeviation';
import type { WorkLog, WorkTracker } from '../diagnostics/plan/workTracker';
import type { AssetState } from '../twin/assetState';

/** KPIs are sampled once a minute of recording time for the trends. */
export const KPI_EVERY_MS = 60_000;

/** What a pass over a recording finds: its incidents, and its KPIs over the shift. */
export interface ShiftDiagnosis {
  alarms: Alarm[];
  kpis: KpiSeries;
}

/** Rules look at a recording once a second of its time, as live rules do twice a second. */
export const PASS_TICK_MS = 1000;

export interface IncidentPassOptions {
  tickMs?: number;
  /** Progress, 0–1, with the alarms found so far (oldest raise first) and the KPIs. */
  onProgress?(fraction: number, alarms: readonly Alarm[], kpis: KpiSeries): void;
  /** Report progress about this often, ms of wall time. */
  progressEveryMs?: number;
  /** Stop early (the recording was closed): the pass resolves with what it found. */
  cancelled?(): boolean;
  /**
   * The shift's plan as it would have run: reports are also watched for its work, and
   * `planDeviation` rules measure each asset's work against it (plan vs actual).
   */
  plan?: { planned: WorkLog; tracker: WorkTracker };
}

/**
 * How far an asset is behind a plan at `now`: its own planned work (a quay crane's), else its
 * line's (a sewing machine's `line` field), else none.
 */
export function planBehind(
  planned: WorkLog,
  tracker: WorkTracker,
): (asset: AssetState, now: number) => number | undefined {
  return (asset, now) => {
    const by = asset.id in planned.units ? asset.id : String(asset.fields.line ?? '');
    const units = planned.units[by];
    return units ? behindPlanMs(units, tracker.done(by), now) : undefined;
  };
}

/**
 * Plays a whole recording through a twin of its own and the site's rules, as fast as it can,
 * and returns every alarm the shift raised (the incidents of the timeline and the incident
 * list) and its KPIs minute by minute. The same rule engine and alarm store as live, on the recording's clock, so an alarm
 * found here has the id it had (or would have had) live.
 */
export async function findIncidents(
  replay: Replay,
  config: TwinConfig,
  options: IncidentPassOptions = {},
): Promise<ShiftDiagnosis> {
  const tickMs = options.tickMs ?? PASS_TICK_MS;
  const twin = createTwinStore();
  twin.getState().loadSite(config);
  // No gliding: every sample is applied where it says, at the recording's time.
  const applier = createTelemetryApplier(twin, () => [], { staleBySampleTime: true });
  const plan = options.plan;
  const engine = createRuleEngine(
    config,
    twin.getState().assets,
    plan ? { planBehindMs: planBehind(plan.planned, plan.tracker) } : {},
  );
  const watch = (batch: TelemetryBatch) => {
    if (plan)
      for (const s of batch.samples) plan.tracker.observe(s.assetId, s.fields, s.sourceTime);
    return batch;
  };
  const alarms = createAlarmStore({
    config,
    assets: twin.getState().assets,
    duration: formatDuration,
  });
  const kpis = createKpiTracker(config, twin.getState().assets);
  const series = emptySeries();
  const { start, end } = replay.info;
  let sampled = -Infinity;
  const every = options.progressEveryMs ?? 250;
  let reported = performance.now();

  applier.apply(watch((await replay.stateAt(start)).batch), start, true);
  for (let t = start; ; t = Math.min(end, t + tickMs)) {
    applier.apply(watch(await replay.readTo(t)), t, true);
    applier.step(t);
    alarms.apply(engine.evaluate(t), t);
    kpis.update(t);
    if (t - sampled >= KPI_EVERY_MS || t >= end) {
      sampled = t;
      appendPoint(series, t, kpis.values(t));
    }
    if (t >= end || options.cancelled?.()) break;
    if (options.onProgress && performance.now() - reported >= every) {
      reported = performance.now();
      options.onProgress((t - start) / Math.max(1, end - start), alarms.getState().alarms, series);
    }
  }
  const found = alarms.getState().alarms;
  options.onProgress?.(1, found, series);
  return { alarms: [...found], kpis: series };
}
