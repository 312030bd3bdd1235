import type { Point2 } from '../core/geometry';
import type { TruckPlan } from '../plan/terminalPlan';
import type { QuayCraneAgent, QuayMove } from './quayCraneAgent';
import type { TruckAgent } from './truckAgent';

/** Trucks a quay crane keeps coming: on their way, queued or under it. */
export const LOOKAHEAD = 6;

/** Where a truck must go first for a move, to judge which free truck is nearest. */
export type FirstStop = (crane: QuayCraneAgent, move: QuayMove) => Point2;

/**
 * Hands moves to trucks: each quay crane keeps LOOKAHEAD trucks coming for its next moves in
 * order; the crane with the fewest trucks coming is served first, by the nearest free truck
 * (`pooled`) or the nearest free truck of its own gang (`dedicated`).
 */
export class TruckDispatcher {
  private readonly free: TruckAgent[] = [];
  private readonly gangOf = new Map<string, string>();

  constructor(
    private readonly cranes: readonly QuayCraneAgent[],
    private readonly plan: TruckPlan,
    private readonly firstStop: FirstStop,
    private readonly assign: (truck: TruckAgent, crane: QuayCraneAgent, move: QuayMove) => void,
  ) {
    if (plan.policy === 'dedicated')
      for (const [crane, trucks] of Object.entries(plan.gangs ?? {}))
        for (const t of trucks) this.gangOf.set(t, crane);
  }

  release(truck: TruckAgent): void {
    if (!this.free.includes(truck)) this.free.push(truck);
  }

  /** Assigns as many moves as free trucks allow. */
  dispatch(): void {
    for (;;) {
      const wanting = this.cranes
        .filter((c) => c.active && c.assigned.size < LOOKAHEAD && c.dispatched < c.moves.length)
        .sort((a, b) => a.assigned.size - b.assigned.size);
      let assigned = false;
      for (const crane of wanting) {
        const move = crane.moves[crane.dispatched] as QuayMove;
        const truck = this.nearest(crane, this.firstStop(crane, move));
        if (!truck) continue;
        this.free.splice(this.free.indexOf(truck), 1);
        crane.dispatched++;
        crane.assigned.add(truck);
        this.assign(truck, crane, move);
        assigned = true;
      }
      if (!assigned) return;
    }
  }

  private nearest(crane: QuayCraneAgent, to: Point2): TruckAgent | undefined {
    let best: TruckAgent | undefined;
    let bestD = Infinity;
    for (const t of this.free) {
      if (this.plan.policy === 'dedicated' && this.gangOf.get(t.id) !== crane.id) continue;
      const d = Math.hypot(t.position[0] - to[0], t.position[1] - to[1]);
      if (d < bestD) {
        bestD = d;
        best = t;
      }
    }
    return best;
  }
}
