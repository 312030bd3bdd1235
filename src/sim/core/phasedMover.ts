import type { SimKernel } from './simKernel';

/** One step of a machine's motion: named axes to reach in `ms`, then what happens at the end. */
export interface Phase {
  ms: number;
  to?: Record<string, number>;
  /** Runs when the phase ends, after the axes arrive. */
  then?: () => void;
}

const smooth = (u: number): number => u * u * (3 - 2 * u);

/**
 * Runs phases of motion of a machine's axes (gantry, trolley, hoist…) one after another, easing
 * in and out, and calls `onSample` every `kernel.movingSampleMs` while something moves and once at the
 * end of every phase — so a crane's spreader is reported every half second, no more. One run at
 * a time; its state lives on the mover so a long shift allocates little.
 */
export class PhasedMover {
  readonly axes: Record<string, number>;
  private phases: readonly Phase[] = [];
  private index = 0;
  private done: () => void = () => {};
  private start = 0;
  private end = 0;
  private readonly from: Record<string, number> = {};
  private to: Record<string, number> = {};
  private running = false;

  constructor(
    private readonly kernel: SimKernel,
    axes: Record<string, number>,
    private readonly onSample: () => void,
  ) {
    this.axes = { ...axes };
  }

  run(phases: readonly Phase[], done: () => void): void {
    if (this.running) throw new Error('a machine runs one sequence of phases at a time');
    this.running = true;
    this.phases = phases;
    this.index = 0;
    this.done = done;
    this.begin();
  }

  private begin(): void {
    const phase = this.phases[this.index];
    if (!phase) {
      this.running = false;
      const done = this.done;
      this.done = noop;
      done();
      return;
    }
    this.start = this.kernel.now;
    this.end = this.start + Math.max(0, Math.round(phase.ms));
    this.to = phase.to ?? NONE;
    let moves = false;
    for (const k in this.to) {
      this.from[k] = this.axes[k] ?? 0;
      if (Math.abs((this.to[k] as number) - (this.from[k] as number)) > 1e-6) moves = true;
    }
    if (!moves) this.to = NONE;
    if (!moves || this.end - this.start < this.kernel.movingSampleMs)
      this.kernel.at(this.end, this.finish);
    else this.kernel.at(this.start + this.kernel.movingSampleMs, this.tick);
  }

  private readonly tick = (): void => {
    const t = this.kernel.now;
    if (t >= this.end) {
      this.finish();
      return;
    }
    const u = smooth((t - this.start) / (this.end - this.start));
    const to = this.to;
    for (const k in to) {
      const a = this.from[k] as number;
      this.axes[k] = a + ((to[k] as number) - a) * u;
    }
    this.onSample();
    this.kernel.at(Math.min(t + this.kernel.movingSampleMs, this.end), this.tick);
  };

  private readonly finish = (): void => {
    const to = this.to;
    let moved = false;
    for (const k in to) {
      this.axes[k] = to[k] as number;
      moved = true;
    }
    if (moved) this.onSample();
    const phase = this.phases[this.index];
    this.index++;
    phase?.then?.();
    this.begin();
  };
}

const NONE: Record<string, number> = Object.freeze({}) as Record<string, number>;
const noop = (): void => {};
