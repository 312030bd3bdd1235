import { describe, expect, it } from 'vitest';
import { behindPlanMs, countAtOrBefore } from './planDeviation';

// The plan finishes a unit at 10, 20, 30 and 40 (minutes, say).
const planned = [10, 20, 30, 40];

describe('behindPlanMs', () => {
  it('is 0 while reality has done what the plan had by then', () => {
    expect(behindPlanMs(planned, 0, 5)).toBe(0);
    expect(behindPlanMs(planned, 2, 25)).toBe(0);
    expect(behindPlanMs(planned, 4, 100)).toBe(0);
  });

  it('is how long ago the plan finished the unit reality is still on', () => {
    // At 25 the plan had 2 done; reality 1: the plan finished unit 2 at 20.
    expect(behindPlanMs(planned, 1, 25)).toBe(5);
    // Nothing done at 35: the plan finished unit 1 at 10.
    expect(behindPlanMs(planned, 0, 35)).toBe(25);
  });

  it('is negative by how far ahead reality is', () => {
    // At 12 the plan had 1 done; reality 3: the plan finishes unit 3 at 30.
    expect(behindPlanMs(planned, 3, 12)).toBe(-18);
    // More done than planned at all: measured against the plan's last unit.
    expect(behindPlanMs(planned, 6, 35)).toBe(-5);
  });

  it('holds for a plan with nothing in it', () => {
    expect(behindPlanMs([], 0, 50)).toBe(0);
    expect(behindPlanMs([], 2, 50)).toBe(0);
  });
});

describe('countAtOrBefore', () => {
  it('counts ties as done', () => {
    expect(countAtOrBefore(planned, 20)).toBe(2);
    expect(countAtOrBefore(planned, 9)).toBe(0);
    expect(countAtOrBefore(planned, 99)).toBe(4);
  });
});
