import type { SimOutput } from '../simOutput';
import { MOVING_SAMPLE_MS } from './assetReporter';
import { EventQueue } from './eventQueue';

/**
 * The discrete-event engine under both site simulators: a clock, the event queue and the outputs
 * produced so far. Actions run in time order; whatever they emit carries the time they ran at,
 * so outputs come out sorted without a sort, and advancing in small or large steps gives the
 * same sequence.
 */
export class SimKernel {
  /** Simulation time, ms since the Unix epoch. */
  now: number;
  private readonly queue = new EventQueue();
  private out: SimOutput[] = [];

  /**
   * @param movingSampleMs how often anything moving is sampled (the gateways' rate; a preview
   * may sample more coarsely: the run is the same, only its samples fewer)
   */
  constructor(
    startTime: number,
    readonly movingSampleMs = MOVING_SAMPLE_MS,
  ) {
    this.now = startTime;
  }

  /** Runs `action` at `t` (rounded to whole ms; never before now). */
  at(t: number, action: () => void): void {
    this.queue.push(Math.max(this.now, Math.round(t)), action);
  }

  /** Runs `action` `ms` after now. */
  after(ms: number, action: () => void): void {
    this.at(this.now + ms, action);
  }

  emit(output: SimOutput): void {
    this.out.push(output);
  }

  /** Runs every action due up to and including `t`; returns what they emitted. */
  advanceTo(t: number): SimOutput[] {
    const queue = this.queue;
    while (queue.peekTime() <= t) {
      this.now = queue.peekTime();
      if (queue.runNext() === undefined) break;
    }
    if (t > this.now) this.now = t;
    const out = this.out;
    this.out = [];
    return out;
  }
}
