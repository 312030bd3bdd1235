import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// Tests load the bundled configs and plan files exactly as the app does.
// eslint-disable-next-line boundaries/dependencies
import { validateTwinConfig } from '../../config/loadTwinConfig';
// eslint-disable-next-line boundaries/dependencies
import { parsePlanDocument, type PlanDocument } from '../../config/plan';
import type { FieldValue, TwinConfig } from '../../config/schema';
import { createSiteSimulation } from '../createSiteSimulation';
import { createFactorySimulation } from '../factory/factorySimulation';
import type { SimOutput } from '../simOutput';
import type { FactoryPlan } from './factoryPlan';
import { predictedLineRate } from './factoryPlan';
import type { TerminalPlan } from './terminalPlan';

const HOUR = 3600_000;
const START = Date.UTC(2025, 0, 6, 0, 0, 0);
const DIR = new URL('../../../twin-configs/', import.meta.url);

function load(file: string): TwinConfig {
  const result = validateTwinConfig(
    JSON.parse(readFileSync(fileURLToPath(new URL(file, DIR)), 'utf8')),
  );
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.config;
}

function plansOf(config: TwinConfig): PlanDocument[] {
  return config.plans.map((ref) => {
    const result = parsePlanDocument(readFileSync(fileURLToPath(new URL(ref.url, DIR)), 'utf8'));
    if (!result.ok) throw new Error(`${ref.url}: ${JSON.stringify(result.issues.slice(0, 3))}`);
    return result.plan;
  });
}

/** A 32-bit rolling hash of the outputs: compares long runs without keeping them. */
function hashOutputs(hash: number, outputs: readonly SimOutput[]): number {
  let h = hash;
  for (const o of outputs) {
    const text = JSON.stringify(o);
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  }
  return h;
}

/** Runs a plan until its work is done (or `maxHours`); the last fields of every asset heard. */
function runToEnd(config: TwinConfig, doc: PlanDocument, maxHours: number) {
  const sim = createSiteSimulation(config, { seed: doc.seed, startTime: START, plan: doc.plan });
  const fields = new Map<string, Record<string, FieldValue>>();
  let hash = 0;
  let t = START;
  const busy = () =>
    'quayCranes' in sim
      ? (sim as unknown as { quayCranes: { next: number; moves: unknown[] }[] }).quayCranes.some(
          (c) => c.next < c.moves.length,
        )
      : true;
  while (t < START + maxHours * HOUR && (t < START + HOUR || busy())) {
    t += 60_000;
    const outputs = sim.advanceTo(t);
    hash = hashOutputs(hash, outputs);
    for (const o of outputs)
      if (o.kind === 'state') fields.set(o.assetId, { ...fields.get(o.assetId), ...o.fields });
  }
  return { fields, hash, hours: (t - START) / HOUR };
}

describe('the bundled terminal plans', () => {
  const config = load('terminal.json');
  const plans = plansOf(config);
  const byId = new Map(plans.map((p) => [p.id, p]));
  let lean: ReturnType<typeof runToEnd>;
  let full: ReturnType<typeof runToEnd>;

  beforeAll(() => {
    lean = runToEnd(config, byId.get('lean')!, 24);
    full = runToEnd(config, byId.get('full')!, 24);
  }, 120_000);

  it('are two plans of the site for the same ship work (and the day shift’s own plan)', () => {
    expect(plans.map((p) => p.id)).toEqual(['lean', 'full', 'day']);
    const jobs = (p: PlanDocument) =>
      (p.plan as TerminalPlan).vesselCalls.map((c) => [
        c.vesselId,
        c.discharge.map((j) => j.containerId).join(),
        c.load.map((j) => j.containerId).join(),
      ]);
    expect(jobs(byId.get('day')!)).toEqual(jobs(byId.get('full')!));
    expect(jobs(byId.get('lean')!)).toEqual(jobs(byId.get('full')!));
    const cranes = (p: PlanDocument) =>
      new Set((p.plan as TerminalPlan).craneSplit.map((w) => w.craneId)).size;
    expect([cranes(byId.get('lean')!), cranes(byId.get('full')!)]).toEqual([4, 6]);
  });

  it('run the same way every time: same plan and seed, same outputs', () => {
    const again = runToEnd(config, byId.get('lean')!, 24);
    expect(again.hash).toBe(lean.hash);
    expect(again.hours).toBe(lean.hours);
  });

  it('end with every container job in its target slot or aboard', () => {
    for (const [run, doc] of [
      [lean, byId.get('lean')!],
      [full, byId.get('full')!],
    ] as const) {
      for (const call of (doc.plan as TerminalPlan).vesselCalls) {
        for (const job of call.discharge)
          expect(run.fields.get(job.containerId)?.slot, job.id).toBe(job.targetSlot);
        for (const job of call.load)
          expect(run.fields.get(job.containerId)?.onboard, job.id).toBe(call.vesselId);
      }
    }
  });

  it('finish the ships sooner with more cranes and trucks, at plausible crane rates', () => {
    expect(full.hours).toBeLessThan(lean.hours);
    const moves = (byId.get('full')!.plan as TerminalPlan).vesselCalls.reduce(
      (s, c) => s + c.discharge.length + c.load.length,
      0,
    );
    // Gross rate of the whole quay over the run: 25–35 moves an hour per working crane at best.
    expect(moves / full.hours).toBeLessThanOrEqual(6 * 35);
    expect(moves / lean.hours).toBeLessThanOrEqual(4 * 35);
    expect(moves / full.hours).toBeGreaterThan(moves / lean.hours);
  });
});

describe('the bundled factory plans', () => {
  const config = load('factory.json');
  const plans = plansOf(config);
  const byId = new Map(plans.map((p) => [p.id, p]));

  it('are the same orders with the crew rebalanced, and the balance raises every line rate', () => {
    const asSet = byId.get('as-set')!.plan as FactoryPlan;
    const balanced = byId.get('balanced')!.plan as FactoryPlan;
    expect(balanced.orders).toEqual(asSet.orders);
    asSet.lines.forEach((line, i) => {
      const other = balanced.lines[i]!;
      expect(other.stations.map((s) => s.machineId)).toEqual(line.stations.map((s) => s.machineId));
      expect(other.stations.map((s) => s.efficiency).sort()).toEqual(
        line.stations.map((s) => s.efficiency).sort(),
      );
      expect(predictedLineRate(other)).toBeGreaterThanOrEqual(predictedLineRate(line));
    });
  });

  it('make more in a shift when balanced, the same way every time', () => {
    const shift = (doc: PlanDocument) => {
      const sim = createFactorySimulation(config, {
        seed: doc.seed,
        startTime: START,
        plan: doc.plan as FactoryPlan,
      });
      let hash = 0;
      for (let t = START + 60_000; t <= START + 8 * HOUR; t += 60_000)
        hash = hashOutputs(hash, sim.advanceTo(t));
      const pieces = sim.lines.reduce(
        (sum, line) => sum + line.output.reduce((s, o) => s + o.pieces, 0),
        0,
      );
      return { hash, pieces };
    };
    const asSet = shift(byId.get('as-set')!);
    const balanced = shift(byId.get('balanced')!);
    expect(shift(byId.get('balanced')!)).toEqual(balanced);
    expect(balanced.pieces).toBeGreaterThan(asSet.pieces * 1.1);
  }, 120_000);
});
