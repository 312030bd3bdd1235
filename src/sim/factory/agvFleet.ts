import type { Point2 } from '../core/geometry';
import type { SimKernel } from '../core/simKernel';
import type { AgvAgent } from './agvAgent';

/** A trip: pick up at `from`, drop at `to`. */
export interface AgvTask {
  id: string;
  /** Shown in the AGV's `task` field. */
  label: string;
  /** The sewing line it serves, shown in the AGV's `line` field ('' for none). */
  line: string;
  from: Point2;
  to: Point2;
  /** What it carries, shown in `load`; decided at pick-up. */
  pickUp: () => string;
  drop: () => void;
}

const HANDLING_MS = 20_000;
/** Below this an AGV goes to charge after its trip; it charges up to FULL. */
const LOW = 30;
const FULL = 90;

/**
 * Hands trips to AGVs in the order they were asked for, each to the nearest free AGV with
 * battery enough; an AGV running low goes to its charging spot after its trip.
 */
export class AgvFleet {
  private readonly queue: AgvTask[] = [];

  constructor(
    private readonly kernel: SimKernel,
    readonly agvs: readonly AgvAgent[],
    /** Whether the AGV of a delivery to a line, just loaded, gets stuck now, and for how long. */
    private readonly stuck: (task: AgvTask) => number = () => 0,
  ) {}

  request(task: AgvTask): void {
    this.queue.push(task);
    this.dispatch();
  }

  start(): void {
    for (const agv of this.agvs) if (agv.charge < LOW) this.goCharge(agv);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const task = this.queue[0] as AgvTask;
      let best: AgvAgent | undefined;
      let bestD = Infinity;
      for (const agv of this.agvs) {
        if (agv.busy) continue;
        if (agv.charge < LOW) {
          this.goCharge(agv);
          continue;
        }
        const d = Math.hypot(agv.position[0] - task.from[0], agv.position[1] - task.from[1]);
        if (d < bestD) {
          bestD = d;
          best = agv;
        }
      }
      if (!best) return;
      this.queue.shift();
      this.run(best, task);
    }
  }

  private run(agv: AgvAgent, task: AgvTask): void {
    agv.busy = true;
    agv.set({ task: task.label, line: task.line, load: '' });
    agv.driveTo(task.from, () => {
      agv.set({ status: 'loading', speed: 0 });
      this.kernel.after(HANDLING_MS, () => {
        agv.set({ load: task.pickUp() });
        const deliver = () =>
          agv.driveTo(task.to, () => {
            agv.set({ status: 'unloading', speed: 0 });
            this.kernel.after(HANDLING_MS, () => {
              task.drop();
              agv.set({ status: 'idle', load: '', task: '', line: '' });
              if (agv.charge < LOW) this.goCharge(agv);
              else agv.busy = false;
              this.dispatch();
            });
          });
        // Now and then the aisle out of the cutting room is blocked (a pallet, a trolley).
        const blockedMs = this.stuck(task);
        if (blockedMs <= 0) return deliver();
        agv.set({ status: 'blocked', speed: 0 });
        this.kernel.after(blockedMs, deliver);
      });
    });
  }

  private goCharge(agv: AgvAgent): void {
    agv.busy = true;
    agv.set({ task: 'to charger', line: '' });
    agv.driveTo(agv.chargingSpot, () =>
      agv.startCharging(FULL, () => {
        agv.busy = false;
        this.dispatch();
      }),
    );
  }
}
