import { behindPlanMs, countAtOrBefore } from '../../diagnostics/plan/planDeviation';
import type { WorkLog } from '../../diagnostics/plan/workTracker';
import type { PlannedRun } from './plannedRun';

/** A shift beside its plan: the plan as it would have run and the shift's work so far. */
export interface ShiftAgainstPlan {
  run: PlannedRun;
  actual: WorkLog;
  /** The shift has been read up to here (the incident pass's progress), ms epoch. */
  readTo: number;
}

/** Where one asset's (or the whole site's) work stands against the plan at a time. */
export interface Deviation {
  /** How far behind the plan, ms; negative: ahead. */
  behindMs: number;
  /** Units of work (moves, pieces) done by then, in the shift and in the plan. */
  done: number;
  plannedDone: number;
  /** Units the plan has in all. */
  total: number;
}

const sortedCache = new WeakMap<object, Map<string, Float64Array>>();

/** Times a log's units were done, sorted: by one worker (`by`), or by all (`*`). */
export function unitTimes(log: WorkLog, by: string | undefined): Float64Array {
  let cache = sortedCache.get(log.units);
  if (!cache) sortedCache.set(log.units, (cache = new Map()));
  const key = by ?? '*';
  let times = cache.get(key);
  if (!times) {
    const source = by === undefined ? Object.values(log.units).flat() : (log.units[by] ?? []);
    // Reports arrive by receive time; a unit's time is its source's, so sort.
    times = Float64Array.from(source).sort();
    cache.set(key, times);
  }
  return times;
}

/** The plan's workers (`by`: quay cranes, lines) with planned work. */
export function planWorkers(run: PlannedRun): string[] {
  return Object.keys(run.work.totals).filter((by) => (run.work.totals[by] ?? 0) > 0);
}

/** The deviation at `t` of one worker's work, or of the whole site's. */
export function deviationAt(shift: ShiftAgainstPlan, t: number, by?: string): Deviation {
  const planned = unitTimes(shift.run.planned, by);
  const done = countAtOrBefore(unitTimes(shift.actual, by), t);
  const total =
    by === undefined
      ? Object.values(shift.run.work.totals).reduce((a, b) => a + b, 0)
      : (shift.run.work.totals[by] ?? 0);
  return {
    behindMs: behindPlanMs(planned, done, t),
    done,
    plannedDone: countAtOrBefore(planned, t),
    total,
  };
}

/** The site's minutes behind plan every `everyMs` over the part of the shift read so far. */
export function deviationSeries(
  shift: ShiftAgainstPlan,
  everyMs = 60_000,
): { t: number[]; behindMinutes: number[] } {
  const t: number[] = [];
  const behindMinutes: number[] = [];
  const to = Math.min(shift.run.end, shift.readTo);
  for (let at = shift.run.start; at <= to; at += everyMs) {
    t.push(at);
    behindMinutes.push(deviationAt(shift, at).behindMs / 60_000);
  }
  return { t, behindMinutes };
}

/** One planned job as the shift did it. */
export interface JobDelay {
  jobId: string;
  /** The asset whose report shows it done (the box). */
  assetId: string;
  /** Who does it (the quay crane). */
  by: string;
  planned: number;
  /** When the shift did it; undefined: not by `readTo`. */
  actual: number | undefined;
  /** actual − planned, or how late it is at `readTo` when not done; negative: early. */
  delayMs: number;
}

/**
 * Every job the plan did, with its delay in the shift, most late first (jobs neither did are
 * left out). Lines in a factory have no jobs: their pieces are measured as a whole.
 */
export function jobDelays(shift: ShiftAgainstPlan): JobDelay[] {
  const out: JobDelay[] = [];
  const planned = shift.run.planned.jobs;
  for (const job of shift.run.work.jobs) {
    const p = planned[job.id];
    if (p === undefined) continue;
    const a = shift.actual.jobs[job.id];
    if (a === undefined && shift.readTo < p) continue;
    out.push({
      jobId: job.id,
      assetId: job.assetId,
      by: job.by,
      planned: p,
      actual: a,
      delayMs: (a ?? shift.readTo) - p,
    });
  }
  return out.sort((x, y) => y.delayMs - x.delayMs);
}
