import { describe, expect, it } from 'vitest';
import {
  createAxisNumberFormatter,
  createAxisTimeFormatter,
  createClockFormatter,
  formatLegendValue,
  safeTimeZone,
} from './formatHistory';

// 2024-03-01T00:00:12.345Z: 08:00 in Shanghai, 01:00 in Berlin (winter).
const T = Date.UTC(2024, 2, 1, 0, 0, 12, 345);

describe('time formatting', () => {
  it('labels ticks in the site’s zone, 24-hour, as fine as the spacing needs', () => {
    const shanghai = createAxisTimeFormatter('en', 'Asia/Shanghai');
    expect(shanghai(T, 60_000)).toBe('08:00');
    expect(shanghai(T, 5000)).toBe('08:00:12');
    expect(shanghai(T, 100)).toBe('08:00:12.345');
    expect(shanghai(T, 86_400_000)).toBe('03/01');
    expect(createAxisTimeFormatter('zh-CN', 'Europe/Berlin')(T, 60_000)).toBe('01:00');
  });
  it('falls back to UTC for an unknown zone', () => {
    expect(safeTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(safeTimeZone('Mars/Olympus')).toBe('UTC');
    expect(createAxisTimeFormatter('en', 'Mars/Olympus')(T, 60_000)).toBe('00:00');
  });
  it('reads the clock out with date and seconds', () => {
    const clock = createClockFormatter('en', 'Asia/Shanghai');
    expect(clock.time(T)).toBe('08:00:12');
    expect(clock.date(T)).toBe('03/01/2024');
    expect(createClockFormatter('zh-CN', 'America/Los_Angeles').date(T)).toBe('2024/02/29');
    expect(clock.time(Number.NaN)).toBe('');
  });
});

describe('formatLegendValue', () => {
  it('rounds numbers, adds units only to numbers and shows gaps as none', () => {
    expect(formatLegendValue(12.3456, 'm', '—')).toBe('12.35 m');
    expect(formatLegendValue(3, undefined, '—')).toBe('3');
    expect(formatLegendValue('working', 'm', '—')).toBe('working');
    expect(formatLegendValue(false, undefined, '—')).toBe('false');
    expect(formatLegendValue(null, 'm', '—')).toBe('—');
    expect(formatLegendValue(undefined, 'm', '—')).toBe('—');
    expect(formatLegendValue(Number.NaN, 'm', '—')).toBe('—');
  });
});

describe('createAxisNumberFormatter', () => {
  it('keeps tick labels short', () => {
    const format = createAxisNumberFormatter('en');
    expect(format(0.25)).toBe('0.25');
    expect(format(1250)).toBe('1,250');
    expect(format(125_000)).toBe('125K');
    expect(format(-2_500_000)).toBe('-2.5M');
  });
});
