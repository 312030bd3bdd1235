/** The last `size` numbers, for percentiles of recent frames or messages without allocating. */
export class SampleRing {
  private readonly values: Float64Array;
  private count = 0;

  constructor(size: number) {
    this.values = new Float64Array(size);
  }

  push(value: number): void {
    this.values[this.count % this.values.length] = value;
    this.count++;
  }

  /** Nearest-rank percentile (0–1) of what is held, or null when empty. Sorts a copy. */
  percentile(q: number): number | null {
    const n = Math.min(this.count, this.values.length);
    if (n === 0) return null;
    const sorted = this.values.slice(0, n).sort();
    return sorted[Math.max(0, Math.ceil(q * n) - 1)] ?? null;
  }

  clear(): void {
    this.count = 0;
  }
}
