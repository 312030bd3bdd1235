import { describe, expect, it } from 'vitest';
import { bundledPlan } from '../preview/bundledPlanForTests';
import type { PlanDocument } from '../../config/plan';
import { createWorkTracker } from '../../diagnostics/plan/workTracker';
import { createSiteSimulation } from '../../sim/createSiteSimulation';
import { runPlanned } from './plannedRun';
import { deviationAt, jobDelays } from './planVsActual';

const bundled = bundledPlan;

const start = Date.UTC(2025, 0, 6);
const HOURS = 2;
const span = { start, end: start + HOURS * 3600_000 };

/** The shift as it happened: the same plan with the simulator's seeded breakdowns and hold-ups. */
function actualLog(config: ReturnType<typeof bundled>['config'], document: PlanDocument) {
  const run = runPlanned(config, document, span);
  const tracker = createWorkTracker(run.work);
  const sim = createSiteSimulation(config, {
    seed: document.seed,
    startTime: start,
    plan: document.plan,
  });
  for (let t = start + 1000; t <= span.end; t += 1000)
    for (const out of sim.advanceTo(t))
      if (out.kind === 'state') tracker.observe(out.assetId, out.fields, out.t);
  return { run, actual: tracker.log };
}

describe('runPlanned (plan vs actual)', () => {
  it('runs the terminal day plan: every job counted to a crane of the split, at crane rates, the same twice', () => {
    const { config, document } = bundled('terminal', 'day');
    const run = runPlanned(config, document, span);
    const plan = document.plan;
    if (plan.kind !== 'terminal') throw new Error('terminal plan expected');
    const jobs = plan.vesselCalls.reduce((n, c) => n + c.discharge.length + c.load.length, 0);
    expect(run.work.jobs).toHaveLength(jobs);
    const cranes = new Set(plan.craneSplit.map((w) => w.craneId));
    expect(new Set(run.work.jobs.map((j) => j.by))).toEqual(cranes);
    // 6 cranes at 25–34 gross moves an hour, less the first cycles and the trucks' first runs.
    const done = Object.keys(run.planned.jobs).length;
    expect(done).toBeGreaterThan(cranes.size * HOURS * 18);
    expect(done).toBeLessThan(cranes.size * HOURS * 35);
    // Trucks and cranes move in it; boxes have no ghosts; every track runs forward in time.
    const moving = run.tracks.map((t) => t.assetId);
    expect(moving.some((id) => id.startsWith('T'))).toBe(true);
    expect(moving.some((id) => id.startsWith('QC'))).toBe(true);
    expect(moving.filter((id) => run.work.jobs.some((j) => j.assetId === id))).toEqual([]);
    for (const track of run.tracks) {
      expect(track.pose.length).toBe(track.t.length * 4);
      for (let i = 1; i < track.t.length; i++)
        expect(track.t[i]).toBeGreaterThanOrEqual(track.t[i - 1] as number);
    }
    expect(runPlanned(config, document, span).planned).toEqual(run.planned);
  });

  it('finds the seeded shift behind its plan, and its late jobs', () => {
    const { config, document } = bundled('terminal', 'day');
    const { run, actual } = actualLog(config, document);
    const shift = { run, actual, readTo: span.end };
    const end = deviationAt(shift, span.end);
    expect(end.done).toBeLessThan(end.plannedDone);
    expect(end.behindMs).toBeGreaterThan(0);
    const delays = jobDelays(shift);
    expect(delays[0]?.delayMs).toBeGreaterThan(5 * 60_000);
    // The plan run as planned against itself: level all the way.
    const self = { run, actual: run.planned, readTo: span.end };
    for (let t = start; t <= span.end; t += 10 * 60_000)
      expect(deviationAt(self, t).behindMs).toBe(0);
  });

  it('counts a factory plan in pieces off each line', () => {
    const { config, document } = bundled('factory', 'as-set');
    const run = runPlanned(config, document, { start, end: start + 3600_000 });
    const plan = document.plan;
    if (plan.kind !== 'factory') throw new Error('factory plan expected');
    expect(Object.keys(run.work.totals).sort()).toEqual(plan.lines.map((l) => l.lineId).sort());
    expect(run.work.counters.length).toBeGreaterThanOrEqual(plan.lines.length);
    const pieces = Object.values(run.planned.units).reduce((n, u) => n + u.length, 0);
    expect(pieces).toBeGreaterThan(0);
  });
});
