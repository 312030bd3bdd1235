import { describe, expect, it } from 'vitest';
import { createBinder } from './createBinder';
import { testBinding } from './testBindings';

const site = { geoOrigin: { lat: 0, lon: 0 }, fieldKinds: new Map() };

describe('createBinder match', () => {
  const binder = createBinder(
    [
      testBinding({ topic: 'site/+site/gw/+gateway/truck/+assetId/state', decoder: 'json' }),
      testBinding({ topic: 'site/+site/gw/+gateway/+type/+assetId/event', decoder: 'json' }),
      testBinding({ topic: 'site/+site/#', decoder: 'json' }),
    ],
    site,
  );

  it('gives a repeated topic the same matches, which callers cannot change', () => {
    const first = binder.match('site/t/gw/g1/truck/T001/state');
    expect(first.map((m) => m.binding)).toEqual([0, 2]);
    expect(first[0]?.captures).toEqual({ site: 't', gateway: 'g1', assetId: 'T001' });
    expect(binder.match('site/t/gw/g1/truck/T001/state')).toBe(first);
    expect(Object.isFrozen(first[0]?.captures)).toBe(true);
  });

  it('still matches every topic correctly after a flood of distinct ones filled its memory', () => {
    for (let i = 0; i < 20_000; i++) {
      const matches = binder.match(`site/t/gw/g${i}/truck/T${i}/event`);
      expect(matches.map((m) => m.binding)).toEqual([1, 2]);
      expect(matches[0]?.captures.assetId).toBe(`T${i}`);
    }
    expect(binder.match('other/topic')).toEqual([]);
    expect(binder.match('site/t/gw/g1/truck/T001/state').map((m) => m.binding)).toEqual([0, 2]);
  });
});
