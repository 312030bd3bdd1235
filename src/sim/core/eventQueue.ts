/** A scheduled action: runs at `t` (ms epoch); `seq` breaks ties in scheduling order. */
interface Scheduled {
  t: number;
  seq: number;
  run: () => void;
}

/**
 * Binary min-heap of actions by time, ties in the order they were scheduled — so a simulation
 * runs the same way however its clock is advanced.
 */
export class EventQueue {
  private readonly heap: Scheduled[] = [];
  /** Entries already run, reused so a long run does not feed the garbage collector. */
  private readonly spare: Scheduled[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest action, or Infinity when none is scheduled. */
  peekTime(): number {
    return this.heap[0]?.t ?? Infinity;
  }

  push(t: number, run: () => void): void {
    const heap = this.heap;
    const item = this.spare.pop() ?? { t: 0, seq: 0, run };
    item.t = t;
    item.seq = this.nextSeq++;
    item.run = run;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Scheduled;
      if (!before(item, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  /** Removes the earliest action and runs it; returns its time, or undefined when empty. */
  runNext(): number | undefined {
    const item = this.pop();
    if (!item) return undefined;
    const run = item.run;
    const t = item.t;
    item.run = noop;
    this.spare.push(item);
    run();
    return t;
  }

  /** Removes and returns the earliest action. */
  private pop(): Scheduled | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && before(heap[r] as Scheduled, heap[l] as Scheduled)) c = r;
      const child = heap[c] as Scheduled;
      if (!before(child, last)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

const noop = (): void => {};
