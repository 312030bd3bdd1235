import type { PlanDocument } from '../../config/plan';
import type { TwinConfig } from '../../config/schema';
import { createWorkTracker, type PlanWork, type WorkLog } from '../../diagnostics/plan/workTracker';
import { createSiteSimulation } from '../../sim/createSiteSimulation';
import { PREVIEW_SETTINGS } from '../preview/previewSettings';
import { planWork } from './planWork';

/** Where one asset was in the planned run: times, and x, y, z, heading per time. */
export interface GhostTrack {
  assetId: string;
  t: Float64Array;
  /** x, y, z, heading (degrees) per sample. */
  pose: Float32Array;
}

/** A plan as it would have run: its ghosts' tracks and when it finished each unit of work. */
export interface PlannedRun {
  start: number;
  end: number;
  work: PlanWork;
  planned: WorkLog;
  tracks: GhostTrack[];
}

const STEP_MS = 1000;

/**
 * Runs a plan as planned (no breakdowns, as a preview runs it) over a recorded shift's span, and
 * keeps what plan vs actual draws and measures: the track of every asset that moves in it (boxes
 * aside: thousands of ghost boxes say nothing a crane's ghost does not) and when each unit of its
 * work was done, read from the same reports a recording carries. Half a second for an 8-hour
 * terminal shift; the tracks are a few MB of typed arrays.
 */
export function runPlanned(
  config: TwinConfig,
  document: PlanDocument,
  span: { start: number; end: number },
): PlannedRun {
  const work = planWork(config, document);
  const tracker = createWorkTracker(work);
  const category = new Map(
    config.assets.map((a) => [a.id, config.assetTypes[a.type]?.category ?? a.type]),
  );
  const sim = createSiteSimulation(config, {
    seed: document.seed,
    startTime: span.start,
    plan: document.plan,
    disruptions: PREVIEW_SETTINGS.disruptions,
    movingSampleMs: PREVIEW_SETTINGS.movingSampleMs,
  });
  const samples = new Map<string, { t: number[]; pose: number[] }>();
  for (let t = span.start; t < span.end + STEP_MS; t += STEP_MS) {
    for (const out of sim.advanceTo(Math.min(t, span.end))) {
      if (out.kind !== 'state') continue;
      tracker.observe(out.assetId, out.fields, out.t);
      if (!out.position || category.get(out.assetId) === 'container') continue;
      let track = samples.get(out.assetId);
      if (!track) samples.set(out.assetId, (track = { t: [], pose: [] }));
      const previous = track.pose.length - 4;
      track.t.push(out.t);
      track.pose.push(
        out.position[0],
        out.position[1],
        out.position[2],
        out.headingDeg ?? (previous >= 0 ? (track.pose[previous + 3] as number) : 0),
      );
    }
    if (t >= span.end) break;
  }
  const tracks: GhostTrack[] = [];
  for (const [assetId, track] of samples) {
    // Reported once and never again: it stood still, nothing to draw beside the real one.
    if (track.t.length < 2) continue;
    tracks.push({ assetId, t: Float64Array.from(track.t), pose: Float32Array.from(track.pose) });
  }
  return { start: span.start, end: span.end, work, planned: tracker.log, tracks };
}
