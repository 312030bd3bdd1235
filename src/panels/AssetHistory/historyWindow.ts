/** A span of time, ms epoch, `from <= to`. */
export interface TimeSpan {
  from: number;
  to: number;
}

/**
 * The window of history to show around clock time `t`: `spanMs` wide and centred on `t`, shifted
 * to stay inside the recording `[start, end]`, and cut to it when the recording is shorter.
 */
export function historyWindow(t: number, spanMs: number, start: number, end: number): TimeSpan {
  const lo = Math.min(start, end);
  const hi = Math.max(start, end);
  const span = Math.max(0, spanMs);
  if (span >= hi - lo) return { from: lo, to: hi };
  const centre = Math.min(hi, Math.max(lo, t));
  let from = centre - span / 2;
  if (from < lo) from = lo;
  if (from + span > hi) from = hi - span;
  return { from, to: from + span };
}

/** Below this the x scale would collapse; a single sample gets a second either side. */
const MIN_SPAN_MS = 1000;

/**
 * The x range the charts show: `range` when given, else the extent of `t`; widened to at least
 * {@link MIN_SPAN_MS}. Null when there is nothing to show.
 */
export function plotRange(t: ArrayLike<number>, range?: TimeSpan): TimeSpan | null {
  let from = range?.from;
  let to = range?.to;
  if (from === undefined || to === undefined) {
    if (t.length === 0) return null;
    from = t[0];
    to = t[t.length - 1];
  }
  if (from === undefined || to === undefined || !Number.isFinite(from) || !Number.isFinite(to))
    return null;
  if (to < from) [from, to] = [to, from];
  if (to - from < MIN_SPAN_MS) {
    const mid = (from + to) / 2;
    return { from: mid - MIN_SPAN_MS / 2, to: mid + MIN_SPAN_MS / 2 };
  }
  return { from, to };
}

/**
 * Index of the last sample at or before `time` in ascending `t` (the value the twin showed then),
 * or -1 when `time` is before the first sample. Binary search; allocates nothing.
 */
export function indexAtOrBefore(t: ArrayLike<number>, time: number): number {
  let lo = 0;
  let hi = t.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((t[mid] as number) <= time) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
