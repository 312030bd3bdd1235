import { describe, expect, it } from 'vitest';
import { simulatedRecording } from './testSupport';

describe('simulated shifts', () => {
  it('are the same bytes every time for the same inputs', async () => {
    const a = await simulatedRecording('factory', 3);
    const b = await simulatedRecording('factory', 3);
    expect(a.bytes.byteLength).toBeGreaterThan(100_000);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
  });
});
