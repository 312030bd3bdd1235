import type { FieldValue } from '../../config/schema';
import { AssetReporter } from '../core/assetReporter';
import { PhasedMover, type Phase } from '../core/phasedMover';
import type { SimKernel } from '../core/simKernel';
import type { ContainerBook } from './containerBook';
import type { CraneSite } from './terminalSite';
import { CONTAINER_HEIGHT } from './yardGeometry';

const mm = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * What quay cranes and RTGs share: a gantry along their rails or lane, a trolley, a hoisted
 * spreader, twistlocks — and the box on the spreader, which follows it.
 */
export class CraneAgent {
  readonly reporter: AssetReporter;
  readonly mover: PhasedMover;
  /** Box on the spreader. */
  carrying: string | undefined;
  private readonly carryPos: [number, number, number] = [0, 0, 0];

  constructor(
    readonly kernel: SimKernel,
    readonly site: CraneSite,
    readonly containers: ContainerBook,
    gateway: string,
    extraFields: Record<string, FieldValue> = {},
  ) {
    const f = site.fields;
    this.mover = new PhasedMover(
      kernel,
      { gantry: 0, trolley: Number(f.trolley ?? 0), hoist: Number(f.hoist ?? site.hoist.max) },
      () => this.sampleMotion(),
    );
    this.reporter = new AssetReporter(
      kernel,
      { id: site.asset.id, type: site.asset.type, gateway, heartbeat: true },
      {
        ...f,
        trolley: mm(this.mover.axes.trolley as number),
        hoist: mm(this.mover.axes.hoist as number),
        status: 'idle',
        moves: 0,
        locked: false,
        ...extraFields,
      },
      { position: this.basePosition(), headingDeg: site.headingDeg },
    );
  }

  get id(): string {
    return this.site.asset.id;
  }

  get axes(): Record<string, number> {
    return this.mover.axes;
  }

  /** Gantry coordinate that puts the trolley line over a ground point. */
  gantryFor(x: number, z: number): number {
    const s = this.site;
    return (x - s.origin[0]) * s.gantryAxis[0] + (z - s.origin[1]) * s.gantryAxis[1];
  }

  /** Trolley value over a ground point, with the gantry at `gantry`. */
  trolleyFor(x: number, z: number, gantry = this.axes.gantry as number): number {
    const s = this.site;
    const bx = s.origin[0] + gantry * s.gantryAxis[0];
    const bz = s.origin[1] + gantry * s.gantryAxis[1];
    const t = (x - bx) * s.trolleyAxis[0] + (z - bz) * s.trolleyAxis[1];
    return Math.min(s.trolley.max, Math.max(s.trolley.min, t));
  }

  /** Ground point under the spreader for a gantry and trolley. */
  pointAt(gantry: number, trolley: number): [number, number] {
    const s = this.site;
    return [
      s.origin[0] + gantry * s.gantryAxis[0] + trolley * s.trolleyAxis[0],
      s.origin[1] + gantry * s.gantryAxis[1] + trolley * s.trolleyAxis[1],
    ];
  }

  basePosition(): [number, number, number] {
    const s = this.site;
    const g = this.mover?.axes.gantry ?? 0;
    return [s.origin[0] + g * s.gantryAxis[0], 0, s.origin[1] + g * s.gantryAxis[1]];
  }

  setStatus(status: string): void {
    if (this.reporter.fields.status === status) return;
    this.reporter.fields.status = status;
    this.reporter.sample();
  }

  /** Locks onto a box: from now on it rides on the spreader. */
  lock(boxId: string, fields?: Record<string, FieldValue>): void {
    this.carrying = boxId;
    this.reporter.fields.locked = true;
    this.reporter.sample();
    this.moveCarried(fields);
  }

  /** Opens the twistlocks; the box stays where it was put. */
  unlock(): void {
    this.carrying = undefined;
    this.reporter.fields.locked = false;
    this.reporter.sample();
  }

  countMove(): void {
    this.reporter.fields.moves = Number(this.reporter.fields.moves ?? 0) + 1;
    this.reporter.sample();
  }

  run(phases: readonly Phase[], done: () => void): void {
    this.mover.run(phases, done);
  }

  private sampleMotion(): void {
    const r = this.reporter;
    r.fields.trolley = mm(this.axes.trolley as number);
    r.fields.hoist = mm(this.axes.hoist as number);
    const s = this.site;
    const g = this.axes.gantry as number;
    r.moveTo(s.origin[0] + g * s.gantryAxis[0], 0, s.origin[1] + g * s.gantryAxis[1], s.headingDeg);
    r.sample();
    this.moveCarried();
  }

  private moveCarried(fields?: Record<string, FieldValue>): void {
    if (!this.carrying) return;
    const [x, z] = this.pointAt(this.axes.gantry as number, this.axes.trolley as number);
    this.carryPos[0] = x;
    this.carryPos[1] = (this.axes.hoist as number) - CONTAINER_HEIGHT;
    this.carryPos[2] = z;
    const box = this.containers.get(this.carrying);
    this.containers.update(this.carrying, this.carryPos, box.headingDeg, fields);
  }
}
