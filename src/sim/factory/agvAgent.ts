import type { AssetConfig, FieldValue } from '../../config/schema';
import { AssetReporter } from '../core/assetReporter';
import type { Point2 } from '../core/geometry';
import { PathMotion, type PathSample } from '../core/pathMotion';
import type { RoadGraph } from '../core/roadGraph';
import type { SimKernel } from '../core/simKernel';

/** Battery use and charge, % per minute. */
const DRAIN_MOVING = 0.3;
const DRAIN_IDLE = 0.03;
const CHARGE = 1.5;
const STYLE = { maxSpeed: 1.2, turnSpeed: 0.5, accel: 0.5 };

/**
 * An AGV on the aisles: drives at up to 1.2 m/s (slower through turns), reports position,
 * heading, speed and battery every half second while it moves, drains its battery moving and
 * charges it at its spot in the charging area.
 */
export class AgvAgent {
  readonly reporter: AssetReporter;
  position: Point2;
  headingDeg: number;
  private battery: number;
  private batteryAt: number;
  private rate = -DRAIN_IDLE;
  private motion: PathMotion | undefined;
  private arrived: () => void = () => {};
  private readonly sample: PathSample = { x: 0, z: 0, headingDeg: 0, speed: 0 };
  /** Has a task or is on its way to charge. */
  busy = false;

  constructor(
    private readonly kernel: SimKernel,
    asset: AssetConfig,
    fields: Record<string, FieldValue>,
    gateway: string,
    private readonly aisles: RoadGraph,
    /** Its own spot in the charging area. */
    readonly chargingSpot: Point2,
  ) {
    const p = asset.pose?.position ?? [0, 0, 0];
    this.position = [p[0], p[2]];
    this.headingDeg = asset.pose?.headingDeg ?? 90;
    this.battery = Number(fields.battery ?? 80);
    this.batteryAt = kernel.now;
    this.reporter = new AssetReporter(
      kernel,
      { id: asset.id, type: asset.type, gateway, heartbeat: true },
      { ...fields, status: 'idle', battery: this.battery, load: '', task: '', speed: 0 },
      { position: [p[0], 0, p[2]], headingDeg: this.headingDeg, speed: 0 },
    );
  }

  get id(): string {
    return this.reporter.id;
  }

  /** Battery now, %. */
  get charge(): number {
    const b = this.battery + (this.rate * (this.kernel.now - this.batteryAt)) / 60_000;
    return Math.min(100, Math.max(0, b));
  }

  private setRate(rate: number): void {
    this.battery = this.charge;
    this.batteryAt = this.kernel.now;
    this.rate = rate;
  }

  set(fields: Record<string, FieldValue>): void {
    Object.assign(this.reporter.fields, fields);
    this.reporter.fields.battery = Math.round(this.charge * 10) / 10;
    this.reporter.sample();
  }

  /** Starts charging; calls `full` when the battery reaches `until` %. */
  startCharging(until: number, full: () => void): void {
    this.setRate(CHARGE);
    this.set({ status: 'charging', task: 'charge', speed: 0 });
    const ms = ((until - this.charge) / CHARGE) * 60_000;
    this.kernel.after(Math.max(1000, ms), () => {
      this.setRate(-DRAIN_IDLE);
      this.set({ status: 'idle', task: '' });
      full();
    });
  }

  /** Drives along the aisles to `to`, then calls `arrived`. */
  driveTo(to: Point2, arrived: () => void): void {
    const path = this.aisles.route(this.position, to);
    const motion = new PathMotion(path, this.kernel.now, STYLE, this.headingDeg);
    this.motion = motion;
    this.arrived = arrived;
    this.setRate(-DRAIN_MOVING);
    this.set({ status: 'moving' });
    this.kernel.at(Math.min(this.kernel.now + this.kernel.movingSampleMs, motion.endT), this.tick);
  }

  private readonly tick = (): void => {
    const motion = this.motion;
    if (!motion) return;
    const now = this.kernel.now;
    if (now >= motion.endT) {
      this.motion = undefined;
      this.moveTo(motion.end[0], motion.end[1], motion.finalHeadingDeg, 0);
      this.setRate(-DRAIN_IDLE);
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
    r.fields.speed = Math.round(speed * 100) / 100;
    r.fields.battery = Math.round(this.charge * 10) / 10;
    r.moveTo(x, 0, z, headingDeg, speed);
    r.sample();
  }
}
