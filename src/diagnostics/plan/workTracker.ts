import type { FieldValue } from '../../config/schema';
import { isSet } from '../fieldTests';

/**
 * One unit of a plan's work and how telemetry shows it done: a box landing in the yard (its
 * `slot` set) or going aboard (`onboard` naming the ship). The same test reads the simulator's
 * planned run and a recorded shift, so plan and reality are measured alike.
 */
export interface PlanJob {
  id: string;
  /** The asset whose report shows it done (the box). */
  assetId: string;
  field: string;
  /** Done when `field` equals this; absent: when it is set (non-empty, non-zero, true). */
  equals?: FieldValue;
  /** The asset that does the work (the quay crane), whose deviation the job counts to. */
  by: string;
}

/** Work counted off a counter: each increase of `field` is that many units (pieces off a line). */
export interface PlanCounter {
  assetId: string;
  field: string;
  /** The line (or asset) whose deviation the units count to. */
  by: string;
}

/** What a plan asks for, as telemetry can see it done. */
export interface PlanWork {
  jobs: PlanJob[];
  counters: PlanCounter[];
  /** Units planned per `by` (jobs, or pieces ordered), for "x of y". */
  totals: Record<string, number>;
}

/** When each unit was seen done: per `by`, times in order; per job, its time. */
export interface WorkLog {
  units: Record<string, number[]>;
  jobs: Record<string, number>;
}

export interface WorkTracker {
  /** One report of an asset (only the fields it carries), at its time. */
  observe(assetId: string, fields: Readonly<Record<string, FieldValue>>, t: number): void;
  readonly log: WorkLog;
  /** Units done so far by `by`, or by everyone. */
  done(by?: string): number;
}

/**
 * Watches reports for a plan's work: a job is done the first time its asset reports the field
 * as the job wants it; a counter's first report is its baseline, each later rise adds units.
 */
export function createWorkTracker(work: PlanWork): WorkTracker {
  const jobsByAsset = new Map<string, PlanJob[]>();
  for (const job of work.jobs) {
    const list = jobsByAsset.get(job.assetId);
    if (list) list.push(job);
    else jobsByAsset.set(job.assetId, [job]);
  }
  const countersByAsset = new Map<string, PlanCounter[]>();
  for (const counter of work.counters) {
    const list = countersByAsset.get(counter.assetId);
    if (list) list.push(counter);
    else countersByAsset.set(counter.assetId, [counter]);
  }
  const baseline = new Map<PlanCounter, number>();
  const log: WorkLog = { units: {}, jobs: {} };
  let total = 0;
  const add = (by: string, t: number) => {
    (log.units[by] ??= []).push(t);
    total++;
  };
  return {
    log,
    done: (by) => (by === undefined ? total : (log.units[by]?.length ?? 0)),
    observe(assetId, fields, t) {
      const jobs = jobsByAsset.get(assetId);
      if (jobs)
        for (const job of jobs) {
          if (job.id in log.jobs || !(job.field in fields)) continue;
          const value = fields[job.field];
          if (job.equals === undefined ? isSet(value) : value === job.equals) {
            log.jobs[job.id] = t;
            add(job.by, t);
          }
        }
      const counters = countersByAsset.get(assetId);
      if (counters)
        for (const counter of counters) {
          const value = fields[counter.field];
          if (typeof value !== 'number') continue;
          const before = baseline.get(counter);
          baseline.set(counter, value);
          if (before === undefined || value <= before) continue;
          // A counter is never expected to jump by thousands; cap it so a reset cannot flood.
          for (let i = 0; i < Math.min(value - before, 10_000); i++) add(counter.by, t);
        }
    },
  };
}
