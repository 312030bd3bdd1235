/** Middle value (mean of the two middle ones for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Gaps between consecutive timestamps. */
export const intervals = (stamps) => stamps.slice(1).map((stamp, i) => stamp - stamps[i]);

/**
 * Takes each named measurement in turn for `rounds + 1` rounds and returns the median of each,
 * the first round left out. Alternating means drift on a shared machine (another process,
 * thermal limits) falls on baseline and candidate alike; the first round pays for cold caches.
 * @template {string} Name
 * @param {number} rounds rounds kept (at least 3 for a meaningful median)
 * @param {Record<Name, () => Promise<number>>} measurements
 * @returns {Promise<Record<Name, number>>}
 */
export async function alternate(rounds, measurements) {
  const samples = Object.fromEntries(Object.keys(measurements).map((name) => [name, []]));
  for (let round = 0; round <= rounds; round += 1) {
    for (const [name, measure] of Object.entries(measurements)) {
      const value = await measure();
      if (round > 0) samples[name].push(value);
      console.log(
        `  round ${round}${round === 0 ? ' (dropped)' : ''}, ${name}: ${value.toFixed(1)}`,
      );
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [name, median(values)]),
  );
}
