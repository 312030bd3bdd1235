import { describe, expect, it } from 'vitest';
import type { AssetSample } from '../samples';
import { createBatchAccumulator } from './batchAccumulator';

const sample = (assetId: string, t: number, extra: Partial<AssetSample> = {}): AssetSample => ({
  assetId,
  gateway: undefined,
  sourceTime: t,
  receiveTime: t + 5,
  position: undefined,
  headingDeg: undefined,
  fields: {},
  staleAfterMs: 5000,
  ...extra,
});

describe('createBatchAccumulator', () => {
  it('has nothing to give before a batch arrives, and nothing after it was taken', () => {
    const acc = createBatchAccumulator();
    expect(acc.take()).toBeNull();
    acc.add({ samples: [sample('a', 1)], events: [], offline: [] });
    expect(acc.take()?.samples).toHaveLength(1);
    expect(acc.take()).toBeNull();
  });

  it('merges posts per asset: later values win, earlier fields stay, events keep order', () => {
    const acc = createBatchAccumulator();
    const event = (name: string) => ({
      assetId: 'a',
      gateway: undefined,
      sourceTime: 1,
      receiveTime: 1,
      name,
      code: undefined,
      severity: 'info' as const,
      fields: {},
    });
    acc.add({
      samples: [sample('a', 1, { position: [1, 0, 1], fields: { load: 1, status: 'idle' } })],
      events: [event('first')],
      offline: ['x'],
    });
    acc.add({
      samples: [sample('a', 2, { headingDeg: 90, fields: { load: 2 } }), sample('b', 2)],
      events: [event('second')],
      offline: ['y'],
    });
    const batch = acc.take();
    expect(batch?.samples.map((s) => s.assetId)).toEqual(['a', 'b']);
    const a = batch?.samples[0];
    expect(a?.fields).toEqual({ load: 2, status: 'idle' });
    expect(a?.position).toEqual([1, 0, 1]);
    expect(a?.headingDeg).toBe(90);
    expect(a?.sourceTime).toBe(2);
    expect(batch?.events.map((e) => e.name)).toEqual(['first', 'second']);
    expect(batch?.offline).toEqual(['x', 'y']);
  });
});
