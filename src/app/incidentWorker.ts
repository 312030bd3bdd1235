// The incident pass, off the page: opens the recording being replayed a second time (a small
// cache: it reads straight through) and plays it through the site's rules as fast as it can,
// posting the alarms found so far as it goes, so timeline markers appear while it runs.
import type { TwinConfig } from '../config/schema';
import type { Alarm } from '../diagnostics/alarmTypes';
import type { KpiSeries } from '../diagnostics/kpis/kpiSeries';
import { openRecording } from '../telemetry/recording/openRecording';
import { blobReadable, httpReadable } from '../telemetry/recording/recordingReadables';
import type { RecordingLocation } from '../telemetry/replay/replayProtocol';
import { findIncidents } from './incidentPass';
import { parsePlanDocument } from '../config/plan';
import { createWorkTracker, type WorkLog } from '../diagnostics/plan/workTracker';
import { runPlanned, type PlannedRun } from './planVsActual/plannedRun';

/** The page's one request: which recording, bound with which config (and the plan it carries). */
export interface IncidentRequest {
  location: RecordingLocation;
  config: TwinConfig;
  /** The recording's plan attachment: measured against it (plan vs actual). */
  planText?: string;
}

export type IncidentMessage =
  | { type: 'plan'; run: PlannedRun }
  | { type: 'planError'; message: string }
  | { type: 'progress'; fraction: number; alarms: Alarm[]; kpis: KpiSeries; actual?: WorkLog }
  | { type: 'done'; alarms: Alarm[]; kpis: KpiSeries; seconds: number; actual?: WorkLog }
  | { type: 'error'; message: string };

const PASS_CACHE_BYTES = 32 * 1024 * 1024;
const post = (message: IncidentMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<IncidentRequest>) => {
  const { location, config, planText } = event.data;
  const started = performance.now();
  try {
    const readable =
      location.kind === 'url' ? await httpReadable(location.url) : blobReadable(location.file);
    const replay = await openRecording(readable, { config, cacheBytes: PASS_CACHE_BYTES });
    const plan = planText === undefined ? undefined : planned(planText, config, replay.info);
    const { alarms, kpis } = await findIncidents(replay, config, {
      progressEveryMs: 1000,
      plan,
      onProgress: (fraction, found, series) =>
        post({
          type: 'progress',
          fraction,
          alarms: [...found],
          kpis: series,
          actual: plan?.tracker.log,
        }),
    });
    replay.close();
    post({
      type: 'done',
      alarms,
      kpis,
      seconds: (performance.now() - started) / 1000,
      actual: plan?.tracker.log,
    });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

/**
 * Runs the recording's plan as planned over its span and posts it (ghosts, planned work); a
 * plan that does not parse or fit the site is reported and the pass goes on without it.
 */
function planned(planText: string, config: TwinConfig, span: { start: number; end: number }) {
  try {
    const parsed = parsePlanDocument(planText);
    if (!parsed.ok) {
      const issue = parsed.issues[0];
      throw new Error(`the recording's plan is invalid at ${issue?.path}: ${issue?.message}`);
    }
    if (parsed.plan.site !== config.site.id)
      throw new Error(`the recording's plan is for site "${parsed.plan.site}"`);
    const run = runPlanned(config, parsed.plan, span);
    const transfer = run.tracks.flatMap((track) => [track.t.buffer, track.pose.buffer]);
    self.postMessage({ type: 'plan', run } satisfies IncidentMessage, { transfer });
    return { planned: run.planned, tracker: createWorkTracker(run.work) };
  } catch (error) {
    post({ type: 'planError', message: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}
