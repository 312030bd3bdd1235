/** Limits `value` to [`min`, `max`]; NaN becomes `min`. */
export function clamp(value: number, min: number, max: number): number {
  if (!(value > min)) return min;
  return value > max ? max : value;
}

/** Where `t` lies in [`start`, `end`], as 0–1, clamped. An empty range maps everything to 0. */
export function timeToFraction(t: number, start: number, end: number): number {
  const span = end - start;
  return span > 0 ? clamp((t - start) / span, 0, 1) : 0;
}

/** The time at `fraction` (clamped to 0–1) of [`start`, `end`]. */
export function fractionToTime(fraction: number, start: number, end: number): number {
  return start + clamp(fraction, 0, 1) * Math.max(0, end - start);
}

/** The x offset of `t` on a bar `width` pixels wide showing [`start`, `end`]. */
export function timeToX(t: number, start: number, end: number, width: number): number {
  return timeToFraction(t, start, end) * width;
}

/** The time under x offset `x` of a bar `width` pixels wide; off-bar offsets clamp to its ends. */
export function xToTime(x: number, start: number, end: number, width: number): number {
  return width > 0 ? fractionToTime(x / width, start, end) : start;
}

/** Orders two times into a range; both ends clamped to [`start`, `end`]. */
export function rangeBetween(a: number, b: number, start: number, end: number) {
  const from = clamp(Math.min(a, b), start, end);
  const to = clamp(Math.max(a, b), start, end);
  return { from, to };
}

/**
 * A loop to start from when the loop button is pressed: `fraction` of the recording centred
 * on `t`, shifted to stay inside it.
 */
export function loopAround(t: number, start: number, end: number, fraction = 0.1) {
  const span = Math.max(0, end - start);
  const length = span * clamp(fraction, 0, 1);
  const from = clamp(t - length / 2, start, end - length);
  return { from, to: from + length };
}

/**
 * Moves one end of a loop to `t`, keeping it inside the recording and at least `minLength`
 * (or the whole recording, if shorter) away from the other end.
 */
export function moveLoopEnd(
  loop: { from: number; to: number },
  which: 'from' | 'to',
  t: number,
  start: number,
  end: number,
  minLength = 1000,
) {
  const gap = Math.min(minLength, Math.max(0, end - start));
  return which === 'from'
    ? { from: clamp(t, start, Math.max(start, loop.to - gap)), to: loop.to }
    : { from: loop.from, to: clamp(t, Math.min(end, loop.from + gap), end) };
}
