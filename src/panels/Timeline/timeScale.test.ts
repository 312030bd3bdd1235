import { describe, expect, it } from 'vitest';
import {
  clamp,
  fractionToTime,
  loopAround,
  moveLoopEnd,
  rangeBetween,
  timeToFraction,
  timeToX,
  xToTime,
} from './timeScale';

const START = Date.UTC(2024, 2, 5, 6, 0, 0);
const END = START + 8 * 3600_000;

describe('timeScale', () => {
  it('clamps, treating NaN as the minimum', () => {
    expect(clamp(5, 0, 10)).toBe(5);
    expect(clamp(-1, 0, 10)).toBe(0);
    expect(clamp(11, 0, 10)).toBe(10);
    expect(clamp(Number.NaN, 0, 10)).toBe(0);
  });
  it('maps time to x and back', () => {
    const mid = START + 4 * 3600_000;
    expect(timeToX(mid, START, END, 800)).toBe(400);
    expect(xToTime(400, START, END, 800)).toBe(mid);
    expect(xToTime(timeToX(START + 1234_567, START, END, 640), START, END, 640)).toBeCloseTo(
      START + 1234_567,
      3,
    );
  });
  it('clamps pointers off either end of the bar', () => {
    expect(xToTime(-30, START, END, 800)).toBe(START);
    expect(xToTime(900, START, END, 800)).toBe(END);
    expect(timeToFraction(START - 1, START, END)).toBe(0);
    expect(timeToFraction(END + 1, START, END)).toBe(1);
  });
  it('survives an empty range and a zero-width bar', () => {
    expect(timeToFraction(START, START, START)).toBe(0);
    expect(fractionToTime(0.5, START, START)).toBe(START);
    expect(xToTime(10, START, END, 0)).toBe(START);
  });
  it('orders a dragged range and keeps it inside the recording', () => {
    expect(rangeBetween(END + 5, START + 10, START, END)).toEqual({ from: START + 10, to: END });
  });
  it('starts a loop around the current time, inside the recording', () => {
    const HOUR = 3600_000;
    expect(loopAround(START + 4 * HOUR, START, END)).toEqual({
      from: START + 4 * HOUR - 0.4 * HOUR,
      to: START + 4 * HOUR + 0.4 * HOUR,
    });
    expect(loopAround(START, START, END)).toEqual({ from: START, to: START + 0.8 * HOUR });
    expect(loopAround(END, START, END)).toEqual({ from: END - 0.8 * HOUR, to: END });
  });
  it('moves one end of a loop without crossing the other', () => {
    const loop = { from: START + 10_000, to: START + 20_000 };
    expect(moveLoopEnd(loop, 'from', START + 5000, START, END)).toEqual({
      from: START + 5000,
      to: START + 20_000,
    });
    expect(moveLoopEnd(loop, 'from', START + 30_000, START, END).from).toBe(START + 19_000);
    expect(moveLoopEnd(loop, 'to', START, START, END).to).toBe(START + 11_000);
    expect(moveLoopEnd(loop, 'to', END + 1, START, END).to).toBe(END);
  });
});
