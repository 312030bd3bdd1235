import type { TwinConfig } from '../../config/schema';
import { deriveSeed, mulberry32 } from '../../lib/random';
import type { AssetReporter } from '../core/assetReporter';
import { scheduleFirstSamples, staticReporters } from '../core/firstSamples';
import type { Point2 } from '../core/geometry';
import { createLinkSimulator } from '../core/linkSimulator';
import { SimKernel } from '../core/simKernel';
import { allFields, readSiteGateways } from '../core/siteGateways';
import { defaultFactoryPlan, type FactoryPlan } from '../plan/factoryPlan';
import type { SiteSimulation } from '../simOutput';
import { AgvAgent } from './agvAgent';
import { AgvFleet } from './agvFleet';
import { drawFactoryDisruptions } from './disruptions';
import { readFactorySite, type FactorySite } from './factorySite';
import { InspectionRobot } from './inspectionRobot';
import { SewingLine, type MachineInfo } from './sewingLine';
import { CuttingRoom, PressingLine } from './shopEquipment';

export interface FactorySimulationOptions {
  seed: number;
  startTime: number;
  plan?: FactoryPlan;
  /** Blocked aisles and a slow stand-in operator at seeded times; false: as planned. @default true */
  disruptions?: boolean;
  /** How often moving assets are sampled, ms (a preview may sample less often). @default 500 */
  movingSampleMs?: number;
}

/** A factory simulation, with its parts open for tests and tools. */
export interface FactorySimulation extends SiteSimulation {
  readonly plan: FactoryPlan;
  readonly site: FactorySite;
  readonly lines: readonly SewingLine[];
  readonly agvs: readonly AgvAgent[];
  readonly pressing: PressingLine;
}

const FABRIC_EVERY_MS = 40 * 60_000;

/**
 * An apparel factory working a plan: bundles cut, carried by AGVs to the line heads, sewn
 * operation by operation, collected from the line ends and pressed; AGVs charging when low;
 * robots patrolling and reporting defects; and the 5G links of every gateway.
 */
export function createFactorySimulation(
  config: TwinConfig,
  options: FactorySimulationOptions,
): FactorySimulation {
  const site = readFactorySite(config);
  const plan = options.plan ?? defaultFactoryPlan(config, options.seed);
  validateFactoryPlan(plan, site);
  const gateways = readSiteGateways(config);
  const gw = (id: string): string => gateways.gatewayOf(id) ?? '';
  const kernel = new SimKernel(options.startTime, options.movingSampleMs);
  const random = mulberry32(deriveSeed(options.seed, 'factory-operations'));

  const machines = new Map<string, MachineInfo>();
  for (const line of site.lines)
    for (const s of line.stations)
      machines.set(s.asset.id, { type: s.asset.type, fields: s.fields, gateway: gw(s.asset.id) });
  const machinePositions = site.lines.flatMap((l) => l.stations);
  const nearestMachine = (p: Point2): string => {
    let best = '';
    let bestD = Infinity;
    for (const s of machinePositions) {
      const d = Math.hypot(s.position[0] - p[0], s.position[1] - p[1]);
      if (d < bestD) {
        bestD = d;
        best = s.asset.id;
      }
    }
    return best;
  };

  const equipment = (assets: typeof site.presses) =>
    assets.map((a) => ({ asset: a, fields: allFields(config, a), gateway: gw(a.id) }));
  const pressing = new PressingLine(kernel, equipment(site.presses), random);
  const cutting = new CuttingRoom(kernel, equipment(site.cuttingTables), random, 12, () =>
    feedAll(),
  );

  const spots = chargingSpots(site, site.agvs.length);
  const agvs = site.agvs.map(
    (a, i) =>
      new AgvAgent(kernel, a, allFields(config, a), gw(a.id), site.aisles, spots[i] as Point2),
  );
  const disruptions =
    options.disruptions === false
      ? null
      : drawFactoryDisruptions(
          mulberry32(deriveSeed(options.seed, 'factory-disruptions')),
          options.startTime,
          plan.lines.map((l) => l.lineId),
        );
  const pendingBlocks = [...(disruptions?.blockages ?? [])];
  const fleet = new AgvFleet(kernel, agvs, (task) => {
    const due = pendingBlocks[0];
    if (!due || task.line === '' || !task.label.startsWith('deliver') || kernel.now < due.at)
      return 0;
    pendingBlocks.shift();
    return due.ms;
  });
  const snap = (p: Point2): Point2 => site.aisles.snap(p).point;
  const cuttingDock = snap(site.cutting);
  const finishingDock = snap(site.finishing);
  const warehouseDock = snap(site.warehouse);

  const feeding = new Set<SewingLine>();
  const collecting = new Set<SewingLine>();
  let trip = 0;
  const { bundlesPerTrip, triggerBundles } = plan.delivery;
  const onLineChange = (line: SewingLine): void => {
    if (!feeding.has(line) && line.headBundles <= triggerBundles && cutting.stock > 0) {
      feeding.add(line);
      let carried: ReturnType<SewingLine['newBundle']>[] = [];
      fleet.request({
        id: `T${++trip}`,
        label: `deliver to ${line.id}`,
        line: line.id,
        from: cuttingDock,
        to: snap(lineHead(site, line.id)),
        pickUp: () => {
          const n = cutting.take(bundlesPerTrip);
          carried = Array.from({ length: n }, () => line.newBundle(0));
          return carried.map((b) => b.id).join('+');
        },
        drop: () => {
          feeding.delete(line);
          line.feed(carried);
          onLineChange(line);
        },
      });
    }
    if (!collecting.has(line) && line.finished.length > 0) {
      collecting.add(line);
      let carried: typeof line.finished = [];
      fleet.request({
        id: `T${++trip}`,
        label: `collect from ${line.id}`,
        line: line.id,
        from: snap(lineTail(site, line.id)),
        to: finishingDock,
        pickUp: () => {
          carried = line.finished.splice(0, bundlesPerTrip);
          return carried.map((b) => b.id).join('+');
        },
        drop: () => {
          collecting.delete(line);
          pressing.deliver(carried.reduce((s, b) => s + b.pieces, 0));
          onLineChange(line);
        },
      });
    }
  };
  const lines = plan.lines.map(
    (lp) => new SewingLine(kernel, lp, machines, random, plan.delivery.bundleSize, onLineChange),
  );
  const feedAll = (): void => {
    for (const l of lines) onLineChange(l);
  };
  const slow = disruptions?.slowOperator;
  if (slow)
    kernel.at(slow.at, () => {
      // A stand-in takes the bottleneck over: same operation, a slower pace, the same reports.
      const station = lines.find((l) => l.id === slow.lineId)?.bottleneck();
      if (station) station.pace = slow.factor;
    });
  const fabric = (): void => {
    fleet.request({
      id: `T${++trip}`,
      label: 'fabric to cutting',
      line: '',
      from: warehouseDock,
      to: cuttingDock,
      pickUp: () => `ROLL-${String(trip).padStart(4, '0')}`,
      drop: () => {},
    });
    kernel.after(FABRIC_EVERY_MS, fabric);
  };

  const robots = plan.patrols.flatMap((patrol) => {
    const asset = site.robots.find((r) => r.id === patrol.robotId);
    if (!asset) return [];
    return [
      new InspectionRobot(
        kernel,
        asset,
        allFields(config, asset),
        gw(asset.id),
        site.aisles,
        patrol.waypoints,
        random,
        nearestMachine,
      ),
    ];
  });

  const simulated = new Set<string>([
    ...machines.keys(),
    ...agvs.map((a) => a.id),
    ...robots.map((r) => r.reporter.id),
    ...site.presses.map((p) => p.id),
    ...site.cuttingTables.map((c) => c.id),
  ]);
  const reporters: AssetReporter[] = [
    ...lines.flatMap((l) => l.stations.map((s) => s.reporter)),
    ...agvs.map((a) => a.reporter),
    ...robots.map((r) => r.reporter),
    ...cutting.reporters,
    ...pressing.reporters,
    ...staticReporters(kernel, config, gateways, simulated, new Set()),
  ];
  scheduleFirstSamples(kernel, reporters);
  createLinkSimulator(
    kernel,
    gateways.specs,
    gateways.gatewayTypes,
    deriveSeed(options.seed, 'links'),
  ).start();
  kernel.at(options.startTime + 1000, () => {
    fleet.start();
    for (const l of lines) {
      l.seed(l.plan.initialWipBundles);
      l.start();
    }
    cutting.start();
    for (const r of robots) r.start();
    feedAll();
    fabric();
  });

  /** Each line's share of its order made so far. */
  const lineShares = () =>
    lines.map((line) => {
      const order = plan.orders.find((o) => o.id === line.plan.orderId);
      const made = line.output.reduce((sum, o) => sum + o.pieces, 0);
      return order && order.quantity > 0 ? made / order.quantity : 1;
    });

  return {
    siteId: config.site.id,
    gateways: gateways.specs,
    get now() {
      return kernel.now;
    },
    advanceTo: (t) => kernel.advanceTo(t),
    workDone: () => lineShares().every((share) => share >= 1),
    workProgress: () => {
      const shares = lineShares();
      return shares.length === 0
        ? 1
        : shares.reduce((sum, s) => sum + Math.min(1, s), 0) / shares.length;
    },
    plan,
    site,
    lines,
    agvs,
    pressing,
  };
}

function lineHead(site: FactorySite, id: string): Point2 {
  return site.lines.find((l) => l.id === id)?.head ?? [0, 0];
}

function lineTail(site: FactorySite, id: string): Point2 {
  return site.lines.find((l) => l.id === id)?.tail ?? [0, 0];
}

/** One spot per AGV, spread along the charging area's long side. */
function chargingSpots(site: FactorySite, n: number): Point2[] {
  const r = site.charging;
  const alongX = r.xMax - r.xMin >= r.zMax - r.zMin;
  const length = alongX ? r.xMax - r.xMin : r.zMax - r.zMin;
  const pitch = length / Math.max(1, n);
  const mid = alongX ? (r.zMin + r.zMax) / 2 : (r.xMin + r.xMax) / 2;
  return Array.from({ length: n }, (_, i) => {
    const a = (alongX ? r.xMin : r.zMin) + pitch * (i + 0.5);
    return alongX ? [a, mid] : [mid, a];
  });
}

/** Checks a plan against the site; throws listing the problems. */
function validateFactoryPlan(plan: FactoryPlan, site: FactorySite): void {
  const problems: string[] = [];
  const machines = new Set(site.lines.flatMap((l) => l.stations.map((s) => s.asset.id)));
  for (const line of plan.lines) {
    if (!site.lines.some((l) => l.id === line.lineId))
      problems.push(`lines: ${line.lineId} has no sewing machines`);
    const seen = new Set<string>();
    for (const op of line.operations) {
      for (const a of op.after)
        if (!seen.has(a))
          problems.push(`${line.lineId}: ${op.id} comes before ${a}, which it must follow`);
      if (!(op.smv > 0)) problems.push(`${line.lineId}: ${op.id} needs standard minutes > 0`);
      seen.add(op.id);
      if (!line.stations.some((s) => s.operationId === op.id))
        problems.push(`${line.lineId}: no station works ${op.id}`);
    }
    for (const s of line.stations) {
      if (!machines.has(s.machineId))
        problems.push(`${line.lineId}: ${s.machineId} is not a sewing machine`);
      if (!seen.has(s.operationId))
        problems.push(`${line.lineId}: ${s.machineId} works unknown ${s.operationId}`);
      if (!(s.efficiency > 0))
        problems.push(`${line.lineId}: ${s.machineId} needs an efficiency > 0`);
    }
  }
  if (!(plan.delivery.bundleSize > 0) || !(plan.delivery.bundlesPerTrip > 0))
    problems.push('delivery: bundle size and bundles per trip must be > 0');
  if (problems.length > 0)
    throw new Error(`factory plan does not fit the site:\n  ${problems.slice(0, 20).join('\n  ')}`);
}
