import { wallToInstant, type SiteClock } from './siteClock';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick spacings the axis may use: each a divisor of the next larger unit on the wall clock. */
export const TICK_STEPS: readonly number[] = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/** A labelled tick on the scrub bar's axis. */
export interface AxisTick {
  /** ms epoch. */
  t: number;
  label: string;
  /** Falls on the site's local midnight: labelled with the date. */
  dayStart: boolean;
}

/** The smallest step whose ticks are at least `minSpacingPx` apart on a bar `widthPx` wide. */
export function tickStep(spanMs: number, widthPx: number, minSpacingPx: number): number {
  const largest = TICK_STEPS[TICK_STEPS.length - 1] ?? DAY;
  if (!(spanMs > 0) || !(widthPx > 0)) return largest;
  const minStep = (spanMs * minSpacingPx) / widthPx;
  for (const step of TICK_STEPS) if (step >= minStep) return step;
  return largest;
}

/**
 * Ticks for [`start`, `end`] on a bar `widthPx` wide, at round wall-clock times of the site's
 * zone (hourly ticks in Kolkata fall on :00 local, not :30), labels `HH:mm:ss`, `HH:mm` or
 * `MM-dd`. Around a DST change a wall time that repeats gets one tick; one that is skipped, none.
 */
export function axisTicks(
  start: number,
  end: number,
  widthPx: number,
  clock: SiteClock,
  {
    minSpacingPx = 80,
    edgePx = 0,
  }: {
    /** Closest two ticks may be, px; default 80 (room for `HH:mm:ss`). */
    minSpacingPx?: number;
    /** Ticks nearer than this to either end are left out, so no label is cut off; default 0. */
    edgePx?: number;
  } = {},
): AxisTick[] {
  const ticks: AxisTick[] = [];
  if (!(end > start) || !(widthPx > 0)) return ticks;
  const step = tickStep(end - start, widthPx, minSpacingPx);
  let wall = Math.ceil((start + clock.offset(start)) / step) * step;
  let previous = -Infinity;
  // The bound only guards against a pathological zone; a 7-day step over years stays well below.
  for (let guard = 0; guard < 2000; guard++, wall += step) {
    const t = wallToInstant(wall, clock);
    if (t > end) break;
    const onWall = t + clock.offset(t) === wall; // false for a skipped (spring-forward) wall time
    if (t < start || t <= previous || !onWall) continue;
    previous = t;
    const x = ((t - start) / (end - start)) * widthPx;
    if (x < edgePx || x > widthPx - edgePx) continue;
    const dayStart = (t + clock.offset(t)) % DAY === 0;
    const label =
      step >= DAY || (dayStart && step >= HOUR)
        ? clock.monthDay(t)
        : step < MINUTE
          ? clock.time(t)
          : clock.minutes(t);
    ticks.push({ t, label, dayStart });
  }
  return ticks;
}
