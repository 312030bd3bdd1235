import type { FieldValue } from '../../config/schema';
import type { Random } from '../../lib/random';
import type { SimKernel } from '../core/simKernel';
import type { LinePlan } from '../plan/factoryPlan';
import type { Bundle } from './bundle';
import { SewingStation, type StationLine } from './sewingStation';

/** Bundles that may wait for one operation before the one upstream is blocked. */
const BUFFER_BUNDLES = 3;

/** A machine as the config describes it, for the station to report. */
export interface MachineInfo {
  type: string;
  fields: Record<string, FieldValue>;
  gateway: string;
}

/**
 * One sewing line: a buffer of bundles before each operation, the stations that work it, and
 * the finished bundles at the end waiting for an AGV. Bundles go through the operations in the
 * plan's order (a precedence-respecting order).
 */
export class SewingLine implements StationLine {
  readonly stations: SewingStation[] = [];
  private readonly queues: Bundle[][];
  private readonly byOp: SewingStation[][];
  private readonly opIndex = new Map<SewingStation, number>();
  private readonly blocked: SewingStation[][];
  /** Finished bundles waiting to be collected. */
  readonly finished: Bundle[] = [];
  /** Bundles completed by the last operation: when, and how many pieces. */
  readonly output: { t: number; pieces: number }[] = [];
  /** Every bundle that entered the line. */
  readonly bundles: Bundle[] = [];
  private nextBundle = 1;

  constructor(
    private readonly kernel: SimKernel,
    readonly plan: LinePlan,
    machines: ReadonlyMap<string, MachineInfo>,
    random: Random,
    private readonly bundleSize: number,
    /** Called when the head buffer runs low or a finished bundle waits. */
    private readonly onChange: (line: SewingLine) => void,
  ) {
    const n = plan.operations.length;
    this.queues = Array.from({ length: n }, () => []);
    this.byOp = Array.from({ length: n }, () => []);
    this.blocked = Array.from({ length: n }, () => []);
    for (const s of plan.stations) {
      const k = plan.operations.findIndex((o) => o.id === s.operationId);
      const op = plan.operations[k];
      const machine = machines.get(s.machineId);
      if (!op || !machine) continue;
      const station = new SewingStation(
        kernel,
        s,
        op.smv,
        op.name,
        machine.type,
        machine.fields,
        machine.gateway,
        random,
        this,
      );
      this.stations.push(station);
      this.byOp[k]?.push(station);
      this.opIndex.set(station, k);
    }
  }

  get id(): string {
    return this.plan.lineId;
  }

  /** Bundles waiting for the first operation. */
  get headBundles(): number {
    return this.queues[0]?.length ?? 0;
  }

  newBundle(enteredAt: number): Bundle {
    const b: Bundle = {
      id: `B-${this.id}-${String(this.nextBundle++).padStart(4, '0')}`,
      lineId: this.id,
      pieces: this.bundleSize,
      done: [],
      enteredAt,
    };
    this.bundles.push(b);
    return b;
  }

  /** Work in progress as the shift starts: `perOp` bundles before every operation. */
  seed(perOp: number): void {
    this.queues.forEach((q, k) => {
      for (let i = 0; i < perOp; i++) q.push(this.newBundle(k));
    });
  }

  /** Bundles delivered to the line head. */
  feed(bundles: Bundle[]): void {
    this.queues[0]?.push(...bundles);
    this.wakeOp(0);
  }

  /** Starts every station. */
  start(): void {
    for (const s of this.stations) s.wake();
  }

  private wakeOp(k: number): void {
    for (const s of this.byOp[k] ?? []) {
      if (!s.busy) s.wake();
      if ((this.queues[k]?.length ?? 0) === 0) break;
    }
  }

  take(station: SewingStation): Bundle | undefined {
    const k = this.opIndex.get(station) ?? 0;
    const b = this.queues[k]?.shift();
    if (b) {
      // Room before this operation: a station upstream blocked on it may hand on now.
      const waiting = this.blocked[k]?.shift();
      if (waiting) this.kernel.after(0, () => waiting.unblock());
      if (k === 0) this.onChange(this);
    }
    return b;
  }

  give(station: SewingStation, bundle: Bundle): boolean {
    const k = (this.opIndex.get(station) ?? 0) + 1;
    if (k >= this.queues.length) {
      this.finished.push(bundle);
      this.onChange(this);
      return true;
    }
    const q = this.queues[k] as Bundle[];
    if (q.length >= BUFFER_BUNDLES) {
      this.blocked[k]?.push(station);
      return false;
    }
    q.push(bundle);
    this.wakeOp(k);
    return true;
  }

  /**
   * The station of the operation with the least capacity (its stations' efficiencies × 60 / SMV
   * pieces an hour): the line's bottleneck, which sets its output.
   */
  bottleneck(): SewingStation | undefined {
    let worst: SewingStation | undefined;
    let least = Infinity;
    this.byOp.forEach((stations) => {
      const first = stations[0];
      if (!first) return;
      const perHour = stations.reduce((sum, s) => sum + (s.plan.efficiency * 60) / s.smv, 0);
      if (perHour < least) {
        least = perHour;
        worst = first;
      }
    });
    return worst;
  }

  piecesDone(station: SewingStation, bundle: Bundle): void {
    const k = this.opIndex.get(station) ?? 0;
    bundle.done.push(this.plan.operations[k]?.id ?? '');
    if (k === this.queues.length - 1)
      this.output.push({ t: this.kernel.now, pieces: bundle.pieces });
  }
}
