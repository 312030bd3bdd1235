import { describe, expect, it } from 'vitest';
import { GatewayTracker } from './ingestStats';

describe('GatewayTracker', () => {
  it('gives nearest-rank delay percentiles over its window, fresh after every message', () => {
    const g = new GatewayTracker('gw');
    expect(g.snapshot()).toMatchObject({ delayMsP50: null, delayMsP95: null });
    for (let d = 100; d >= 1; d--) g.seen(d, d);
    expect(g.snapshot()).toMatchObject({ messages: 100, delayMsP50: 50, delayMsP95: 95 });
    // Asked again with nothing new: the same figures.
    expect(g.snapshot()).toMatchObject({ delayMsP50: 50, delayMsP95: 95 });
    // The window keeps the newest 512: a thousand slow messages push the fast ones out.
    for (let i = 0; i < 1000; i++) g.seen(1000 + i, 5000 + (i % 10));
    expect(g.snapshot()).toMatchObject({ delayMsP50: 5005, delayMsP95: 5009 });
  });

  it('counts messages without a delay but leaves the percentiles to those with one', () => {
    const g = new GatewayTracker('gw');
    g.seen(1, undefined);
    g.seen(2, 40);
    expect(g.snapshot()).toMatchObject({ messages: 2, delayMsP50: 40, delayMsP95: 40 });
  });
});
