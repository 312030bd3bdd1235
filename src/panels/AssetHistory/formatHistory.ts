/** The IANA zone if this browser knows it, else UTC (a bad config must not break the panel). */
export function safeTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/**
 * Labels for time-axis ticks in the site's zone, 24-hour, as fine as the tick spacing needs:
 * `HH:mm:ss.SSS` under a second, `HH:mm:ss` under a minute, `HH:mm` under a day, else `MM/DD`.
 */
export function createAxisTimeFormatter(
  locale: string,
  timeZone: string,
): (ms: number, incrMs: number) => string {
  const base = { timeZone: safeTimeZone(timeZone), hourCycle: 'h23' } as const;
  const millis = new Intl.DateTimeFormat(locale, {
    ...base,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
  });
  const seconds = new Intl.DateTimeFormat(locale, {
    ...base,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const minutes = new Intl.DateTimeFormat(locale, { ...base, hour: '2-digit', minute: '2-digit' });
  const days = new Intl.DateTimeFormat(locale, { ...base, month: '2-digit', day: '2-digit' });
  return (ms, incrMs) => {
    const format =
      incrMs < SECOND ? millis : incrMs < MINUTE ? seconds : incrMs < DAY ? minutes : days;
    return format.format(ms);
  };
}

/** The clock read-out in the panel header, in the site's zone: the date and the time to the second. */
export interface ClockFormatter {
  date(ms: number): string;
  time(ms: number): string;
}

export function createClockFormatter(locale: string, timeZone: string): ClockFormatter {
  const zone = safeTimeZone(timeZone);
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return {
    date: (ms) => (Number.isFinite(ms) ? date.format(ms) : ''),
    time: (ms) => (Number.isFinite(ms) ? time.format(ms) : ''),
  };
}

/** Y-axis tick labels that fit a narrow axis: three significant digits, compact above 10,000. */
export function createAxisNumberFormatter(locale: string): (value: number) => string {
  const plain = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  const compact = new Intl.NumberFormat(locale, {
    notation: 'compact',
    maximumSignificantDigits: 3,
  });
  return (value) => (Math.abs(value) >= 10_000 ? compact : plain).format(value);
}

/**
 * A value as the legend shows it: numbers to at most two decimals with their unit, states as
 * they are, gaps as `none`.
 */
export function formatLegendValue(
  value: number | string | boolean | null | undefined,
  unit: string | undefined,
  none: string,
): string {
  if (value === null || value === undefined) return none;
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return none;
  const text = String(Math.round(value * 100) / 100);
  return unit ? `${text} ${unit}` : text;
}
