import type { TwinConfig } from '../../config/schema';
import { deriveSeed, mulberry32, uniform } from '../../lib/random';
import { readFactorySite } from '../factory/factorySite';

/**
 * A factory plan: orders, each line's operations with standard minutes and precedence, which
 * machine does which operation (the line balance), operator efficiencies, and how AGVs deliver —
 * apart from the simulator, so plans can be previewed and compared (issue "Preview").
 */
export interface FactoryPlan {
  kind: 'factory';
  orders: ProductionOrder[];
  lines: LinePlan[];
  delivery: DeliveryPolicy;
  /** Inspection robots' patrol routes. */
  patrols: Patrol[];
}

export interface ProductionOrder {
  id: string;
  style: string;
  /** Pieces. */
  quantity: number;
  /** Due this long after the simulation start, ms. */
  dueOffsetMs: number;
}

export interface LinePlan {
  lineId: string;
  orderId: string;
  /** In an order that respects precedence; bundles visit them in this order. */
  operations: OperationPlan[];
  /** Machine asset → operation; several machines may share an operation. */
  stations: StationPlan[];
  /** Bundles already waiting at each operation when the shift starts. */
  initialWipBundles: number;
}

export interface OperationPlan {
  id: string;
  name: string;
  /** Standard minutes per piece (SMV / SAM). */
  smv: number;
  /** Operations that must be done first. */
  after: string[];
}

export interface StationPlan {
  machineId: string;
  operationId: string;
  operator: string;
  /** Operator efficiency: 1 = standard minutes exactly (0.7–1.1 typical). */
  efficiency: number;
}

export interface DeliveryPolicy {
  /** Pieces per bundle. */
  bundleSize: number;
  /** An AGV is called when the line's first operation has this many bundles or fewer. */
  triggerBundles: number;
  /** Bundles an AGV carries per trip. */
  bundlesPerTrip: number;
}

export interface Patrol {
  robotId: string;
  /** Ground points visited in a loop, [x, z]. */
  waypoints: [number, number][];
}

/**
 * The shift as the config stands: one order per line for its style, each machine on the
 * operation its fields name, operator efficiencies drawn at 70–110 %, bundles of 10 delivered two
 * at a time when the line head is down to two, robots patrolling the lines' ends.
 */
export function defaultFactoryPlan(config: TwinConfig, seed: number): FactoryPlan {
  const site = readFactorySite(config);
  const random = mulberry32(deriveSeed(seed, 'factory-plan'));
  const orders: ProductionOrder[] = [];
  const lines: LinePlan[] = site.lines.map((line, i) => {
    const operations: OperationPlan[] = [];
    const stations: StationPlan[] = [];
    for (const s of line.stations) {
      const name = String(s.fields.operation ?? `step ${s.step}`);
      let op = operations.find((o) => o.name === name);
      if (!op) {
        const prev = operations[operations.length - 1];
        op = {
          id: `${line.id}-op${String(operations.length + 1).padStart(2, '0')}`,
          name,
          smv: Number(s.fields.smv ?? 1),
          after: prev ? [prev.id] : [],
        };
        operations.push(op);
      }
      stations.push({
        machineId: s.asset.id,
        operationId: op.id,
        operator: String(s.fields.operator ?? ''),
        efficiency: Math.round(uniform(random, 0.7, 1.1) * 100) / 100,
      });
    }
    const style = operations.some((o) => /sleeve|lapel|collar/i.test(o.name))
      ? 'jacket'
      : 'trousers';
    const orderId = `SO-${line.id}`;
    orders.push({ id: orderId, style, quantity: 400, dueOffsetMs: (10 + i) * 3600_000 });
    return { lineId: line.id, orderId, operations, stations, initialWipBundles: 1 };
  });
  // Each robot walks down and up the aisles of two lines: head end, far end, and back.
  const patrols: Patrol[] = site.robots.map((robot, i) => {
    const waypoints: [number, number][] = [];
    for (const l of [
      site.lines[(2 * i) % site.lines.length],
      site.lines[(2 * i + 1) % site.lines.length],
    ]) {
      if (!l) continue;
      const far = l.stations[Math.floor((l.stations.length - 1) / 2)] ?? l.stations[0];
      waypoints.push([l.head[0], l.head[1]]);
      if (far) waypoints.push([far.position[0], far.position[1]]);
    }
    return { robotId: robot.id, waypoints };
  });
  return {
    kind: 'factory',
    orders,
    lines,
    delivery: { bundleSize: 10, triggerBundles: 2, bundlesPerTrip: 2 },
    patrols,
  };
}

/** Pieces per hour the plan expects from a line: its slowest operation's capacity. */
export function predictedLineRate(line: LinePlan): number {
  let rate = Infinity;
  for (const op of line.operations) {
    const eff = line.stations
      .filter((s) => s.operationId === op.id)
      .reduce((sum, s) => sum + s.efficiency, 0);
    rate = Math.min(rate, (eff * 60) / op.smv);
  }
  return Number.isFinite(rate) ? rate : 0;
}

/**
 * Pieces the plan expects a line to finish in `hours`. An operation passes on at most its
 * capacity (efficiencies × 60 / SMV per hour), and what it passes on reaches the end of the line
 * only after a bundle's sewing time at every later operation; pieces already past it (the work in
 * progress queued after it) come out too. The smallest such bound over the operations.
 */
export function predictedLineOutput(line: LinePlan, hours: number, bundleSize: number): number {
  const n = line.operations.length;
  const caps = line.operations.map((op) => {
    const effs = line.stations.filter((s) => s.operationId === op.id).map((s) => s.efficiency);
    const total = effs.reduce((sum, e) => sum + e, 0);
    return {
      perHour: (total * 60) / op.smv,
      // One bundle through one of its stations, hours.
      bundleHours: effs.length > 0 ? (bundleSize * op.smv * effs.length) / (total * 60) : Infinity,
    };
  });
  let best = Infinity;
  let latency = 0;
  for (let k = n - 1; k >= 0; k--) {
    const c = caps[k] as { perHour: number; bundleHours: number };
    const pastIt = (n - 1 - k) * line.initialWipBundles * bundleSize;
    best = Math.min(best, c.perHour * Math.max(0, hours - latency) + pastIt);
    latency += c.bundleHours;
  }
  return Number.isFinite(best) ? best : 0;
}
