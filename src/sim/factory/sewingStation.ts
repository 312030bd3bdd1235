import type { FieldValue } from '../../config/schema';
import { pick, uniform, type Random } from '../../lib/random';
import { AssetReporter } from '../core/assetReporter';
import type { SimKernel } from '../core/simKernel';
import type { StationPlan } from '../plan/factoryPlan';
import type { Bundle } from './bundle';

/** Sewing-machine faults: code, what it is, and how long a mechanic takes (min). */
const FAULTS = [
  { code: 'E21', what: 'thread break', repair: [1, 3] },
  { code: 'E11', what: 'needle break', repair: [3, 8] },
  { code: 'E31', what: 'motor overload', repair: [6, 15] },
  { code: 'E41', what: 'trimmer fault', repair: [4, 10] },
] as const;
/** Mean stitching time between faults, ms. */
const MTBF_MS = 5 * 3600_000;
/**
 * The handwheel is reported every second while the needle runs: a part turning in place, not an
 * asset moving about (those go every half second); 190 machines at 2 Hz would double the
 * factory's message rate for a blur no one can read. A preview sampling moving assets more
 * coarsely samples the handwheel as coarsely (the pieces and their times stay the same).
 */
const STITCH_SAMPLE_MS = 1000;
/** Share of a piece's time the needle runs; the rest is picking up, aligning, laying aside. */
const STITCHING_SHARE = 0.55;

/** What a station needs from its line. */
export interface StationLine {
  /** The next bundle for this station's operation, if one waits. */
  take(station: SewingStation): Bundle | undefined;
  /** A finished bundle for the next operation; false when its buffer is full (blocked). */
  give(station: SewingStation, bundle: Bundle): boolean;
  piecesDone(station: SewingStation, bundle: Bundle): void;
}

/**
 * One sewing machine and its operator: takes a bundle from its operation's buffer and sews it
 * piece by piece — handling, then stitching at a few thousand stitches a minute — at the standard
 * minutes divided by the operator's efficiency; idle when starved or blocked; now and then a fault
 * that a mechanic clears. While stitching, the handwheel turns and is reported every half second.
 */
export class SewingStation {
  readonly reporter: AssetReporter;
  private bundle: Bundle | undefined;
  private piece = 0;
  private stitchStart = 0;
  private stitchEnd = 0;
  private spm = 0;
  private angle = 0;
  /** Stitching time, ms (for KPIs and tests). */
  stitchingMs = 0;
  /** Share of its operator's planned pace this station works at now (a stand-in is slower). */
  pace = 1;
  /** Time the current bundle's pieces took to sew, ms (faults and waiting not counted). */
  private bundleWorkMs = 0;
  private get sampleMs(): number {
    return Math.max(STITCH_SAMPLE_MS, this.kernel.movingSampleMs);
  }

  constructor(
    private readonly kernel: SimKernel,
    readonly plan: StationPlan,
    readonly smv: number,
    readonly operationName: string,
    type: string,
    fields: Record<string, FieldValue>,
    gateway: string,
    private readonly random: Random,
    private readonly line: StationLine,
  ) {
    this.reporter = new AssetReporter(
      kernel,
      { id: plan.machineId, type, gateway, heartbeat: true },
      {
        ...fields,
        operation: operationName,
        smv,
        operator: plan.operator,
        status: 'idle',
        idleReason: 'starved',
        faultCode: '',
        speed: 0,
        pieces: 0,
        handwheelDeg: 0,
        efficiency: Math.round(plan.efficiency * 100),
      },
      undefined,
    );
  }

  get id(): string {
    return this.plan.machineId;
  }

  get busy(): boolean {
    return this.bundle !== undefined;
  }

  private set(fields: Record<string, FieldValue>): void {
    Object.assign(this.reporter.fields, fields);
    this.reporter.sample();
  }

  /** Looks for work when idle (called by the line when a bundle arrives or room frees up). */
  wake(): void {
    if (this.bundle) return;
    const b = this.line.take(this);
    if (!b) {
      this.set({ status: 'idle', idleReason: 'starved', speed: 0 });
      return;
    }
    this.bundle = b;
    this.piece = 0;
    this.bundleWorkMs = 0;
    this.nextPiece();
  }

  private nextPiece(): void {
    const b = this.bundle;
    if (!b) return;
    if (this.piece >= b.pieces) {
      // Operator efficiency as bundle-scanning systems report it: earned standard minutes over
      // the minutes the bundle took to sew.
      if (this.bundleWorkMs > 0)
        this.reporter.fields.efficiency = Math.round(
          (b.pieces * this.smv * 60_000 * 100) / this.bundleWorkMs,
        );
      this.line.piecesDone(this, b);
      this.handOn();
      return;
    }
    const cycleMs =
      ((this.smv * 60_000) / (this.plan.efficiency * this.pace)) * uniform(this.random, 0.9, 1.1);
    const stitchMs = cycleMs * STITCHING_SHARE;
    if (this.random() < stitchMs / MTBF_MS) {
      this.fault();
      return;
    }
    this.bundleWorkMs += cycleMs;
    this.set({ status: 'handling', idleReason: '', speed: 0 });
    this.kernel.after(cycleMs - stitchMs, () => this.stitch(stitchMs));
  }

  private stitch(ms: number): void {
    // Speeds that are not whole turns per sample, so the reported handwheel visibly turns.
    this.spm = 100 * Math.round(uniform(this.random, 24, 38)) + 7;
    this.stitchStart = this.kernel.now;
    this.stitchEnd = this.kernel.now + Math.round(ms);
    this.set({ status: 'stitching', speed: this.spm });
    this.kernel.at(Math.min(this.stitchStart + this.sampleMs, this.stitchEnd), this.tick);
  }

  private readonly tick = (): void => {
    const now = this.kernel.now;
    const turns = ((now - this.stitchStart) / 60_000) * this.spm;
    const angle = (this.angle + (turns % 1) * 360) % 360;
    this.reporter.fields.handwheelDeg = Math.round(angle * 10) / 10;
    if (now >= this.stitchEnd) {
      this.angle = angle;
      this.stitchingMs += this.stitchEnd - this.stitchStart;
      this.piece++;
      this.reporter.fields.pieces = Number(this.reporter.fields.pieces) + 1;
      this.reporter.sample();
      this.nextPiece();
      return;
    }
    this.reporter.sampleField('handwheelDeg');
    this.kernel.at(Math.min(now + this.sampleMs, this.stitchEnd), this.tick);
  };

  private fault(): void {
    const f = pick(this.random, FAULTS);
    const repairMs = uniform(this.random, f.repair[0], f.repair[1]) * 60_000;
    this.set({ status: 'fault', faultCode: f.code, speed: 0 });
    this.event('fault', f.what === 'thread break' ? 'info' : 'warning', f.code, { what: f.what });
    this.kernel.after(repairMs, () => {
      this.set({ faultCode: '' });
      this.event('faultCleared', 'info', f.code, { repairS: Math.round(repairMs / 1000) });
      this.nextPiece();
    });
  }

  private event(
    event: string,
    severity: 'info' | 'warning',
    code: string,
    data: Record<string, FieldValue>,
  ): void {
    if (this.reporter.gateway === '') return;
    this.kernel.emit({
      kind: 'event',
      t: this.kernel.now,
      gateway: this.reporter.gateway,
      assetId: this.id,
      assetType: this.reporter.type,
      event,
      severity,
      code,
      data,
    });
  }

  private handOn(): void {
    const b = this.bundle;
    if (!b) return;
    if (!this.line.give(this, b)) {
      this.set({ status: 'idle', idleReason: 'blocked', speed: 0 });
      return;
    }
    this.bundle = undefined;
    this.wake();
  }

  /** Room freed downstream: a blocked station hands its bundle on. */
  unblock(): void {
    if (this.bundle && this.piece >= this.bundle.pieces) this.handOn();
  }
}
