import type { TwinConfig } from '../../config/schema';
import { deriveSeed, mulberry32 } from '../../lib/random';
import type { AssetReporter } from '../core/assetReporter';
import { scheduleFirstSamples, staticReporters } from '../core/firstSamples';
import { createLinkSimulator } from '../core/linkSimulator';
import { SimKernel } from '../core/simKernel';
import { allFields, readSiteGateways } from '../core/siteGateways';
import {
  defaultTerminalPlan,
  yardLabels,
  type DischargeJob,
  type TerminalPlan,
} from '../plan/terminalPlan';
import type { SiteSimulation } from '../simOutput';
import { ContainerBook } from './containerBook';
import { QuayCraneAgent, quayMoves } from './quayCraneAgent';
import { TruckAgent } from './truckAgent';
import { TruckDispatcher } from './truckDispatcher';
import { readTerminalSite, type TerminalSite } from './terminalSite';
import { validateTerminalPlan } from './validateTerminalPlan';
import { YardCraneAgent, type YardJob } from './yardCraneAgent';
import { parseSlot } from './yardGeometry';
import { YardOccupancy } from './yardOccupancy';
import { drawTerminalDisruptions } from './disruptions';
import type { FieldValue } from '../../config/schema';

export interface TerminalSimulationOptions {
  seed: number;
  startTime: number;
  plan?: TerminalPlan;
  /**
   * Breakdowns, a truck shortage, a stray truck and a gateway outage at seeded times (the
   * shift as it happens); false: the shift as planned. @default true
   */
  disruptions?: boolean;
  /** How often moving assets are sampled, ms (a preview may sample less often). @default 500 */
  movingSampleMs?: number;
}

/** A terminal simulation, with its parts open for tests and tools. */
export interface TerminalSimulation extends SiteSimulation {
  readonly plan: TerminalPlan;
  readonly site: TerminalSite;
  readonly quayCranes: readonly QuayCraneAgent[];
  readonly trucks: readonly TruckAgent[];
  readonly yard: YardOccupancy;
  readonly containers: ContainerBook;
}

/**
 * A container terminal working a plan: vessel calls worked by quay cranes, trucks between quay
 * and yard, RTGs stacking and unstacking, the TOS reporting every box that moves, and the 5G
 * links of every gateway.
 */
export function createTerminalSimulation(
  config: TwinConfig,
  options: TerminalSimulationOptions,
): TerminalSimulation {
  const site = readTerminalSite(config);
  const plan = options.plan ?? defaultTerminalPlan(config, options.seed);
  validateTerminalPlan(plan, site);
  const gateways = readSiteGateways(config);
  const kernel = new SimKernel(options.startTime, options.movingSampleMs);
  const random = mulberry32(deriveSeed(options.seed, 'terminal-operations'));
  const gw = (id: string): string => gateways.gatewayOf(id) ?? '';
  const containers = new ContainerBook(kernel, site.boxes, gateways.gatewayOf);
  const yard = YardOccupancy.fromLabels(yardLabels(site), (b) => site.blocks.get(b)?.tiers ?? 0);

  const pool = new Set(plan.trucks.pool);
  const trucks = site.trucks.map(
    (a) =>
      new TruckAgent(kernel, a, allFields(config, a), gw(a.id), site.roads, containers, random),
  );
  const truckById = new Map(trucks.map((t) => [t.id, t]));
  const dischargeOf = new Map<string, DischargeJob>();
  for (const call of plan.vesselCalls)
    for (const j of call.discharge) dischargeOf.set(j.containerId, j);
  /** The quay crane a truck carrying a box from the yard is bound for. */
  const boundFor = new Map<TruckAgent, QuayCraneAgent>();
  const disruptions =
    options.disruptions === false
      ? null
      : drawTerminalDisruptions(
          mulberry32(deriveSeed(options.seed, 'terminal-disruptions')),
          options.startTime,
          site.quayCranes.map((q) => q.asset.id),
          plan.trucks.pool,
          trucks.map((t) => gw(t.id)).filter((g) => g !== ''),
        );
  const event = (
    asset: { id: string; type: string; gateway: string },
    name: string,
    severity: 'info' | 'warning' | 'critical',
    code: string,
    data: Record<string, FieldValue>,
  ) =>
    kernel.emit({
      kind: 'event',
      t: kernel.now,
      gateway: asset.gateway,
      assetId: asset.id,
      assetType: asset.type,
      event: name,
      severity,
      code,
      data,
    });
  const truckInfo = (t: TruckAgent) => ({ id: t.id, type: t.reporter.type, gateway: gw(t.id) });
  const gateZone = config.zones.find((z) => z.kind === 'gate');
  const gatePoint: [number, number] | null = gateZone
    ? [
        gateZone.polygon.reduce((n, p) => n + p[0], 0) / gateZone.polygon.length,
        gateZone.polygon.reduce((n, p) => n + p[1], 0) / gateZone.polygon.length,
      ]
    : null;
  let strayed = false;

  const rtgs = new Map<string, YardCraneAgent>();
  const stackJob = (truck: TruckAgent, jobId: string, boxId: string, slotLabel: string): void => {
    const target = parseSlot(slotLabel);
    const rtg = target ? rtgs.get(target.block) : undefined;
    if (!target || !rtg) throw new Error(`${jobId}: no RTG for slot ${slotLabel}`);
    const job: YardJob = {
      kind: 'stack',
      jobId,
      boxId,
      truck,
      target,
      arrived: false,
      since: kernel.now,
    };
    truck.setState('toYard', jobId, '');
    rtg.add(job);
    truck.driveToSeat(rtg.block.lanePoint(target.bay), 0, () => rtg.truckArrived(job));
  };
  const freeTruck = (truck: TruckAgent): void => {
    const shortage = disruptions?.truckBreakdowns;
    const breakdown =
      shortage && kernel.now >= shortage.at ? shortage.trucks.get(truck.id) : undefined;
    if (breakdown && shortage) {
      shortage.trucks.delete(truck.id);
      truck.setFault(breakdown.fault.code);
      event(truckInfo(truck), 'fault', breakdown.fault.severity, breakdown.fault.code, {
        what: breakdown.fault.what,
      });
      kernel.after(breakdown.repairMs, () => {
        truck.setFault('');
        event(truckInfo(truck), 'faultCleared', 'info', breakdown.fault.code, {
          repairS: Math.round(breakdown.repairMs / 1000),
        });
        freeTruck(truck);
      });
      dispatcher.dispatch();
      return;
    }
    const stray = disruptions?.stray;
    if (stray && gatePoint && !strayed && kernel.now >= stray.at && pool.has(truck.id)) {
      // A driver takes the wrong turn out to the gate, waits there, and comes back.
      strayed = true;
      const home: [number, number] = [truck.position[0], truck.position[1]];
      truck.setState('waiting', '', '');
      truck.driveTo(gatePoint, () =>
        kernel.after(stray.stayMs, () => truck.driveTo(home, () => freeTruck(truck))),
      );
      return;
    }
    truck.setState('waiting', '', '');
    if (pool.has(truck.id)) dispatcher.release(truck);
    dispatcher.dispatch();
  };
  const toQuay = (truck: TruckAgent, crane: QuayCraneAgent): void => {
    truck.setState('toQuay');
    truck.driveToSeat(crane.servicePoint(), crane.queueBack(), () => crane.truckArrived(truck));
  };

  for (const y of site.yardCranes)
    rtgs.set(
      y.block.label,
      new YardCraneAgent(kernel, y, containers, gw(y.asset.id), yard, random, {
        truckServed: (_crane, job) => {
          if (job.kind === 'stack') freeTruck(job.truck);
          else {
            const crane = boundFor.get(job.truck);
            boundFor.delete(job.truck);
            if (crane) toQuay(job.truck, crane);
          }
        },
        warn: (crane, event, data) =>
          kernel.emit({
            kind: 'event',
            t: kernel.now,
            gateway: crane.reporter.gateway,
            assetId: crane.id,
            assetType: crane.site.asset.type,
            event,
            severity: 'warning',
            data,
          }),
      }),
    );

  const quayCranes = site.quayCranes.map(
    (q) =>
      new QuayCraneAgent(kernel, q, containers, gw(q.asset.id), random, {
        truckServed: (_crane, truck) => {
          const job = truck.box ? dischargeOf.get(truck.box) : undefined;
          if (job && truck.box) stackJob(truck, job.id, truck.box, job.targetSlot);
          else freeTruck(truck);
        },
        progressed: () => dispatcher.dispatch(),
        event: (crane, name, severity, code, data) =>
          event(
            { id: crane.id, type: crane.site.asset.type, gateway: crane.reporter.gateway },
            name,
            severity,
            code,
            data,
          ),
      }),
  );
  const craneById = new Map(quayCranes.map((c) => [c.id, c]));
  for (const work of plan.craneSplit) {
    const crane = craneById.get(work.craneId);
    const call = plan.vesselCalls.find((c) => c.vesselId === work.vesselId);
    if (!crane || !call) continue;
    crane.assignWork(work.vesselId, quayMoves(work.bays, call.discharge, call.load, containers));
    crane.pendingFault = disruptions?.craneFaults.get(crane.id);
  }

  const dispatcher = new TruckDispatcher(
    quayCranes,
    plan.trucks,
    (crane, move) => {
      if (move.kind === 'discharge') return crane.servicePoint();
      const slot = parseSlot(String(containers.get(move.job.containerId).fields.slot ?? ''));
      const rtg = slot ? rtgs.get(slot.block) : undefined;
      return rtg && slot ? rtg.block.lanePoint(slot.bay) : crane.servicePoint();
    },
    (truck, crane, move) => {
      if (move.kind === 'discharge') {
        truck.setState('toQuay', `discharge ${crane.id}`, crane.id);
        truck.driveToSeat(crane.servicePoint(), crane.queueBack(), () => crane.truckArrived(truck));
        return;
      }
      const boxId = move.job.containerId;
      const slot = parseSlot(String(containers.get(boxId).fields.slot ?? ''));
      const rtg = slot ? rtgs.get(slot.block) : undefined;
      if (!slot || !rtg) throw new Error(`${move.job.id}: ${boxId} is not in a block with an RTG`);
      const job: YardJob = {
        kind: 'unstack',
        jobId: move.job.id,
        boxId,
        truck,
        arrived: false,
        since: kernel.now,
      };
      boundFor.set(truck, crane);
      truck.setState('toYard', move.job.id, crane.id);
      rtg.add(job);
      truck.driveToSeat(rtg.block.lanePoint(slot.bay), 0, () => rtg.truckArrived(job));
    },
  );

  const simulated = new Set<string>([
    ...trucks.map((t) => t.id),
    ...quayCranes.map((c) => c.id),
    ...[...rtgs.values()].map((r) => r.id),
  ]);
  const reporters: AssetReporter[] = [
    ...quayCranes.map((c) => c.reporter),
    ...[...rtgs.values()].map((r) => r.reporter),
    ...trucks.map((t) => t.reporter),
    ...staticReporters(kernel, config, gateways, simulated, new Set(['container'])),
  ];
  scheduleFirstSamples(kernel, reporters);
  createLinkSimulator(
    kernel,
    gateways.specs,
    gateways.gatewayTypes,
    deriveSeed(options.seed, 'links'),
    disruptions?.outage ? [disruptions.outage] : [],
  ).start();

  const delivering = new Set(plan.yardDeliveries.map((d) => d.truckId));
  kernel.at(options.startTime + 1000, () => {
    for (const d of plan.yardDeliveries) {
      const truck = truckById.get(d.truckId);
      if (truck) stackJob(truck, d.id, d.containerId, d.targetSlot);
    }
    for (const t of trucks)
      if (!delivering.has(t.id) && !t.box && pool.has(t.id)) dispatcher.release(t);
  });
  for (const call of plan.vesselCalls)
    kernel.at(options.startTime + 1000 + call.startOffsetMs, () => {
      for (const crane of quayCranes)
        if (crane.vesselId === call.vesselId && crane.moves.length > 0) crane.start();
      dispatcher.dispatch();
    });

  return {
    siteId: config.site.id,
    gateways: gateways.specs,
    get now() {
      return kernel.now;
    },
    advanceTo: (t) => kernel.advanceTo(t),
    workDone: () => quayCranes.every((c) => c.next >= c.moves.length),
    workProgress: () => {
      const total = quayCranes.reduce((sum, c) => sum + c.moves.length, 0);
      return total === 0 ? 1 : quayCranes.reduce((sum, c) => sum + c.next, 0) / total;
    },
    plan,
    site,
    quayCranes,
    trucks,
    yard,
    containers,
  };
}
