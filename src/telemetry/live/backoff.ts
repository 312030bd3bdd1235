/**
 * Reconnect delay: exponential from `initialMs` to `maxMs`, with full jitter so that a hundred
 * wall screens losing the same broker do not all come back in the same millisecond.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  initialMs = 500,
  maxMs = 15_000,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
