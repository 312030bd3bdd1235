import type { AssetConfig, FieldValue } from '../../config/schema';
import { uniform, type Random } from '../../lib/random';
import { AssetReporter } from '../core/assetReporter';
import { forwardOf, type Point2 } from '../core/geometry';
import { PathMotion, type PathSample } from '../core/pathMotion';
import type { RoadGraph } from '../core/roadGraph';
import type { SimKernel } from '../core/simKernel';
import type { ContainerBook } from './containerBook';

/** Where a box sits on the chassis of the bundled truck model: metres along its +x, and height. */
export const SEAT_X = -1.9;
export const SEAT_Y = 1.45;

/** Truck statuses, as its `status` field reports them. */
export type TruckStatus =
  'waiting' | 'toQuay' | 'queued' | 'underCrane' | 'toYard' | 'underRtg' | 'fault';

const MS_TO_KMH = 3.6;

/**
 * An internal truck: drives the road network at 5–8 m/s (slower through turns), reports position,
 * heading and speed every half second while it moves, and carries one box, which moves with it.
 */
export class TruckAgent {
  readonly reporter: AssetReporter;
  position: Point2;
  headingDeg: number;
  box: string | undefined;
  private readonly sample: PathSample = { x: 0, z: 0, headingDeg: 0, speed: 0 };
  private readonly boxPos: [number, number, number] = [0, 0, 0];
  /** Distance driven, m (for the tests and KPIs). */
  odometer = 0;

  constructor(
    private readonly kernel: SimKernel,
    asset: AssetConfig,
    fields: Record<string, FieldValue>,
    gateway: string,
    private readonly roads: RoadGraph,
    private readonly containers: ContainerBook,
    private readonly random: Random,
  ) {
    const p = asset.pose?.position ?? [0, 0, 0];
    this.position = [p[0], p[2]];
    this.headingDeg = asset.pose?.headingDeg ?? 90;
    const boxId = fields.laden === true ? String(fields.containerId ?? '') : '';
    this.box = boxId !== '' && containers.has(boxId) ? boxId : undefined;
    this.reporter = new AssetReporter(
      kernel,
      { id: asset.id, type: asset.type, gateway, heartbeat: true },
      {
        ...fields,
        status: 'waiting',
        speed: 0,
        laden: this.box !== undefined,
        containerId: this.box ?? '',
        job: '',
        crane: '',
        faultCode: '',
      },
      { position: [p[0], 0, p[2]], headingDeg: this.headingDeg, speed: 0 },
    );
  }

  get id(): string {
    return this.reporter.id;
  }

  get status(): TruckStatus {
    return this.reporter.fields.status as TruckStatus;
  }

  /** Reports a new status; `job` and `crane` (the quay crane it works for) when they change. */
  setState(status: TruckStatus, job?: string, crane?: string): void {
    const f = this.reporter.fields;
    f.status = status;
    if (job !== undefined) f.job = job;
    if (crane !== undefined) f.crane = crane;
    this.reporter.sample();
  }

  /** Broken down where it stands (`code`), or repaired (`''`). */
  setFault(code: string): void {
    const f = this.reporter.fields;
    f.faultCode = code;
    f.status = code === '' ? 'waiting' : 'fault';
    if (code !== '') {
      f.job = '';
      f.crane = '';
    }
    this.reporter.sample();
  }

  /** Drives somewhere off the job (a wrong turn), then calls `arrived`. */
  driveTo(point: Point2, arrived: () => void): void {
    this.drive(this.roads.route(this.position, point), arrived);
  }

  /** Takes a box onto the chassis (or gives it up with undefined). */
  setBox(boxId: string | undefined): void {
    this.box = boxId;
    const f = this.reporter.fields;
    f.laden = boxId !== undefined;
    f.containerId = boxId ?? '';
    this.reporter.sample();
    if (boxId) this.placeBox();
  }

  /** Ground point under the box seat, for a crane to aim at. */
  seatPoint(): Point2 {
    const [fx, fz] = forwardOf(this.headingDeg);
    return [this.position[0] + fx * SEAT_X, this.position[1] + fz * SEAT_X];
  }

  /**
   * Drives so the box seat ends over `seat` (a point on a lane), stopping `back` metres short
   * of it (a place in a queue); then calls `arrived`.
   */
  driveToSeat(seat: Point2, back: number, arrived: () => void): void {
    const path = this.roads.route(this.position, seat);
    const last = path[path.length - 1] as Point2;
    const prev = path[path.length - 2] ?? this.position;
    const dx = last[0] - prev[0];
    const dz = last[1] - prev[1];
    const len = Math.hypot(dx, dz) || 1;
    // The truck's centre stands ahead of its seat by the seat offset, less any queue gap.
    const shift = Math.max(-SEAT_X - back, -(len - 0.1));
    path[path.length - 1] = [last[0] + (dx / len) * shift, last[1] + (dz / len) * shift];
    this.drive(path, arrived);
  }

  private motion: PathMotion | undefined;
  private arrived: () => void = () => {};

  private drive(path: Point2[], arrived: () => void): void {
    const style = { maxSpeed: uniform(this.random, 5, 8), turnSpeed: 2.5, accel: 0.8 };
    const motion = new PathMotion(path, this.kernel.now, style, this.headingDeg);
    this.odometer += motion.length;
    this.motion = motion;
    this.arrived = arrived;
    this.kernel.at(Math.min(this.kernel.now + this.kernel.movingSampleMs, motion.endT), this.tick);
  }

  private readonly tick = (): void => {
    const motion = this.motion;
    if (!motion) return;
    const now = this.kernel.now;
    if (now >= motion.endT) {
      this.motion = undefined;
      this.moveTo(motion.end[0], motion.end[1], motion.finalHeadingDeg, 0);
      this.arrived();
      return;
    }
    motion.sampleAt(now, this.sample);
    this.moveTo(this.sample.x, this.sample.z, this.sample.headingDeg, this.sample.speed);
    this.kernel.at(Math.min(now + this.kernel.movingSampleMs, motion.endT), this.tick);
  };

  private moveTo(x: number, z: number, headingDeg: number, speed: number): void {
    this.position = [x, z];
    this.headingDeg = headingDeg;
    const r = this.reporter;
    r.fields.speed = Math.round(speed * MS_TO_KMH * 10) / 10;
    r.moveTo(x, 0, z, headingDeg, speed);
    r.sample();
    if (this.box) this.placeBox();
  }

  private placeBox(): void {
    if (!this.box) return;
    const [sx, sz] = this.seatPoint();
    this.boxPos[0] = sx;
    this.boxPos[1] = SEAT_Y;
    this.boxPos[2] = sz;
    this.containers.update(this.box, this.boxPos, this.headingDeg, { truck: this.id });
  }
}
