import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';
import { SimKernel } from './simKernel';

describe('EventQueue', () => {
  it('runs actions by time, ties in the order they were scheduled', () => {
    const q = new EventQueue();
    const ran: string[] = [];
    const times = [50, 10, 30, 10, 20, 50, 0, 30];
    times.forEach((t, i) => q.push(t, () => ran.push(`${t}:${i}`)));
    while (q.runNext() !== undefined);
    expect(ran).toEqual(['0:6', '10:1', '10:3', '20:4', '30:2', '30:7', '50:0', '50:5']);
  });
});

describe('SimKernel', () => {
  it('returns what ran in (now, t], whatever the step', () => {
    const run = (steps: number[]): number[] => {
      const k = new SimKernel(1000);
      const seen: number[] = [];
      const every = (): void => {
        seen.push(k.now);
        if (k.now < 2000) k.after(7, every);
      };
      k.at(1000, every);
      for (const t of steps) k.advanceTo(t);
      return seen;
    };
    const fine = run(Array.from({ length: 100 }, (_, i) => 1000 + (i + 1) * 13));
    expect(run([3000])).toEqual(fine);
    expect(fine[fine.length - 1]).toBeGreaterThanOrEqual(2000);
  });
});
