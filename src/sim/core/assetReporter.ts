import type { FieldValue } from '../../config/schema';
import type { SimState } from '../simOutput';
import type { SimKernel } from './simKernel';

/** How often an asset that has not changed is reported anyway. */
export const HEARTBEAT_MS = 10_000;
/** Sampling period of anything that moves. */
export const MOVING_SAMPLE_MS = 500;

/** A pose as sampled: site metres and compass heading; speed in m/s for vehicles. */
export interface SampledPose {
  position: readonly [number, number, number];
  headingDeg: number;
  speed?: number;
}

/** What a reporter needs to know about an asset. */
export interface ReportedAssetSpec {
  id: string;
  type: string;
  gateway: string;
  /** Report unchanged values every HEARTBEAT_MS (false for a TOS's thousands of boxes). */
  heartbeat: boolean;
}

/** Shared by every sample that changed no field (a pose alone): read-only. */
const NO_FIELDS: Record<string, FieldValue> = Object.freeze({}) as Record<string, FieldValue>;

const mm = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * One asset as its gateway samples it: keeps what was last sent so a sample carries only the
 * fields that changed (all of them the first time), and sends a heartbeat when nothing has been
 * sent for HEARTBEAT_MS. Values are rounded to what a gateway would send (mm, 0.1°).
 */
export class AssetReporter {
  readonly id: string;
  readonly type: string;
  readonly gateway: string;
  /** Current field values; agents mutate these and call `sample()`. */
  readonly fields: Record<string, FieldValue>;
  private readonly heartbeat: boolean;
  private readonly sent: Record<string, FieldValue> = {};
  private sentX = NaN;
  private sentY = NaN;
  private sentZ = NaN;
  private sentHeading: number | undefined;
  private sentSpeed: number | undefined;
  private lastSentAt = -Infinity;
  private heartbeatPending = false;
  private everSent = false;

  constructor(
    private readonly kernel: SimKernel,
    spec: ReportedAssetSpec,
    fields: Record<string, FieldValue>,
    private pose: SampledPose | undefined,
  ) {
    this.id = spec.id;
    this.type = spec.type;
    this.gateway = spec.gateway;
    this.fields = { ...fields };
    this.heartbeat = spec.heartbeat;
  }

  /** Current pose (for assets that have one). */
  get currentPose(): SampledPose | undefined {
    return this.pose;
  }

  setPose(pose: SampledPose): void {
    this.pose = pose;
  }

  /** Moves the asset, reusing its pose (hot path: every half second of every moving asset). */
  moveTo(x: number, y: number, z: number, headingDeg: number, speed?: number): void {
    let pose = this.movable;
    if (!pose) {
      pose = { position: [x, y, z], headingDeg };
      this.movable = pose;
    }
    pose.position[0] = x;
    pose.position[1] = y;
    pose.position[2] = z;
    pose.headingDeg = headingDeg;
    pose.speed = speed;
    this.pose = pose;
  }

  private movable:
    { position: [number, number, number]; headingDeg: number; speed?: number } | undefined;

  /** Sends what changed since the last sample (everything the first time); nothing if nothing did. */
  sample(): void {
    this.send(!this.everSent);
  }

  /**
   * Sends one field if it changed, for an agent whose other fields cannot have changed since its
   * last sample (a turning handwheel: a few million samples in a preview of a large factory, each
   * otherwise a walk over every field). Anything else changed goes with the next `sample()`.
   */
  sampleField(key: string): void {
    if (!this.everSent) {
      this.sample();
      return;
    }
    const value = this.fields[key] as FieldValue;
    if (this.gateway === '' || this.sent[key] === value) return;
    this.sent[key] = value;
    const now = this.kernel.now;
    this.kernel.emit({
      kind: 'state',
      t: now,
      gateway: this.gateway,
      assetId: this.id,
      assetType: this.type,
      fields: { [key]: value },
    });
    this.lastSentAt = now;
    if (this.heartbeat && !this.heartbeatPending) this.scheduleHeartbeat(now);
  }

  /** Starts the heartbeat without sending (for assets first reported only when they change). */
  startHeartbeat(): void {
    this.scheduleHeartbeat(this.kernel.now);
  }

  private send(full: boolean): void {
    // An asset no gateway reports is simulated but never heard of.
    if (this.gateway === '') return;
    const fields = this.fields;
    const sent = this.sent;
    let changed: Record<string, FieldValue> | undefined;
    for (const key in fields) {
      const value = fields[key] as FieldValue;
      if (full || sent[key] !== value) {
        (changed ??= {})[key] = value;
        sent[key] = value;
      }
    }
    const now = this.kernel.now;
    const out: SimState = {
      kind: 'state',
      t: now,
      gateway: this.gateway,
      assetId: this.id,
      assetType: this.type,
      fields: changed ?? NO_FIELDS,
    };
    let any = changed !== undefined;
    const pose = this.pose;
    if (pose) {
      const x = mm(pose.position[0]);
      const y = mm(pose.position[1]);
      const z = mm(pose.position[2]);
      if (full || x !== this.sentX || y !== this.sentY || z !== this.sentZ) {
        out.position = [x, y, z];
        this.sentX = x;
        this.sentY = y;
        this.sentZ = z;
        any = true;
      }
      const h = (Math.round((((pose.headingDeg % 360) + 360) % 360) * 10) / 10) % 360;
      if (full || h !== this.sentHeading) {
        out.headingDeg = h;
        this.sentHeading = h;
        any = true;
      }
      if (pose.speed !== undefined) {
        const v = Math.round(pose.speed * 100) / 100;
        if (full || v !== this.sentSpeed) {
          out.speed = v;
          this.sentSpeed = v;
          any = true;
        }
      }
    }
    if (!any) return;
    this.kernel.emit(out);
    this.everSent = true;
    this.lastSentAt = now;
    if (this.heartbeat && !this.heartbeatPending) this.scheduleHeartbeat(now);
  }

  private scheduleHeartbeat(from: number): void {
    this.heartbeatPending = true;
    this.kernel.at(from + HEARTBEAT_MS, this.beat);
  }

  private readonly beat = (): void => {
    this.heartbeatPending = false;
    if (this.kernel.now - this.lastSentAt >= HEARTBEAT_MS) this.send(true);
    else this.scheduleHeartbeat(this.lastSentAt);
  };
}
