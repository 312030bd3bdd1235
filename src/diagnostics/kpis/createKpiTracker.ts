import type { KpiId } from '../../config/kpis';
import type { TwinConfig } from '../../config/schema';
import type { AssetState } from '../../twin/assetState';

/**
 * KPIs of a shift so far, from asset state watched over time (docs/kpis.md). Like the rule
 * engine it runs on any clock: live a few times a second, over a recording once a second of its
 * time. It reads the categories and fields the bundled simulators and docs/simulation.md
 * describe — a site of its own gets the KPIs its assets carry the fields for.
 */

/** The categories a KPI looks at, and the status values that count as busy. */
const WORKING = new Set(['working']);
const AGV_BUSY = new Set(['moving', 'loading', 'unloading']);
const TRUCK_IDLE = new Set(['waiting', 'fault']);

/** Time in each status, from when the asset was first heard. */
interface Track {
  asset: AssetState;
  category: string;
  status: string;
  since: number;
  /** ms per status value. */
  spent: Map<string, number>;
  /** When first heard (0: not yet). */
  heardAt: number;
  /** ms with work assigned (a quay crane with a vessel, not idle), up to `checkedAt`. */
  assignedMs: number;
  assigned: boolean;
  checkedAt: number;
  /** Counter values when first heard: what the shift has done is the rise since. */
  counters: Map<string, number>;
  /** Trucks: the cycle under way (left `waiting` at), and its waits so far. */
  cycleStart: number | null;
  cycleQueuedMs: number;
  cycleYardMs: number;
}

const COUNTERS = ['moves', 'pieces', 'energyKwh'];
/** Rates (moves and pieces an hour) are given once this much of the shift has been watched. */
const WARM_UP_MS = 10 * 60_000;

export interface KpiTracker {
  /** Looks at the assets at `now` (call at least once a second). */
  update(now: number): void;
  /** The KPIs that apply to this site, so far this shift, at `now`. */
  values(now: number): Partial<Record<KpiId, number>>;
  /** The busiest sewing station so far (the bottleneck), by asset id. */
  bottleneck(now: number): string | null;
}

export function createKpiTracker(config: TwinConfig, assets: readonly AssetState[]): KpiTracker {
  const categoryOf = (a: AssetState) => config.assetTypes[a.type]?.category ?? '';
  const tracked = new Set(['quayCrane', 'yardCrane', 'truck', 'sewingMachine', 'agv']);
  const tracks: Track[] = assets
    .filter((a) => tracked.has(categoryOf(a)))
    .map((asset) => ({
      asset,
      category: categoryOf(asset),
      status: '',
      since: 0,
      spent: new Map(),
      heardAt: 0,
      assignedMs: 0,
      assigned: false,
      checkedAt: 0,
      counters: new Map(),
      cycleStart: null,
      cycleQueuedMs: 0,
      cycleYardMs: 0,
    }));
  /** Completed truck cycles: duration and waits, ms. */
  const cycles = { count: 0, totalMs: 0, queuedMs: 0, yardMs: 0 };
  /** Per sewing line, its last step (the machines whose pieces are the line's output). */
  const lastStep = new Map<string, number>();
  for (const t of tracks) {
    if (t.category !== 'sewingMachine') continue;
    const line = String(t.asset.fields.line ?? '');
    const step = Number(t.asset.fields.step ?? 0);
    lastStep.set(line, Math.max(lastStep.get(line) ?? -Infinity, step));
  }
  let startedAt: number | null = null;

  const add = (t: Track, status: string, ms: number) =>
    t.spent.set(status, (t.spent.get(status) ?? 0) + ms);
  /** Time in each status including the one under way at `now`. */
  const spentAt = (t: Track, status: string, now: number) =>
    (t.spent.get(status) ?? 0) + (t.status === status && t.since > 0 ? now - t.since : 0);
  const totalAt = (t: Track, now: number) => (t.heardAt > 0 ? now - t.heardAt : 0);
  const assignedAt = (t: Track, now: number) => t.assignedMs + (t.assigned ? now - t.checkedAt : 0);
  const rise = (t: Track, counter: string) => {
    const v = t.asset.fields[counter];
    const first = t.counters.get(counter);
    return typeof v === 'number' && first !== undefined ? Math.max(0, v - first) : 0;
  };

  const bottleneck = (now: number): string | null => {
    let best: string | null = null;
    let bestShare = -1;
    for (const t of tracks) {
      if (t.category !== 'sewingMachine' || t.since === 0) continue;
      const total = totalAt(t, now);
      if (total <= 0) continue;
      const busy = (spentAt(t, 'stitching', now) + spentAt(t, 'handling', now)) / total;
      if (busy > bestShare) {
        bestShare = busy;
        best = t.asset.id;
      }
    }
    return best;
  };

  return {
    update(now) {
      startedAt ??= now;
      for (const t of tracks) {
        const a = t.asset;
        if (a.lastUpdate === 0) continue;
        const status = String(a.fields.status ?? '');
        if (t.since === 0) {
          // First heard: the shift starts here for this asset.
          t.status = status;
          t.since = now;
          t.heardAt = now;
          t.checkedAt = now;
          for (const c of COUNTERS) {
            const v = a.fields[c];
            if (typeof v === 'number') t.counters.set(c, v);
          }
          t.assigned = status !== 'idle' && String(a.fields.vessel ?? '') !== '';
          continue;
        }
        if (t.assigned) t.assignedMs += now - t.checkedAt;
        t.checkedAt = now;
        t.assigned = status !== 'idle' && String(a.fields.vessel ?? '') !== '';
        if (status === t.status) continue;
        const ms = now - t.since;
        add(t, t.status, ms);
        if (t.category === 'truck') {
          if (t.cycleStart !== null) {
            if (t.status === 'queued') t.cycleQueuedMs += ms;
            if (t.status === 'underRtg') t.cycleYardMs += ms;
          }
          if (TRUCK_IDLE.has(t.status) && !TRUCK_IDLE.has(status)) {
            t.cycleStart = now;
            t.cycleQueuedMs = 0;
            t.cycleYardMs = 0;
          } else if (!TRUCK_IDLE.has(t.status) && TRUCK_IDLE.has(status) && t.cycleStart !== null) {
            cycles.count++;
            cycles.totalMs += now - t.cycleStart;
            cycles.queuedMs += t.cycleQueuedMs;
            cycles.yardMs += t.cycleYardMs;
            t.cycleStart = null;
          }
        }
        t.status = status;
        t.since = now;
      }
    },
    values(now) {
      const out: Partial<Record<KpiId, number>> = {};
      const of = (category: string) => tracks.filter((t) => t.category === category && t.since > 0);
      const share = (list: Track[], busy: (status: string) => boolean) => {
        let on = 0;
        let all = 0;
        for (const t of list) {
          all += totalAt(t, now);
          for (const status of new Set([...t.spent.keys(), t.status]))
            if (busy(status)) on += spentAt(t, status, now);
        }
        return all > 0 ? (100 * on) / all : undefined;
      };
      const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
      // Rates need a while of shift behind them: the first minutes would say anything.
      const warm = startedAt !== null && now - startedAt >= WARM_UP_MS;

      const qcs = of('quayCrane');
      if (qcs.length > 0) {
        let moves = 0;
        let assignedMs = 0;
        let workingMs = 0;
        const left = new Map<string, { left: number; cranes: number }>();
        for (const t of qcs) {
          moves += rise(t, 'moves');
          assignedMs += assignedAt(t, now);
          workingMs += spentAt(t, 'working', now);
          const vessel = String(t.asset.fields.vessel ?? '');
          const planned = Number(t.asset.fields.movesPlanned ?? 0);
          if (vessel !== '' && planned > 0) {
            const v = left.get(vessel) ?? { left: 0, cranes: 0 };
            v.left += Math.max(0, planned - Number(t.asset.fields.moves ?? 0));
            v.cranes++;
            left.set(vessel, v);
          }
        }
        const gross = assignedMs > 0 ? (moves * 3_600_000) / assignedMs : undefined;
        if (gross !== undefined && warm) out.qcGrossRate = round(gross);
        if (workingMs > 0 && warm) out.qcNetRate = round((moves * 3_600_000) / workingMs);
        if (left.size > 0) {
          out.vesselMovesLeft = [...left.values()].reduce((n, v) => n + v.left, 0);
          if (gross !== undefined && gross > 0 && warm)
            out.vesselHoursToGo = round(
              Math.max(...[...left.values()].map((v) => v.left / (gross * v.cranes))),
              2,
            );
        }
        const energy = qcs.reduce((n, t) => n + rise(t, 'energyKwh'), 0);
        if (energy > 0 && moves > 0) out.energyPerMove = round(energy / moves, 2);
      }
      if (cycles.count > 0) {
        out.truckTurnMinutes = round(cycles.totalMs / cycles.count / 60_000);
        out.truckWaitAtCraneMinutes = round(cycles.queuedMs / cycles.count / 60_000);
        out.truckWaitAtYardMinutes = round(cycles.yardMs / cycles.count / 60_000);
      }
      const rtg = share(of('yardCrane'), (s) => WORKING.has(s));
      if (rtg !== undefined) out.rtgUtilisation = round(rtg);

      const machines = of('sewingMachine');
      if (machines.length > 0 && warm && startedAt !== null) {
        const hours = (now - startedAt) / 3_600_000;
        let output = 0;
        let earnedMin = 0;
        let attendedMin = 0;
        for (const t of machines) {
          const pieces = rise(t, 'pieces');
          const line = String(t.asset.fields.line ?? '');
          if (Number(t.asset.fields.step ?? 0) === lastStep.get(line)) output += pieces;
          earnedMin += pieces * Number(t.asset.fields.smv ?? 0);
          attendedMin += totalAt(t, now) / 60_000;
        }
        out.lineOutputPerHour = round(output / hours);
        if (attendedMin > 0) out.lineEfficiency = round((100 * earnedMin) / attendedMin);
        const used = share(machines, (s) => s === 'stitching');
        if (used !== undefined) out.machineUtilisation = round(used);
        const busiest = bottleneck(now);
        const b = machines.find((t) => t.asset.id === busiest);
        if (b)
          out.bottleneckUtilisation = round(
            share([b], (s) => s === 'stitching' || s === 'handling') ?? 0,
          );
      }
      const agv = share(of('agv'), (s) => AGV_BUSY.has(s));
      if (agv !== undefined) out.agvUtilisation = round(agv);
      return out;
    },
    bottleneck,
  };
}
