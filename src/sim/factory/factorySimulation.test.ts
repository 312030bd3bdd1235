import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// Tests load the bundled configs exactly as the app does; the simulator itself only takes types.
// eslint-disable-next-line boundaries/dependencies
import { validateTwinConfig } from '../../config/loadTwinConfig';
import type { TwinConfig } from '../../config/schema';
import { inRect, zoneRect } from '../core/geometry';
import { createSiteSimulation } from '../createSiteSimulation';
import { predictedLineOutput } from '../plan/factoryPlan';
import type { SimOutput, SimState } from '../simOutput';
import { createFactorySimulation } from './factorySimulation';

const HOUR = 3600_000;
const START = Date.UTC(2025, 0, 6, 6, 0, 0);

function loadConfig(file: string): TwinConfig {
  const path = fileURLToPath(new URL(`../../../twin-configs/${file}`, import.meta.url));
  const result = validateTwinConfig(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.config;
}

function hashOutputs(hash: number, outputs: readonly SimOutput[]): number {
  let h = hash;
  for (const o of outputs) {
    const text = JSON.stringify(o);
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  }
  return h;
}

describe('factory simulation', () => {
  const config = loadConfig('factory.json');

  it('is deterministic in any step size', () => {
    const run = (step: number): number => {
      const sim = createSiteSimulation(config, { seed: 4, startTime: START });
      let hash = 0;
      for (let t = START + step; t < START + HOUR / 2; t += step)
        hash = hashOutputs(hash, sim.advanceTo(t));
      return hashOutputs(hash, sim.advanceTo(START + HOUR / 2));
    };
    expect(run(HOUR / 2)).toBe(run(777));
  });

  describe('an 8-hour shift', () => {
    const sim = createFactorySimulation(config, { seed: 4, startTime: START });
    const states: SimState[] = [];
    const events: { event: string; data?: Record<string, unknown> }[] = [];
    /** Each sewing machine's lowest reported efficiency, and when it first fell below 55 %. */
    const lowest = new Map<string, { efficiency: number; slowFrom?: number }>();
    let outputs = 0;

    beforeAll(() => {
      const started = performance.now();
      for (let t = START + 60_000; t <= START + 8 * HOUR; t += 60_000)
        for (const o of sim.advanceTo(t)) {
          outputs++;
          if (o.kind === 'state' && o.assetType !== 'sewingMachine') states.push(o);
          if (o.kind === 'state' && typeof o.fields.efficiency === 'number') {
            const seen = lowest.get(o.assetId) ?? { efficiency: Infinity };
            seen.efficiency = Math.min(seen.efficiency, o.fields.efficiency);
            if (o.fields.efficiency < 55) seen.slowFrom ??= o.t;
            lowest.set(o.assetId, seen);
          }
          if (o.kind === 'event') events.push(o);
        }
      console.log(
        `factory: 8 h simulated in ${(performance.now() - started).toFixed(0)} ms, ${(outputs / 8 / 3600).toFixed(0)} msg/s`,
      );
      // ~2 s alone; a busy 2-core machine running other test files beside it takes far longer.
    }, 60_000);

    it("sends every bundle through its line's operations in order", () => {
      let finished = 0;
      for (const line of sim.lines) {
        const ops = line.plan.operations.map((o) => o.id);
        for (const b of line.bundles) {
          expect(b.done, b.id).toEqual(ops.slice(b.enteredAt, b.enteredAt + b.done.length));
          if (b.enteredAt === 0 && b.done.length === ops.length) finished++;
        }
      }
      expect(finished).toBeGreaterThan(0);
    });

    it("makes within 20 % of what the plan's standard minutes and efficiencies predict", () => {
      for (const line of sim.lines) {
        const made = line.output.reduce((s, o) => s + o.pieces, 0);
        const predicted = predictedLineOutput(line.plan, 8, sim.plan.delivery.bundleSize);
        expect(made / predicted, line.id).toBeGreaterThan(0.8);
        expect(made / predicted, line.id).toBeLessThan(1.2);
      }
      expect(sim.pressing.pressed).toBeGreaterThan(500);
    });

    it('drives AGVs and robots in the aisles, never through a sewing line, and charges AGVs', () => {
      const lines = config.zones.filter((z) => z.kind === 'sewingLine').map(zoneRect);
      const moving = states.filter(
        (s) => (s.assetType === 'agv' || s.assetType === 'inspectionRobot') && s.position,
      );
      expect(moving.length).toBeGreaterThan(10_000);
      for (const s of moving) {
        const [x, , z] = s.position as [number, number, number];
        const inLine = lines.find((r) => inRect(r, x, z));
        if (inLine) throw new Error(`${s.assetId} at ${x}, ${z} drives through a sewing line`);
      }
      const statuses = new Set(
        states.filter((s) => s.assetType === 'agv').map((s) => s.fields.status),
      );
      expect(statuses).toContain('charging');
      for (const a of sim.agvs) expect(a.charge).toBeGreaterThan(0);
    });

    it('reports faults, their clearing and robot detections as events', () => {
      const count = (e: string): number => events.filter((x) => x.event === e).length;
      expect(count('fault')).toBeGreaterThan(5);
      expect(count('faultCleared')).toBeGreaterThanOrEqual(count('fault') - 10);
      expect(count('detection')).toBeGreaterThan(10);
      const pans = states.filter((s) => s.assetType === 'inspectionRobot').map((s) => s.fields.pan);
      for (const p of pans)
        if (p !== undefined) expect(Math.abs(Number(p))).toBeLessThanOrEqual(90);
    });

    it("puts a much slower stand-in at one line's bottleneck, after two hours", () => {
      const slow = [...lowest].filter(([, seen]) => seen.slowFrom !== undefined);
      expect(slow).toHaveLength(1);
      const [machineId, seen] = slow[0]!;
      expect(seen.slowFrom).toBeGreaterThan(START + 2 * HOUR);
      const line = sim.lines.find((l) => l.stations.some((st) => st.id === machineId));
      expect(line?.bottleneck()?.id).toBe(machineId);
      // Everyone else sews within the planned 70–110 % (and a bundle's own spread).
      for (const [id, other] of lowest)
        if (id !== machineId) expect(other.efficiency, id).toBeGreaterThan(60);
    });

    it('holds AGVs up in a blocked aisle on their way to a line', () => {
      const held = states.filter((s) => s.assetType === 'agv' && s.fields.status === 'blocked');
      expect(new Set(held.map((s) => s.assetId)).size).toBeGreaterThanOrEqual(1);
    });

    it('keeps the message rate reasonable', () => {
      expect(outputs / 8 / 3600).toBeGreaterThan(30);
      expect(outputs / 8 / 3600).toBeLessThan(250);
    });
  });

  it("reports each line's machines through that line's Sparkplug B gateway", () => {
    const sim = createSiteSimulation(config, { seed: 1, startTime: START });
    const l1 = sim.gateways.find((g) => g.id === 'gw-L1');
    expect(l1?.protocol).toBe('sparkplugb');
    expect(l1?.assets.every((a) => a.startsWith('sew-L1-'))).toBe(true);
    expect(sim.gateways.find((g) => g.id === 'gw-AGV01')?.protocol).toBe('json');
  });
});
