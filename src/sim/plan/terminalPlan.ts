import type { TwinConfig } from '../../config/schema';
import { deriveSeed, mulberry32, type Random } from '../../lib/random';
import { readTerminalSite, type BoxSite, type TerminalSite } from '../terminal/terminalSite';
import { vesselBayOf, parseStowage } from '../terminal/stowage';
import { groundSlotsOfBay, slotLabel, type SlotRef } from '../terminal/yardGeometry';
import { YardOccupancy } from '../terminal/yardOccupancy';

/**
 * A terminal plan: what a shift is asked to do, kept apart from how the simulator does it, so
 * the planner can preview other plans on the same site (issue "Preview").
 */
export interface TerminalPlan {
  kind: 'terminal';
  vesselCalls: VesselCall[];
  /** Which quay crane works which vessel bays, in order. */
  craneSplit: CraneWork[];
  trucks: TruckPlan;
  /** Boxes already on trucks when the shift starts, each to a yard slot. */
  yardDeliveries: YardDelivery[];
}

/** One ship's call: its berth, when work starts and the boxes to move. */
export interface VesselCall {
  vesselId: string;
  /** Berth zone id. */
  berth: string;
  /** Work starts this long after the simulation start, ms. */
  startOffsetMs: number;
  /** In order per vessel bay (top of each stack first). */
  discharge: DischargeJob[];
  load: LoadJob[];
}

/** Take a box off the ship to a yard slot. */
export interface DischargeJob {
  id: string;
  containerId: string;
  /** Yard slot label `<block>-<bay>-<row>-<tier>`. */
  targetSlot: string;
  /** Yard block (slot-label prefix) that receives it. */
  block: string;
}

/** Take a box from the yard aboard. */
export interface LoadJob {
  id: string;
  containerId: string;
  /** 40 ft vessel bay (even ISO bay number) it is stowed in; the tier is the lowest free one. */
  vesselBay: number;
  /** Yard block it is fetched from. */
  block: string;
}

export interface CraneWork {
  craneId: string;
  vesselId: string;
  /** 40 ft vessel bays in working order. */
  bays: number[];
}

export interface TruckPlan {
  /** Truck asset ids in service. */
  pool: string[];
  /** `pooled`: the nearest free truck takes the next job; `dedicated`: each crane its own gang. */
  policy: 'pooled' | 'dedicated';
  /** For `dedicated`: crane id → truck ids. */
  gangs?: Record<string, string[]>;
}

export interface YardDelivery {
  id: string;
  truckId: string;
  containerId: string;
  targetSlot: string;
}

/** Knobs of the default plan. */
export interface DefaultTerminalPlanOptions {
  /** Share of the stacks aboard discharged. */
  dischargeShare: number;
  /** Share of the freed stowage slots refilled from the yard. */
  loadShare: number;
  /** Boxes loaded from one yard stack at most (top down). */
  loadsPerStack: number;
  /** Trucks in the pool, the config's first; all of them when absent. */
  trucks?: number;
}

const DEFAULTS: DefaultTerminalPlanOptions = {
  dischargeShare: 0.58,
  loadShare: 0.92,
  loadsPerStack: 2,
};

/**
 * A realistic shift for the site as its config stands: every ship alongside works with the quay
 * cranes at its berth, each crane a contiguous run of bays; about half to two thirds of the boxes
 * aboard go to yard stacks spread over all blocks and about as many yard boxes go aboard into the
 * freed slots; all trucks in one pool. Stacks a crane fills or empties are its own, so the yard
 * stays valid whatever order trucks arrive in.
 */
export function defaultTerminalPlan(
  config: TwinConfig,
  seed: number,
  options: Partial<DefaultTerminalPlanOptions> = {},
): TerminalPlan {
  const opts = { ...DEFAULTS, ...options };
  const site = readTerminalSite(config);
  const random = mulberry32(deriveSeed(seed, 'terminal-plan'));
  const yard = YardOccupancy.fromLabels(yardLabels(site), (b) => site.blocks.get(b)?.tiers ?? 0);
  const planner = new YardPlanner(site, yard, random);
  // Boxes already on trucks go first: those trucks are on their way now.
  const yardDeliveries: YardDelivery[] = [];
  for (const truck of site.trucks) {
    const boxId = String(truck.fields.containerId ?? '');
    const box = site.boxes.get(boxId);
    if (!box || !truck.fields.laden) continue;
    const target = planner.target(`delivery-${truck.id}`, box.size);
    if (!target) continue;
    yard.put(boxId, target);
    yardDeliveries.push({
      id: `Y-${String(yardDeliveries.length + 1).padStart(3, '0')}`,
      truckId: truck.id,
      containerId: boxId,
      targetSlot: slotLabel(target.block, target.bay, target.row, target.tier),
    });
  }
  const calls: VesselCall[] = [];
  const split: CraneWork[] = [];
  const allCranes = site.quayCranes.slice();

  for (const vessel of site.vessels) {
    const aboard = [...site.boxes.values()].filter(
      (b) => b.fields.onboard === vessel.asset.id && b.fields.present === false,
    );
    if (aboard.length === 0) continue;
    const cranes = allCranes.filter((c) => c.asset.zone === vessel.berth);
    if (cranes.length === 0) continue;
    // Stacks aboard: bay-row-half, boxes top first.
    const stacks = new Map<string, BoxSite[]>();
    for (const box of aboard) {
      const s = parseStowage(String(box.fields.stowage));
      if (!s) continue;
      const key = `${s.bay}-${s.row}`;
      const list = stacks.get(key) ?? [];
      list.push(box);
      stacks.set(key, list);
    }
    const bayX = new Map<number, number>();
    for (const box of aboard) {
      const s = parseStowage(String(box.fields.stowage));
      if (s) bayX.set(vesselBayOf(s.bay), box.position[0]);
    }
    const along = (bay: number): number => {
      const c = cranes[0];
      const x = bayX.get(bay) ?? 0;
      return c ? x * c.gantryAxis[0] : x;
    };
    const bays = [...bayX.keys()].sort((a, b) => along(a) - along(b));
    const chosen = [...stacks.entries()]
      .sort(([a], [b]) => compareStacks(a, b))
      .filter(() => random() < opts.dischargeShare);
    const dischargeByBay = new Map<number, BoxSite[]>();
    for (const [key, boxes] of chosen) {
      const bay = vesselBayOf(Number(key.split('-')[0]));
      boxes.sort((a, b) => stowTier(b) - stowTier(a));
      dischargeByBay.set(bay, [...(dischargeByBay.get(bay) ?? []), ...boxes]);
    }
    // Contiguous runs of bays per crane, balanced by the number of moves.
    const moves = bays.map((b) => (dischargeByBay.get(b)?.length ?? 0) * (1 + opts.loadShare));
    const total = moves.reduce((s, m) => s + m, 0);
    const sortedCranes = cranes.slice().sort((a, b) => alongCrane(a) - alongCrane(b));
    let acc = 0;
    const craneBays = new Map<string, number[]>(sortedCranes.map((c) => [c.asset.id, []]));
    bays.forEach((bay, i) => {
      const idx = Math.min(
        sortedCranes.length - 1,
        Math.floor(((acc + (moves[i] ?? 0) / 2) / Math.max(1, total)) * sortedCranes.length),
      );
      acc += moves[i] ?? 0;
      craneBays.get(sortedCranes[idx]?.asset.id ?? '')?.push(bay);
    });

    const call: VesselCall = {
      vesselId: vessel.asset.id,
      berth: vessel.berth,
      startOffsetMs: 0,
      discharge: [],
      load: [],
    };
    for (const crane of sortedCranes) {
      const cBays = craneBays.get(crane.asset.id) ?? [];
      if (cBays.length === 0) continue;
      split.push({ craneId: crane.asset.id, vesselId: vessel.asset.id, bays: cBays });
      const who = crane.asset.id;
      for (const bay of cBays) {
        const freed = { 20: 0, 40: 0 };
        for (const box of dischargeByBay.get(bay) ?? []) {
          const target = planner.target(who, box.size);
          if (!target) continue;
          yard.put(box.asset.id, target);
          call.discharge.push({
            id: `D-${vessel.asset.id}-${String(call.discharge.length + 1).padStart(4, '0')}`,
            containerId: box.asset.id,
            targetSlot: slotLabel(target.block, target.bay, target.row, target.tier),
            block: target.block,
          });
          freed[box.size]++;
        }
        for (const size of [40, 20] as const) {
          const wanted = Math.floor(freed[size] * opts.loadShare);
          for (let i = 0; i < wanted; i++) {
            const pick = planner.load(who, size, opts.loadsPerStack);
            if (!pick) break;
            call.load.push({
              id: `L-${vessel.asset.id}-${String(call.load.length + 1).padStart(4, '0')}`,
              containerId: pick.id,
              vesselBay: bay,
              block: pick.slot.block,
            });
          }
        }
      }
    }
    calls.push(call);
  }

  return {
    kind: 'terminal',
    vesselCalls: calls,
    craneSplit: split,
    trucks: { pool: truckPool(site, yardDeliveries, opts.trucks), policy: 'pooled' },
    yardDeliveries,
  };
}

/**
 * The same jobs with fewer quay cranes and trucks: each ship's crane runs (contiguous bays, in
 * order along the quay) are joined into at most `cranesPerVessel` runs as evenly as their moves
 * allow, each worked by the first crane of its run; the pool keeps its first `trucks`. Whole runs
 * are joined, never split, so every yard stack still takes its boxes from one crane's sequence.
 */
export function withFewerCranes(
  plan: TerminalPlan,
  cranesPerVessel: number | Readonly<Record<string, number>>,
  trucks: number,
): TerminalPlan {
  const split: CraneWork[] = [];
  for (const call of plan.vesselCalls) {
    const runs = plan.craneSplit.filter((w) => w.vesselId === call.vesselId);
    const cranes =
      typeof cranesPerVessel === 'number'
        ? cranesPerVessel
        : (cranesPerVessel[call.vesselId] ?? runs.length);
    // Load moves per bay stand for the bay's work: loads refill the slots discharge freed.
    const movesPerBay = new Map<number, number>();
    const count = (bay: number) => movesPerBay.set(bay, (movesPerBay.get(bay) ?? 0) + 1);
    for (const job of call.load) count(job.vesselBay);
    const weights = runs.map(
      (w) => w.bays.reduce((sum, bay) => sum + (movesPerBay.get(bay) ?? 0), 0) + w.bays.length,
    );
    for (const group of joinRuns(weights, Math.max(1, cranes))) {
      const first = runs[group[0] as number] as CraneWork;
      split.push({
        craneId: first.craneId,
        vesselId: call.vesselId,
        bays: group.flatMap((i) => (runs[i] as CraneWork).bays),
      });
    }
  }
  return {
    ...plan,
    craneSplit: split,
    trucks: {
      ...plan.trucks,
      pool: plan.trucks.pool.slice(0, Math.max(trucks, plan.yardDeliveries.length)),
    },
  };
}

/**
 * The same plan with a pool of `size` trucks: its own pool first, then the site's other trucks
 * in config order; never fewer than the trucks already carrying a box to the yard.
 */
export function withTruckPool(plan: TerminalPlan, config: TwinConfig, size: number): TerminalPlan {
  const inPool = new Set(plan.trucks.pool);
  const others = readTerminalSite(config)
    .trucks.map((t) => t.id)
    .filter((id) => !inPool.has(id));
  const laden = new Set(plan.yardDeliveries.map((d) => d.truckId));
  const pool = [...plan.trucks.pool, ...others].slice(0, Math.max(size, laden.size, 1));
  for (const id of laden) if (!pool.includes(id)) pool.push(id);
  return { ...plan, trucks: { ...plan.trucks, pool } };
}

/** Consecutive runs grouped into at most `k` groups, keeping the heaviest group light. */
function joinRuns(weights: number[], k: number): number[][] {
  const n = weights.length;
  if (n <= k) return weights.map((_, i) => [i]);
  const total = weights.reduce((a, b) => a + b, 0);
  let best: number[][] = [weights.map((_, i) => i)];
  let bestMax = total;
  // Few runs per ship: try every way to cut n runs into k consecutive groups.
  const cut = (from: number, groupsLeft: number, acc: number[][]): void => {
    if (groupsLeft === 1) {
      const groups = [...acc, range(from, n)];
      const max = Math.max(...groups.map((g) => g.reduce((s, i) => s + (weights[i] ?? 0), 0)));
      if (max < bestMax) {
        bestMax = max;
        best = groups;
      }
      return;
    }
    for (let end = from + 1; end <= n - groupsLeft + 1; end++)
      cut(end, groupsLeft - 1, [...acc, range(from, end)]);
  };
  cut(0, k, []);
  return best;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** The first `size` trucks of the config, those already carrying a box to the yard first. */
function truckPool(site: TerminalSite, deliveries: YardDelivery[], size?: number): string[] {
  const laden = new Set(deliveries.map((d) => d.truckId));
  const ids = site.trucks.map((t) => t.id);
  const ordered = [...ids.filter((t) => laden.has(t)), ...ids.filter((t) => !laden.has(t))];
  return size === undefined ? ids : ordered.slice(0, Math.max(size, laden.size));
}

function alongCrane(c: { origin: [number, number]; gantryAxis: [number, number] }): number {
  return c.origin[0] * c.gantryAxis[0] + c.origin[1] * c.gantryAxis[1];
}

function stowTier(box: BoxSite): number {
  return parseStowage(String(box.fields.stowage))?.tier ?? 0;
}

function compareStacks(a: string, b: string): number {
  const [ab, ar] = a.split('-').map(Number) as [number, number];
  const [bb, br] = b.split('-').map(Number) as [number, number];
  return ab - bb || ar - br;
}

/** Yard boxes by slot label, as the config lists them. */
export function yardLabels(site: TerminalSite): [string, string][] {
  const out: [string, string][] = [];
  for (const box of site.boxes.values()) {
    const slot = String(box.fields.slot ?? '');
    if (slot !== '') out.push([box.asset.id, slot]);
  }
  return out;
}

/** The pair of ground slots and the row a stack stands on: 20 ft and 40 ft stacks share it. */
function pairOf(s: { block: string; bay: number; row: number }): string {
  const g = groundSlotsOfBay(s.bay)[0] ?? 1;
  return `${s.block}/${g % 2 === 1 ? g : g - 1}/${s.row}`;
}

/**
 * Chooses yard slots for a plan. Each ground pair and row (one 40 ft stack or two 20 ft stacks) belongs to one crane (or one truck's delivery) and
 * either receives boxes or gives them, so the order boxes arrive in follows that crane's order
 * of moves and the yard stays valid whatever order trucks reach the RTGs in.
 */
class YardPlanner {
  private readonly owner = new Map<string, string>();
  private readonly gives = new Map<string, number>();
  private readonly allStacks: Record<20 | 40, { block: string; bay: number; row: number }[]> = {
    20: [],
    40: [],
  };

  constructor(
    private readonly site: TerminalSite,
    readonly yard: YardOccupancy,
    private readonly random: Random,
  ) {
    for (const block of site.blocks.values())
      for (let pair = 1; pair + 1 <= block.groundSlots; pair += 2)
        for (let row = 1; row <= block.rows; row++) {
          this.allStacks[40].push({ block: block.label, bay: 2 * pair, row });
          for (const bay of [2 * pair - 1, 2 * pair + 1])
            this.allStacks[20].push({ block: block.label, bay, row });
        }
  }

  /** Stacks of one size in random order: random tries first, then every stack from a random start. */
  private *stacks(size: 20 | 40): Generator<{ block: string; bay: number; row: number }> {
    const all = this.allStacks[size];
    if (all.length === 0) return;
    for (let i = 0; i < 40; i++)
      yield all[Math.floor(this.random() * all.length)] as (typeof all)[0];
    const offset = Math.floor(this.random() * all.length);
    for (let i = 0; i < all.length; i++) yield all[(offset + i) % all.length] as (typeof all)[0];
  }

  /** A free slot on top of a stack that `who` fills, for a box of `size`. */
  target(who: string, size: 20 | 40): SlotRef | undefined {
    for (const s of this.stacks(size)) {
      const stack = pairOf(s);
      const owner = this.owner.get(stack);
      if ((owner !== undefined && owner !== who) || this.gives.has(stack)) continue;
      const slot = { ...s, tier: this.yard.height(s.block, s.bay, s.row) + 1 };
      if (this.yard.whyNot(slot) !== undefined) continue;
      this.owner.set(stack, who);
      return slot;
    }
    return undefined;
  }

  /** The top box of `size` of a stack that `who` empties, at most `perStack` from one stack. */
  load(who: string, size: 20 | 40, perStack: number): { id: string; slot: SlotRef } | undefined {
    for (const s of this.stacks(size)) {
      const stack = pairOf(s);
      const owner = this.owner.get(stack);
      const given = this.gives.get(stack) ?? 0;
      if ((owner !== undefined && (owner !== who || given === 0)) || given >= perStack) continue;
      const height = this.yard.height(s.block, s.bay, s.row);
      if (height === 0) continue;
      const slot = { ...s, tier: height };
      const id = this.yard.occupant(slot);
      if (id === undefined || this.site.boxes.get(id)?.size !== size) continue;
      this.owner.set(stack, who);
      this.gives.set(stack, given + 1);
      this.yard.remove(id);
      return { id, slot };
    }
    return undefined;
  }
}
