import { describe, expect, it } from 'vitest';
import { formatDuration, isKnownTimeZone, siteClock, wallToInstant } from './siteClock';

describe('siteClock', () => {
  const shanghai = siteClock('Asia/Shanghai');
  const t = Date.UTC(2024, 2, 5, 16, 5, 9);

  it('formats wall time and date in the site zone, not the machine’s', () => {
    expect(shanghai.time(t)).toBe('00:05:09');
    expect(shanghai.date(t)).toBe('2024-03-06');
    expect(shanghai.minutes(t)).toBe('00:05');
    expect(shanghai.monthDay(t)).toBe('03-06');
    expect(siteClock('UTC').time(t)).toBe('16:05:09');
  });
  it('knows the offset, across DST changes and in half hours', () => {
    expect(shanghai.offset(t)).toBe(8 * 3600_000);
    expect(shanghai.offsetName(t)).toBe('UTC+8');
    const ny = siteClock('America/New_York');
    expect(ny.offsetName(Date.UTC(2024, 0, 15))).toBe('UTC−5');
    expect(ny.offsetName(Date.UTC(2024, 6, 15))).toBe('UTC−4');
    expect(siteClock('Asia/Kolkata').offsetName(t)).toBe('UTC+5:30');
    expect(siteClock('UTC').offsetName(t)).toBe('UTC');
  });
  it('converts a wall time back to the instant', () => {
    const wall = Date.UTC(2024, 2, 6, 0, 5, 9);
    expect(wallToInstant(wall, shanghai)).toBe(t);
    const ny = siteClock('America/New_York');
    // 2024-03-10 03:30 local is just after the spring-forward jump (UTC−4).
    expect(wallToInstant(Date.UTC(2024, 2, 10, 3, 30), ny)).toBe(Date.UTC(2024, 2, 10, 7, 30));
  });
  it('falls back to UTC for an unknown zone and reuses clocks', () => {
    expect(isKnownTimeZone('Nowhere/Atlantis')).toBe(false);
    expect(siteClock('Nowhere/Atlantis').timeZone).toBe('UTC');
    expect(siteClock('Asia/Shanghai')).toBe(shanghai);
  });
  it('formats durations', () => {
    expect(formatDuration(0, true)).toBe('0:00:00');
    expect(formatDuration(3723_999, true)).toBe('1:02:03');
    expect(formatDuration(8 * 3600_000, true)).toBe('8:00:00');
    expect(formatDuration(65_000, false)).toBe('01:05');
    expect(formatDuration(-5, false)).toBe('00:00');
  });
});
