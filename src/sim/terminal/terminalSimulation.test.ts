import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// Tests load the bundled configs exactly as the app does; the simulator itself only takes types.
// eslint-disable-next-line boundaries/dependencies
import { validateTwinConfig } from '../../config/loadTwinConfig';
import type { FieldValue, TwinConfig } from '../../config/schema';
import { mulberry32 } from '../../lib/random';
import { inRect } from '../core/geometry';
import { LINK_PERIOD_MS } from '../core/linkSimulator';
import { allFields } from '../core/siteGateways';
import { createSiteSimulation } from '../createSiteSimulation';
import { defaultTerminalPlan } from '../plan/terminalPlan';
import type { SimOutput, SimState } from '../simOutput';
import { createTerminalSimulation } from './terminalSimulation';
import { groundSlotsOfBay, parseSlot } from './yardGeometry';

const HOUR = 3600_000;
const START = Date.UTC(2025, 0, 6, 0, 0, 0);

function loadConfig(file: string): TwinConfig {
  const path = fileURLToPath(new URL(`../../../twin-configs/${file}`, import.meta.url));
  const result = validateTwinConfig(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.config;
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

/** What a consumer of the outputs knows about each asset: the config, then every state applied. */
class ReplayedState {
  readonly fields = new Map<string, Record<string, FieldValue>>();
  readonly positions = new Map<string, [number, number, number]>();

  constructor(config: TwinConfig) {
    for (const a of config.assets) {
      this.fields.set(a.id, allFields(config, a));
      if (a.pose) this.positions.set(a.id, [...a.pose.position]);
    }
  }

  apply(s: SimState): void {
    Object.assign(this.fields.get(s.assetId) ?? {}, s.fields);
    if (s.position) this.positions.set(s.assetId, [...s.position]);
  }
}

describe('terminal simulation', () => {
  const config = loadConfig('terminal.json');

  it('is deterministic: same seed and start give the same outputs, in any step size', () => {
    const run = (steps: (t: number) => number): { hash: number; n: number } => {
      const sim = createSiteSimulation(config, { seed: 11, startTime: START });
      let hash = 0;
      let n = 0;
      let now = START;
      while (now < START + HOUR / 2) {
        const t = Math.min(START + HOUR / 2, steps(now));
        const out = sim.advanceTo(t);
        let prev = now;
        for (const o of out) {
          if (!(o.t > now && o.t <= t && o.t >= prev))
            throw new Error(`output at ${o.t} out of order in (${now}, ${t}]`);
          prev = o.t;
        }
        hash = hashOutputs(hash, out);
        n += out.length;
        now = t;
        expect(sim.now).toBe(t);
      }
      return { hash, n };
    };
    const steps = mulberry32(5);
    const fine = run((now) => now + 1 + Math.floor(steps() * 3000));
    const coarse = run((now) => now + 10 * 60_000);
    const once = run(() => START + HOUR / 2);
    expect(fine.n).toBeGreaterThan(50_000);
    expect(coarse).toEqual(fine);
    expect(once).toEqual(fine);
    const otherSeed = createSiteSimulation(config, { seed: 12, startTime: START });
    expect(hashOutputs(0, otherSeed.advanceTo(START + HOUR / 2))).not.toBe(fine.hash);
  });

  describe('a full plan, worked to the end', () => {
    const plan = defaultTerminalPlan(config, 3);
    const sim = createTerminalSimulation(config, { seed: 3, startTime: START, plan });
    const state = new ReplayedState(config);
    const truckPositions: [number, number][] = [];
    const firstSample = new Map<string, SimState>();
    const links = new Map<string, number>();
    const events: string[] = [];
    let shiftOutputs = 0;
    let shiftMs = 0;

    beforeAll(() => {
      const started = performance.now();
      let done = false;
      for (let t = START + 60_000; t <= START + 14 * HOUR && !done; t += 60_000) {
        for (const o of sim.advanceTo(t)) {
          if (o.kind === 'state') {
            state.apply(o);
            if (!firstSample.has(o.assetId)) firstSample.set(o.assetId, o);
            if (o.assetType === 'truck' && o.position)
              truckPositions.push([o.position[0], o.position[2]]);
          } else if (o.kind === 'link') links.set(o.gateway, (links.get(o.gateway) ?? 0) + 1);
          else events.push(o.event);
          if (t <= START + 8 * HOUR) shiftOutputs++;
        }
        if (t === START + 8 * HOUR) shiftMs = performance.now() - started;
        done = sim.quayCranes.every((c) => c.next >= c.moves.length) && sim.now > START + 8 * HOUR;
      }
      console.log(
        `terminal: 8 h simulated in ${shiftMs.toFixed(0)} ms, ${(shiftOutputs / 8 / 3600).toFixed(0)} msg/s; plan done at ${((sim.now - START) / HOUR).toFixed(1)} h`,
      );
      // A few seconds alone; far longer on a busy 2-core machine running other files beside it.
    }, 60_000);

    it('works every job of the plan', () => {
      for (const c of sim.quayCranes) expect(c.next, c.id).toBe(c.moves.length);
      const moves = plan.vesselCalls.reduce((s, c) => s + c.discharge.length + c.load.length, 0);
      expect(moves).toBeGreaterThan(1000);
    });

    it('puts every discharged box in its planned slot and every loaded box aboard, hidden', () => {
      for (const call of plan.vesselCalls) {
        for (const job of call.discharge) {
          const f = state.fields.get(job.containerId);
          expect(f?.slot, job.id).toBe(job.targetSlot);
          expect(f?.present).toBe(true);
          expect(f?.onboard).toBe('');
          expect(f?.truck).toBe('');
        }
        for (const job of call.load) {
          const f = state.fields.get(job.containerId);
          expect(f?.present, job.id).toBe(false);
          expect(f?.onboard).toBe(call.vesselId);
          expect(f?.slot).toBe('');
          expect(String(f?.stowage)).toMatch(/^\d\d-\d\d-\d\d$/);
        }
      }
      for (const d of plan.yardDeliveries)
        expect(state.fields.get(d.containerId)?.slot, d.id).toBe(d.targetSlot);
    });

    it('leaves a physically valid yard: one box per slot, none floating, boxes where their slots are', () => {
      const cells = new Set<string>();
      const slots: [string, ReturnType<typeof parseSlot>][] = [];
      for (const [id, f] of state.fields) {
        const slot = parseSlot(String(f.slot ?? ''));
        if (!slot) continue;
        slots.push([id, slot]);
        if (slot.bay % 2 === 0) expect(slot.bay % 4, id).toBe(2);
        for (const g of groundSlotsOfBay(slot.bay)) {
          const key = `${slot.block}/${g}/${slot.row}/${slot.tier}`;
          expect(cells.has(key), `two boxes in ${key}`).toBe(false);
          cells.add(key);
        }
        const block = sim.site.blocks.get(slot.block);
        const expected = block?.slotPosition(slot.bay, slot.row, slot.tier);
        const p = state.positions.get(id);
        expect(p?.[0]).toBeCloseTo(expected?.[0] ?? NaN, 2);
        expect(p?.[1]).toBeCloseTo(expected?.[1] ?? NaN, 2);
        expect(p?.[2]).toBeCloseTo(expected?.[2] ?? NaN, 2);
      }
      for (const key of cells) {
        const [b, g, r, t] = key.split('/');
        if (Number(t) > 1)
          expect(cells.has(`${b}/${g}/${r}/${Number(t) - 1}`), `${key} floats`).toBe(true);
      }
      expect(slots.length).toBeGreaterThan(5000);
    });

    it('works each quay crane at 25–35 gross moves an hour', () => {
      for (const c of sim.quayCranes) {
        const hours = ((c.finishedAt ?? sim.now) - (c.startedAt ?? START)) / HOUR;
        const moves = Number(state.fields.get(c.id)?.moves);
        expect(moves).toBe(c.moves.length);
        expect(moves / hours, c.id).toBeGreaterThanOrEqual(25);
        expect(moves / hours, c.id).toBeLessThanOrEqual(35);
      }
    });

    it('keeps trucks on roads and lanes', () => {
      expect(truckPositions.length).toBeGreaterThan(100_000);
      const off = truckPositions.filter(
        ([x, z]) => !sim.site.drivable.some((r) => inRect(r, x, z, 1)),
      );
      expect(off.slice(0, 5)).toEqual([]);
    });

    it('sends every field of an asset in its first sample, and a link report every 5 s per gateway', () => {
      for (const id of ['QC01', 'RTG-A1', 'T001', 'V1']) {
        const type = config.assets.find((a) => a.id === id)?.type ?? '';
        const declared = Object.keys(config.assetTypes[type]?.fields ?? {});
        expect(Object.keys(firstSample.get(id)?.fields ?? {}), id).toEqual(
          expect.arrayContaining(declared),
        );
      }
      const hours = (sim.now - START) / HOUR;
      for (const g of sim.gateways) {
        expect(links.get(g.id), g.id).toBeGreaterThanOrEqual(
          Math.floor((hours * HOUR) / LINK_PERIOD_MS) - 1,
        );
      }
      expect(events).toContain('linkDegraded');
      expect(events).not.toContain('slotChanged');
    });

    it('keeps the message rate reasonable', () => {
      const perSecond = shiftOutputs / 8 / 3600;
      expect(perSecond).toBeGreaterThan(30);
      expect(perSecond).toBeLessThan(250);
    });
  });

  it("names each asset's gateway from the config, with the protocols of the gateway assets", () => {
    const sim = createSiteSimulation(config, { seed: 1, startTime: START });
    const byId = new Map(sim.gateways.map((g) => [g.id, g]));
    expect(byId.get('gw-QC01')).toMatchObject({ protocol: 'sparkplugb', assets: ['QC01'] });
    expect(byId.get('gw-T001')).toMatchObject({ protocol: 'json', assets: ['T001'] });
    expect(byId.get('gw-tos')?.assets.length).toBeGreaterThan(6000);
    for (const o of sim.advanceTo(START + 60_000))
      if (o.kind !== 'link')
        expect(byId.get(o.gateway)?.assets ?? [o.gateway], o.assetId).toContain(o.assetId);
  });
});
