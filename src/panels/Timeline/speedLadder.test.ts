import { describe, expect, it } from 'vitest';
import { formatSpeed, SPEEDS, speedDown, speedUp } from './speedLadder';

describe('speedLadder', () => {
  it('offers 0.25× to 64× in doublings', () => {
    expect(SPEEDS).toEqual([0.25, 0.5, 1, 2, 4, 8, 16, 32, 64]);
  });
  it('steps up and down one rung', () => {
    expect(speedUp(1)).toBe(2);
    expect(speedDown(1)).toBe(0.5);
    expect(speedUp(0.25)).toBe(0.5);
    expect(speedDown(64)).toBe(32);
  });
  it('stays at the ends', () => {
    expect(speedUp(64)).toBe(64);
    expect(speedDown(0.25)).toBe(0.25);
  });
  it('moves an off-ladder speed to the neighbouring rung', () => {
    expect(speedUp(3)).toBe(4);
    expect(speedDown(3)).toBe(2);
    expect(speedUp(100)).toBe(64);
    expect(speedDown(0.1)).toBe(0.25);
  });
  it('formats with a multiplication sign', () => {
    expect(formatSpeed(0.25)).toBe('0.25×');
    expect(formatSpeed(64)).toBe('64×');
  });
});
