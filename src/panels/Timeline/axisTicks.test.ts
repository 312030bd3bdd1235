import { describe, expect, it } from 'vitest';
import { axisTicks, tickStep, TICK_STEPS } from './axisTicks';
import { siteClock } from './siteClock';

const HOUR = 3600_000;

describe('tickStep', () => {
  it('picks the smallest step that keeps ticks apart', () => {
    // 8 hours on 640 px: 1 h would be 80 px apart.
    expect(tickStep(8 * HOUR, 640, 80)).toBe(HOUR);
    expect(tickStep(8 * HOUR, 600, 80)).toBe(2 * HOUR);
    expect(tickStep(60_000, 1200, 80)).toBe(5000);
  });
  it('falls back to the largest step for degenerate input', () => {
    const largest = TICK_STEPS[TICK_STEPS.length - 1];
    expect(tickStep(0, 600, 80)).toBe(largest);
    expect(tickStep(HOUR, 0, 80)).toBe(largest);
  });
});

describe('axisTicks', () => {
  it('puts hourly ticks on the site’s whole hours, in half-hour zones too', () => {
    const kolkata = siteClock('Asia/Kolkata');
    // 06:10 to 14:10 local (UTC+5:30).
    const start = Date.UTC(2024, 2, 5, 0, 40);
    const ticks = axisTicks(start, start + 8 * HOUR, 640, kolkata);
    expect(ticks.map((t) => t.label)).toEqual([
      '07:00',
      '08:00',
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
    ]);
    for (const tick of ticks) expect(kolkata.minutes(tick.t)).toBe(tick.label);
  });
  it('labels the local midnight with the date', () => {
    const shanghai = siteClock('Asia/Shanghai');
    // 20:00 to 04:00 local.
    const start = Date.UTC(2024, 2, 5, 12);
    const ticks = axisTicks(start, start + 8 * HOUR, 640, shanghai);
    const midnight = ticks.find((t) => t.dayStart);
    expect(midnight?.label).toBe('03-06');
    expect(midnight?.t).toBe(Date.UTC(2024, 2, 5, 16));
  });
  it('stays strictly increasing across DST changes', () => {
    const ny = siteClock('America/New_York');
    for (const day of [Date.UTC(2024, 2, 10, 4), Date.UTC(2024, 10, 3, 4)]) {
      const ticks = axisTicks(day, day + 6 * HOUR, 6 * 80, ny);
      expect(ticks.length).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < ticks.length; i++) {
        expect(ticks[i]!.t).toBeGreaterThan(ticks[i - 1]!.t);
      }
      for (const tick of ticks) expect(ny.minutes(tick.t)).toMatch(/^\d\d:00$/);
    }
  });
  it('uses seconds for short spans and nothing for an empty one', () => {
    const utc = siteClock('UTC');
    const start = Date.UTC(2024, 2, 5, 6, 0, 3);
    const ticks = axisTicks(start, start + 60_000, 1200, utc);
    expect(ticks[0]?.label).toBe('06:00:05');
    expect(axisTicks(start, start, 600, utc)).toEqual([]);
  });
  it('leaves out ticks whose labels would be cut off at the ends', () => {
    const utc = siteClock('UTC');
    const start = Date.UTC(2024, 2, 5, 6);
    const all = axisTicks(start, start + 8 * HOUR, 640, utc);
    expect(all[0]?.label).toBe('06:00');
    const inside = axisTicks(start, start + 8 * HOUR, 640, utc, { edgePx: 24 });
    expect(all.at(-1)?.label).toBe('14:00');
    expect(inside.map((t) => t.label)).toEqual(all.slice(1, -1).map((t) => t.label));
  });
});
