import { describe, expect, it } from 'vitest';
import { historyWindow, indexAtOrBefore, plotRange } from './historyWindow';

describe('historyWindow', () => {
  it('centres the span on the clock inside the recording', () => {
    expect(historyWindow(5000, 2000, 0, 10_000)).toEqual({ from: 4000, to: 6000 });
  });
  it('slides the span to stay inside the recording at either end', () => {
    expect(historyWindow(500, 2000, 0, 10_000)).toEqual({ from: 0, to: 2000 });
    expect(historyWindow(9900, 2000, 0, 10_000)).toEqual({ from: 8000, to: 10_000 });
    expect(historyWindow(-5000, 2000, 0, 10_000)).toEqual({ from: 0, to: 2000 });
    expect(historyWindow(50_000, 2000, 0, 10_000)).toEqual({ from: 8000, to: 10_000 });
  });
  it('is the whole recording when the recording is shorter than the span', () => {
    expect(historyWindow(5000, 60_000, 1000, 9000)).toEqual({ from: 1000, to: 9000 });
    expect(historyWindow(5000, -1, 1000, 9000)).toEqual({ from: 5000, to: 5000 });
  });
});

describe('plotRange', () => {
  it('is the extent of the samples unless a range is given', () => {
    expect(plotRange([1000, 5000, 9000])).toEqual({ from: 1000, to: 9000 });
    expect(plotRange(new Float64Array([1000, 9000]), { from: 0, to: 20_000 })).toEqual({
      from: 0,
      to: 20_000,
    });
  });
  it('widens a single instant and gives up on nothing', () => {
    expect(plotRange([5000])).toEqual({ from: 4500, to: 5500 });
    expect(plotRange([])).toBeNull();
  });
});

describe('indexAtOrBefore', () => {
  const t = new Float64Array([10, 20, 30, 40]);
  it('finds the last sample at or before a time', () => {
    expect(indexAtOrBefore(t, 30)).toBe(2);
    expect(indexAtOrBefore(t, 35)).toBe(2);
    expect(indexAtOrBefore(t, 1000)).toBe(3);
    expect(indexAtOrBefore(t, 10)).toBe(0);
  });
  it('is -1 before the first sample and for empty columns', () => {
    expect(indexAtOrBefore(t, 9)).toBe(-1);
    expect(indexAtOrBefore([], 9)).toBe(-1);
    expect(indexAtOrBefore(t, Number.NaN)).toBe(-1);
  });
});
