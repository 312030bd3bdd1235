import { useCallback, useMemo, useRef } from 'react';
import type { Player } from '../../playback/createPlayer';
import type { PlanVsActualView } from '../../panels/PlanVsActual/PlanVsActual';
import type { GhostSource } from '../../scene/GhostLayer';
import type { IncidentScan } from '../useIncidents';
import { createGhostSource } from './ghostSource';
import {
  deviationAt,
  deviationSeries,
  jobDelays,
  planWorkers,
  type ShiftAgainstPlan,
} from './planVsActual';

/** What `window.twindeck.planDeviation()` answers (docs/automation.md). */
export interface PlanDeviationReport {
  /** The clock, ms epoch. */
  t: number;
  /** Whose work: an asset id (its own planned work, or its line's), or null for the site. */
  assetId: string | null;
  behindMinutes: number;
  done: number;
  plannedDone: number;
  total: number;
  /** Ghosts drawn (assets that move in the planned run). */
  ghosts: number;
  /** The asset's ghost, x y z heading, and how far from the asset it stands, m (asked by id). */
  ghost?: { position: [number, number, number]; headingDeg: number; distanceM: number };
}

const MINUTE = 60_000;

/**
 * A replayed shift against the plan it carries, for the scene (ghosts), the Plans panel (its
 * section) and the automation API; nothing here renders on telemetry: the ghosts read the
 * clock per frame, the panel and API ask when they want.
 */
export function usePlanVsActual(
  scan: IncidentScan,
  player: Player | null,
  position: (assetId: string) => [number, number, number] | undefined,
) {
  const shift = useRef<ShiftAgainstPlan | null>(null);
  const run = scan.planned;
  shift.current =
    run && player
      ? {
          run,
          actual: scan.actual ?? { units: {}, jobs: {} },
          readTo: run.start + scan.fraction * (run.end - run.start),
        }
      : null;
  const byOf = useCallback((assetId: string): string | undefined => {
    const s = shift.current;
    if (!s) return undefined;
    if (assetId in s.run.work.totals) return assetId;
    return undefined;
  }, []);
  const ghosts = useMemo<GhostSource | null>(
    () =>
      run && player
        ? createGhostSource(run, player.time, (assetId, t) => {
            const s = shift.current;
            if (!s || t > s.readTo) return undefined;
            return deviationAt(s, t, byOf(assetId)).behindMs / MINUTE;
          })
        : null,
    [run, player, byOf],
  );
  const trackIndex = useMemo(
    () => new Map(run?.tracks.map((track, i) => [track.assetId, i]) ?? []),
    [run],
  );

  const view = useCallback((): PlanVsActualView => {
    const s = shift.current;
    const base = {
      fraction: scanRef.current.fraction,
      unit: s?.run.work.jobs.length === 0 ? ('pieces' as const) : ('moves' as const),
      site: null,
      workers: [],
      series: null,
      delays: [],
    };
    if (scanRef.current.planProblem)
      return { ...base, state: 'failed', problem: scanRef.current.planProblem };
    if (!s || !player) return { ...base, state: 'simulating' };
    const t = Math.min(player.time(), s.readTo);
    const standing = (id: string | undefined) => {
      const d = deviationAt(s, t, id);
      return { id: id ?? '*', behindMinutes: d.behindMs / MINUTE, ...d };
    };
    return {
      ...base,
      state: scanRef.current.state === 'done' ? 'ready' : 'reading',
      site: standing(undefined),
      workers: planWorkers(s.run).map((by) => standing(by)),
      series: deviationSeries(s),
      delays: jobDelays(s)
        .slice(0, 50)
        .map((d) => ({ ...d, delayMinutes: d.delayMs / MINUTE })),
    };
  }, [player]);
  const scanRef = useRef(scan);
  scanRef.current = scan;

  const deviation = useCallback(
    (assetId?: string): PlanDeviationReport | null => {
      const s = shift.current;
      if (!s || !player) return null;
      const t = player.time();
      const by = assetId === undefined ? undefined : byOf(assetId);
      const d = deviationAt(s, Math.min(t, s.readTo), by);
      const report: PlanDeviationReport = {
        t,
        assetId: assetId ?? null,
        behindMinutes: d.behindMs / MINUTE,
        done: d.done,
        plannedDone: d.plannedDone,
        total: d.total,
        ghosts: s.run.tracks.length,
      };
      const i = assetId === undefined ? undefined : trackIndex.get(assetId);
      if (i !== undefined && ghosts) {
        const pose = new Float32Array(4);
        ghosts.poseAt(i, pose);
        const real = position(assetId as string);
        const ghost: [number, number, number] = [pose[0] ?? 0, pose[1] ?? 0, pose[2] ?? 0];
        report.ghost = {
          position: ghost,
          headingDeg: pose[3] ?? 0,
          distanceM: real ? Math.hypot(real[0] - ghost[0], real[2] - ghost[2]) : NaN,
        };
      }
      return report;
    },
    [player, byOf, trackIndex, ghosts, position],
  );
  return { ghosts, view, deviation, available: run !== null || scan.planProblem !== undefined };
}
