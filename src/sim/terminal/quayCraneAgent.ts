import { uniform, type Random } from '../../lib/random';
import type { Point2 } from '../core/geometry';
import type { Phase } from '../core/phasedMover';
import type { DischargeJob, LoadJob } from '../plan/terminalPlan';
import type { ContainerBook } from './containerBook';
import { CraneAgent } from './craneAgent';
import { parseStowage, vesselBayOf } from './stowage';
import type { QuayCraneSite } from './terminalSite';
import { SEAT_Y, type TruckAgent } from './truckAgent';
import { CONTAINER_HEIGHT } from './yardGeometry';
import type { SimKernel } from '../core/simKernel';
import type { FieldValue } from '../../config/schema';
import type { FaultKind } from './disruptions';

/** One move in a quay crane's work order. */
export type QuayMove =
  | { kind: 'discharge'; bay: number; job: DischargeJob }
  | { kind: 'load'; bay: number; job: LoadJob };

/** Gross moves per hour a crane's cycles are drawn from (before waits for trucks). */
const CYCLE_RATE = { min: 27, max: 34 };
/** Share of a cycle each step takes; the rest of the time goes in settling the spreader. */
const SHARE = {
  trolley: 0.16,
  settle: 0.065,
  hoist: 0.12,
  lock: 0.05,
  lowerTruck: 0.13,
  raise: 0.08,
};
const GANTRY_SPEED = 0.75;
/** Trucks queue this far apart behind the crane. */
const QUEUE_GAP = 18;

/** A freed stowage slot aboard, to load into. */
interface FreeSlot {
  stowage: string;
  position: [number, number, number];
  headingDeg: number;
}

/** What a quay crane needs from the terminal around it. */
export interface QuaySide {
  /** A box was set on a truck (discharge) or taken off one (load): the truck drives on. */
  truckServed(crane: QuayCraneAgent, truck: TruckAgent): void;
  /** The crane moved on to its next move: trucks may be dispatched for the ones ahead. */
  progressed(crane: QuayCraneAgent): void;
  /** Something happened to the crane (a fault, its repair). */
  event(
    crane: QuayCraneAgent,
    event: string,
    severity: 'info' | 'warning' | 'critical',
    code: string,
    data: Record<string, FieldValue>,
  ): void;
}

/**
 * A ship-to-shore crane working its bays in order: per bay, the discharge moves (top of each
 * stack first), then the load moves into the slots discharge freed (bottom up). Each cycle is
 * drawn at 27–34 moves/h; trolley and hoist run out over the ship, down, up, back over the truck
 * lane, down onto the truck and up, and the crane waits when no truck is there.
 */
export class QuayCraneAgent extends CraneAgent {
  moves: QuayMove[] = [];
  /** Index of the move being worked, and of the next move trucks are yet to be sent for. */
  next = 0;
  dispatched = 0;
  /** Trucks sent to this crane and not yet served (on their way or queued). */
  readonly assigned = new Set<TruckAgent>();
  /** Trucks waiting behind the crane, in order of arrival. */
  private readonly queue: TruckAgent[] = [];
  private waitingFor: ((t: TruckAgent) => boolean) | undefined;
  private onTruck: ((t: TruckAgent) => void) | undefined;
  private readonly freeSlots = new Map<string, FreeSlot[]>();
  private readonly travelHoist: number;
  startedAt: number | undefined;
  finishedAt: number | undefined;

  constructor(
    kernel: SimKernel,
    readonly quay: QuayCraneSite,
    containers: ContainerBook,
    gateway: string,
    private readonly random: Random,
    private readonly side: QuaySide,
  ) {
    super(kernel, quay, containers, gateway, { faultCode: '', vessel: '', movesPlanned: 0 });
    this.travelHoist = Math.max(quay.hoist.min, quay.hoist.max - 5);
  }

  /** Where a truck's box seat must be for the crane to serve it now. */
  servicePoint(): Point2 {
    return this.pointAt(this.axes.gantry as number, this.quay.laneTrolley);
  }

  /** How far behind the crane a truck sent now waits: one, two or three truck lengths. */
  queueBack(): number {
    return QUEUE_GAP * (1 + (this.assigned.size % 3));
  }

  /** The crane's vessel call has started. */
  active = false;

  start(): void {
    this.active = true;
    this.startedAt = this.kernel.now;
    this.setStatus('working');
    this.cycle();
  }

  /** A truck reached its place behind the crane. */
  truckArrived(truck: TruckAgent): void {
    this.queue.push(truck);
    truck.setState('queued');
    this.callTruck();
  }

  /** A breakdown to come: at the end of the move under way once `at` has passed. */
  pendingFault: { at: number; fault: FaultKind; repairMs: number } | undefined;

  /** Sets the vessel and the work order the crane reports (from the crane split). */
  assignWork(vesselId: string, moves: readonly QuayMove[]): void {
    this.vesselId = vesselId;
    this.moves.push(...moves);
    this.reporter.fields.vessel = vesselId;
    this.reporter.fields.movesPlanned = this.moves.length;
  }

  private cycle(): void {
    const move = this.moves[this.next];
    if (!move) {
      this.finishedAt = this.kernel.now;
      this.reporter.fields.vessel = '';
      this.setStatus('idle');
      return;
    }
    const due = this.pendingFault;
    if (due && this.kernel.now >= due.at) {
      this.pendingFault = undefined;
      this.breakDown(due.fault, due.repairMs);
      return;
    }
    this.setStatus('working');
    const cycleMs = 3600_000 / uniform(this.random, CYCLE_RATE.min, CYCLE_RATE.max);
    if (move.kind === 'discharge') this.discharge(move, cycleMs);
    else this.load(move, cycleMs);
  }

  /** Stops for a fault until the repair is done, then works on. */
  private breakDown(fault: FaultKind, repairMs: number): void {
    this.reporter.fields.faultCode = fault.code;
    this.setStatus('fault');
    this.side.event(this, 'fault', fault.severity, fault.code, { what: fault.what });
    this.kernel.after(repairMs, () => {
      this.reporter.fields.faultCode = '';
      this.side.event(this, 'faultCleared', 'info', fault.code, {
        repairS: Math.round(repairMs / 1000),
      });
      this.cycle();
    });
  }

  private finishMove(): void {
    this.countMove();
    this.next++;
    this.side.progressed(this);
    this.cycle();
  }

  private discharge(move: Extract<QuayMove, { kind: 'discharge' }>, T: number): void {
    const box = this.containers.get(move.job.containerId);
    const [bx, by, bz] = box.position;
    const gantry = this.gantryFor(bx, bz);
    const trolley = this.trolleyFor(bx, bz, gantry);
    const gantryMs = (Math.abs(gantry - (this.axes.gantry as number)) / GANTRY_SPEED) * 1000;
    let truck: TruckAgent | undefined;
    let craneReady = false;
    // The truck pulls up under the crane while the box comes off the ship.
    const setDown = (): void => {
      if (!craneReady) return;
      if (!truck) {
        this.setStatus('waiting');
        return;
      }
      const t = truck;
      this.setStatus('working');
      this.run(
        [
          { ms: SHARE.settle * T },
          { ms: SHARE.lowerTruck * T, to: { hoist: SEAT_Y + CONTAINER_HEIGHT } },
          {
            ms: SHARE.lock * T,
            then: () => {
              this.unlock();
              t.setBox(box.id);
              this.release(t);
            },
          },
          { ms: SHARE.raise * T, to: { hoist: this.travelHoist } },
        ],
        () => this.finishMove(),
      );
    };
    this.run(
      [
        {
          ms: Math.max(SHARE.trolley * T, gantryMs),
          to: { gantry, trolley, hoist: this.travelHoist },
        },
      ],
      () => {
        this.waitTruck(
          (t) => t.box === undefined,
          (t) => {
            truck = t;
            setDown();
          },
        );
        this.run(
          [
            { ms: SHARE.settle * T },
            { ms: SHARE.hoist * T, to: { hoist: by + CONTAINER_HEIGHT } },
            {
              ms: SHARE.lock * T,
              then: () => {
                this.freeSlot(move.bay, box.size, {
                  stowage: String(box.fields.stowage ?? ''),
                  position: [bx, by, bz],
                  headingDeg: box.headingDeg,
                });
                this.lock(box.id, { present: true, onboard: '', stowage: '' });
              },
            },
            { ms: SHARE.hoist * T, to: { hoist: this.travelHoist } },
            { ms: SHARE.trolley * T, to: { trolley: this.quay.laneTrolley } },
          ],
          () => {
            craneReady = true;
            setDown();
          },
        );
      },
    );
  }

  private load(first: Extract<QuayMove, { kind: 'load' }>, T: number): void {
    this.setStatus('waiting');
    // Any truck bringing a box for this bay will do: trucks seldom arrive in the planned order.
    this.waitTruck(
      (t) => t.box !== undefined && this.isLoadForBay(t.box, first.bay),
      (truck) => {
        const boxId = truck.box as string;
        const move = this.takeMove(boxId) ?? first;
        this.setStatus('working');
        const phases: Phase[] = [
          { ms: SHARE.lowerTruck * T, to: { hoist: SEAT_Y + CONTAINER_HEIGHT } },
          {
            ms: SHARE.lock * T,
            then: () => {
              truck.setBox(undefined);
              this.lock(boxId, { truck: '' });
              this.release(truck);
            },
          },
          { ms: SHARE.hoist * T, to: { hoist: this.travelHoist } },
        ];
        this.run(phases, () => {
          const box = this.containers.get(boxId);
          const slot = this.takeSlot(move.bay, box.size);
          const [sx, sy, sz] = slot.position;
          const gantry = this.gantryFor(sx, sz);
          const gantryMs = (Math.abs(gantry - (this.axes.gantry as number)) / GANTRY_SPEED) * 1000;
          this.run(
            [
              {
                ms: Math.max(SHARE.trolley * T, gantryMs),
                to: { gantry, trolley: this.trolleyFor(sx, sz, gantry) },
              },
              { ms: SHARE.settle * T },
              { ms: SHARE.lowerTruck * T, to: { hoist: sy + CONTAINER_HEIGHT } },
              {
                ms: SHARE.lock * T,
                then: () => {
                  this.containers.update(boxId, slot.position, slot.headingDeg, {
                    present: false,
                    onboard: this.vesselId,
                    stowage: slot.stowage,
                    truck: '',
                  });
                  this.unlock();
                },
              },
              { ms: SHARE.hoist * T, to: { hoist: this.travelHoist } },
              { ms: SHARE.trolley * T, to: { trolley: this.quay.laneTrolley } },
            ],
            () => this.finishMove(),
          );
        });
      },
    );
  }

  /** True when a box is one of this crane's loads into `bay` not yet worked. */
  private isLoadForBay(boxId: string, bay: number): boolean {
    for (let i = this.next; i < this.dispatched; i++) {
      const m = this.moves[i];
      if (m?.kind === 'load' && m.bay === bay && m.job.containerId === boxId) return true;
    }
    return false;
  }

  /** Makes the load of `boxId` the current move (swapping it with the planned one). */
  private takeMove(boxId: string): Extract<QuayMove, { kind: 'load' }> | undefined {
    for (let i = this.next; i < this.dispatched; i++) {
      const m = this.moves[i];
      if (m?.kind === 'load' && m.job.containerId === boxId) {
        this.moves[i] = this.moves[this.next] as QuayMove;
        this.moves[this.next] = m;
        return m;
      }
    }
    return undefined;
  }

  /** Vessel the crane works (set by the simulation from the crane split). */
  vesselId = '';

  private freeSlot(bay: number, size: 20 | 40, slot: FreeSlot): void {
    const key = `${bay}/${size}`;
    const list = this.freeSlots.get(key) ?? [];
    list.push(slot);
    this.freeSlots.set(key, list);
  }

  /** The last slot freed in a bay for a size: stacks refill from the bottom. */
  private takeSlot(bay: number, size: 20 | 40): FreeSlot {
    const slot = this.freeSlots.get(`${bay}/${size}`)?.pop();
    if (!slot)
      throw new Error(`${this.id}: no free ${size} ft slot in vessel bay ${bay} for a load`);
    return slot;
  }

  /** Waits until a queued truck fits, calls it under the crane, then continues. */
  private waitTruck(fits: (t: TruckAgent) => boolean, then: (t: TruckAgent) => void): void {
    this.waitingFor = fits;
    this.onTruck = then;
    this.callTruck();
  }

  private callTruck(): void {
    const fits = this.waitingFor;
    const then = this.onTruck;
    if (!fits || !then) return;
    const i = this.queue.findIndex(fits);
    if (i < 0) return;
    const truck = this.queue.splice(i, 1)[0] as TruckAgent;
    this.waitingFor = undefined;
    this.onTruck = undefined;
    truck.setState('underCrane');
    truck.driveToSeat(this.servicePoint(), 0, () => then(truck));
  }

  private release(truck: TruckAgent): void {
    this.assigned.delete(truck);
    this.side.truckServed(this, truck);
  }
}

/** The crane's moves from the plan: per bay of its split, discharges then loads. */
export function quayMoves(
  bays: readonly number[],
  discharge: readonly DischargeJob[],
  load: readonly LoadJob[],
  containers: ContainerBook,
): QuayMove[] {
  const moves: QuayMove[] = [];
  for (const bay of bays) {
    for (const job of discharge) {
      const s = parseStowage(String(containers.get(job.containerId).fields.stowage ?? ''));
      if (s && vesselBayOf(s.bay) === bay) moves.push({ kind: 'discharge', bay, job });
    }
    for (const job of load) if (job.vesselBay === bay) moves.push({ kind: 'load', bay, job });
  }
  return moves;
}
