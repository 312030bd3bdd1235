import { describe, expect, it } from 'vitest';
import { seekVersusPlay } from '../../../tools/recordings/testSupport';

describe('seeking in a recording of the bundled factory', () => {
  it('gives the state that playing from the start gives, reading one interval + 2 chunks', async () => {
    const { results, info } = await seekVersusPlay('factory', 40, 16);
    expect(info.hasSnapshots).toBe(true);
    expect(info.problems).toEqual([]);
    for (const r of results) {
      expect(r.seek, `state at ${new Date(r.t).toISOString()}`).toEqual(r.play);
      expect(r.bytesRead).toBeLessThanOrEqual(r.budget);
    }
    expect(results.at(-1)?.assets).toBeGreaterThan(100);
  });
});
