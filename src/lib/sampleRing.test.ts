import { describe, expect, it } from 'vitest';
import { SampleRing } from './sampleRing';

describe('SampleRing', () => {
  it('keeps the last values and gives nearest-rank percentiles', () => {
    const ring = new SampleRing(4);
    expect(ring.percentile(0.5)).toBeNull();
    for (const v of [100, 1, 2, 3, 4]) ring.push(v);
    expect(ring.percentile(0.5)).toBe(2);
    expect(ring.percentile(0.95)).toBe(4);
    expect(ring.percentile(0)).toBe(1);
  });
});
