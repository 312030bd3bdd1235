import { uniform, type Random } from '../../lib/random';
import type { SimKernel } from '../core/simKernel';
import type { ContainerBook } from './containerBook';
import { CraneAgent } from './craneAgent';
import type { YardCraneSite } from './terminalSite';
import { SEAT_Y, type TruckAgent } from './truckAgent';
import { CONTAINER_HEIGHT, parseSlot, slotLabel, type SlotRef } from './yardGeometry';
import type { YardOccupancy } from './yardOccupancy';

/** A box to take off a truck into a slot, or out of a slot onto a truck. */
export interface YardJob {
  kind: 'stack' | 'unstack';
  jobId: string;
  boxId: string;
  truck: TruckAgent;
  /** For `stack`: the planned slot. */
  target?: SlotRef;
  /** The truck stands under the crane. */
  arrived: boolean;
  /** When the job was handed to the crane (ms epoch). */
  since: number;
}

/** What an RTG needs from the terminal around it. */
export interface YardSide {
  /** The truck was unloaded (stack) or loaded (unstack) and drives on. */
  truckServed(crane: YardCraneAgent, job: YardJob): void;
  /** Something a plan did not foresee, worth an operator's attention. */
  warn(crane: YardCraneAgent, event: string, data: Record<string, string | number>): void;
}

const GANTRY_SPEED = 2.0;
const TROLLEY_SPEED = 1.1;
const HOIST_SPEED = 0.9;
const LOCK_MS = 4000;
/** A stacking job whose slot is still not ready after this long goes to the nearest free slot. */
const REPLAN_AFTER_MS = 15 * 60_000;

/**
 * A rubber-tyred gantry crane on one block: gantries along it, runs its trolley across the rows
 * and hoists, taking boxes off trucks onto stacks and off stacks onto trucks. It serves first a
 * truck whose box can be stacked now, then a truck whose box is on top and can be loaded, and
 * picks a box ahead while its truck is still on the way.
 */
export class YardCraneAgent extends CraneAgent {
  readonly jobs: YardJob[] = [];
  private busy = false;
  private readonly travelHoist: number;
  /** The box a pre-pick holds, waiting for its truck. */
  private holding: YardJob | undefined;

  constructor(
    kernel: SimKernel,
    readonly yardSite: YardCraneSite,
    containers: ContainerBook,
    gateway: string,
    private readonly yard: YardOccupancy,
    private readonly random: Random,
    private readonly side: YardSide,
  ) {
    super(kernel, yardSite, containers, gateway);
    this.travelHoist = Math.max(yardSite.hoist.min, yardSite.hoist.max - 1.2);
  }

  get block() {
    return this.yardSite.block;
  }

  add(job: YardJob): void {
    this.jobs.push(job);
    this.next();
  }

  truckArrived(job: YardJob): void {
    job.arrived = true;
    job.truck.setState('underRtg');
    if (this.holding === job) this.setDown(job);
    else this.next();
  }

  private ms(distance: number, speed: number, fixed: number): number {
    return (Math.abs(distance) / speed + fixed) * 1000 * uniform(this.random, 0.9, 1.15);
  }

  private next(): void {
    if (this.busy) return;
    const job = this.choose();
    if (!job) {
      this.setStatus(this.jobs.length > 0 ? 'waiting' : 'idle');
      return;
    }
    this.busy = true;
    this.setStatus('working');
    if (job.kind === 'stack') this.stack(job);
    else this.unstack(job);
  }

  private choose(): YardJob | undefined {
    const now = this.kernel.now;
    for (const job of this.jobs) {
      if (job.kind !== 'stack' || !job.arrived || !job.target) continue;
      if (this.yard.whyNot(job.target) === undefined) return job;
      if (now - job.since > REPLAN_AFTER_MS) {
        const slot = this.nearestFreeSlot(job.target, this.containers.get(job.boxId).size);
        if (slot) {
          this.side.warn(this, 'slotChanged', {
            container: job.boxId,
            planned: slotLabel(job.target.block, job.target.bay, job.target.row, job.target.tier),
            actual: slotLabel(slot.block, slot.bay, slot.row, slot.tier),
          });
          job.target = slot;
          return job;
        }
      }
    }
    const ready = (j: YardJob): boolean => j.kind === 'unstack' && this.yard.isOnTop(j.boxId);
    const now2 = this.jobs.find((j) => ready(j) && j.arrived);
    if (now2) return now2;
    // Pick a box ahead of its truck only when no truck is waiting for anything.
    if (this.jobs.some((j) => j.arrived)) return undefined;
    return this.jobs.find(ready);
  }

  private nearestFreeSlot(planned: SlotRef, size: 20 | 40): SlotRef | undefined {
    const b = this.block;
    const top = { ...planned, tier: this.yard.height(b.label, planned.bay, planned.row) + 1 };
    if (this.yard.whyNot(top) === undefined) return top;
    for (let d = 0; d <= b.groundSlots; d++)
      for (const bay of [planned.bay + 2 * d, planned.bay - 2 * d])
        for (let row = 1; row <= b.rows; row++) {
          if (bay < 1 || (size === 40 ? bay % 4 !== 2 : bay % 2 !== 1)) continue;
          const s = { block: b.label, bay, row, tier: this.yard.height(b.label, bay, row) + 1 };
          if (this.yard.whyNot(s) === undefined) return s;
        }
    return undefined;
  }

  private remove(job: YardJob): void {
    const i = this.jobs.indexOf(job);
    if (i >= 0) this.jobs.splice(i, 1);
  }

  /** Over the truck lane at a bay: gantry there and bring the trolley over the lane. */
  private toLane(bay: number): { gantry: number; trolley: number; ms: number; trolleyMs: number } {
    return this.over(this.block.lanePoint(bay));
  }

  /** Gantry and trolley over a ground point, and how long each takes to get there. */
  private over([lx, lz]: [number, number]): {
    gantry: number;
    trolley: number;
    ms: number;
    trolleyMs: number;
  } {
    const gantry = this.gantryFor(lx, lz);
    const trolley = this.trolleyFor(lx, lz, gantry);
    return {
      gantry,
      trolley,
      ms: this.ms(gantry - (this.axes.gantry as number), GANTRY_SPEED, 4),
      trolleyMs: this.ms(trolley - (this.axes.trolley as number), TROLLEY_SPEED, 2),
    };
  }

  private stack(job: YardJob): void {
    const target = job.target as SlotRef;
    const box = this.containers.get(job.boxId);
    const lane = this.over(job.truck.seatPoint());
    const onTruck = SEAT_Y + CONTAINER_HEIGHT;
    const [x, y, z] = this.block.slotPosition(target.bay, target.row, target.tier);
    const gantrySlot = this.gantryFor(x, z);
    const trolleySlot = this.trolleyFor(x, z, gantrySlot);
    this.run(
      [
        {
          ms: Math.max(lane.ms, lane.trolleyMs),
          to: { gantry: lane.gantry, trolley: lane.trolley, hoist: this.travelHoist },
        },
        { ms: this.ms(this.travelHoist - onTruck, HOIST_SPEED, 2), to: { hoist: onTruck } },
        {
          ms: LOCK_MS,
          then: () => {
            job.truck.setBox(undefined);
            this.lock(box.id, { truck: '' });
            this.remove(job);
            this.side.truckServed(this, job);
          },
        },
        {
          ms: this.ms(this.travelHoist - onTruck, HOIST_SPEED, 1),
          to: { hoist: this.travelHoist },
        },
        {
          ms: Math.max(
            this.ms(trolleySlot - lane.trolley, TROLLEY_SPEED, 2),
            this.ms(gantrySlot - lane.gantry, GANTRY_SPEED, 0),
          ),
          to: { gantry: gantrySlot, trolley: trolleySlot },
        },
        { ms: this.ms(this.travelHoist - y, HOIST_SPEED, 2), to: { hoist: y + CONTAINER_HEIGHT } },
        {
          ms: LOCK_MS,
          then: () => {
            this.yard.put(box.id, target);
            this.containers.update(box.id, [x, y, z], this.block.boxHeadingDeg, {
              slot: slotLabel(target.block, target.bay, target.row, target.tier),
              truck: '',
            });
            this.unlock();
            this.countMove();
          },
        },
        { ms: this.ms(this.travelHoist - y, HOIST_SPEED, 1), to: { hoist: this.travelHoist } },
      ],
      () => {
        this.busy = false;
        this.next();
      },
    );
  }

  private unstack(job: YardJob): void {
    const box = this.containers.get(job.boxId);
    const slot = parseSlot(String(box.fields.slot ?? ''));
    if (!slot) throw new Error(`${this.id}: ${box.id} is not in a yard slot`);
    const [x, y, z] = this.block.slotPosition(slot.bay, slot.row, slot.tier);
    const gantry = this.gantryFor(x, z);
    const trolley = this.trolleyFor(x, z, gantry);
    this.run(
      [
        {
          ms: Math.max(
            this.ms(gantry - (this.axes.gantry as number), GANTRY_SPEED, 4),
            this.ms(trolley - (this.axes.trolley as number), TROLLEY_SPEED, 2),
          ),
          to: { gantry, trolley, hoist: this.travelHoist },
        },
        { ms: this.ms(this.travelHoist - y, HOIST_SPEED, 2), to: { hoist: y + CONTAINER_HEIGHT } },
        {
          ms: LOCK_MS,
          then: () => {
            this.yard.remove(box.id);
            this.lock(box.id, { slot: '' });
          },
        },
        { ms: this.ms(this.travelHoist - y, HOIST_SPEED, 1), to: { hoist: this.travelHoist } },
      ],
      () => {
        const lane = this.toLane(slot.bay);
        this.run([{ ms: lane.trolleyMs, to: { trolley: lane.trolley } }], () => {
          if (job.arrived) this.setDown(job);
          else {
            this.holding = job;
            this.setStatus('waiting');
          }
        });
      },
    );
  }

  private setDown(job: YardJob): void {
    this.holding = undefined;
    this.setStatus('working');
    const onTruck = SEAT_Y + CONTAINER_HEIGHT;
    this.run(
      [
        { ms: this.ms(this.travelHoist - onTruck, HOIST_SPEED, 3), to: { hoist: onTruck } },
        {
          ms: LOCK_MS,
          then: () => {
            this.unlock();
            job.truck.setBox(job.boxId);
            this.countMove();
            this.remove(job);
            this.side.truckServed(this, job);
          },
        },
        {
          ms: this.ms(this.travelHoist - onTruck, HOIST_SPEED, 1),
          to: { hoist: this.travelHoist },
        },
      ],
      () => {
        this.busy = false;
        this.next();
      },
    );
  }
}
