import { describe, expect, it } from 'vitest';
import { createWallTour } from './wallTour';

const options = { stops: 3, dwellMs: 10_000, alarmHoldMs: 60_000 };

describe('the wall tour', () => {
  it('visits every stop in turn, each for its dwell, and starts over', () => {
    const tour = createWallTour(options);
    expect(tour.start(0)).toEqual({ kind: 'view', stop: 0 });
    expect(tour.tick(9_999)).toBeNull();
    const seen = [];
    for (let now = 10_000; now <= 40_000; now += 10_000) seen.push(tour.tick(now));
    expect(seen).toEqual([1, 2, 0, 1].map((stop) => ({ kind: 'view', stop })));
  });

  it('goes to a critical alarm, waits, and resumes where it left when it is acknowledged', () => {
    const tour = createWallTour(options);
    tour.start(0);
    tour.tick(10_000);
    expect(tour.alarm('a1', 'QC01', 12_000)).toEqual({ kind: 'asset', assetId: 'QC01' });
    // No stop changes while the alarm holds the screen, however long the dwell was.
    expect(tour.tick(50_000)).toBeNull();
    expect(tour.settled('other', 51_000)).toBeNull();
    expect(tour.settled('a1', 52_000)).toEqual({ kind: 'view', stop: 1 });
    expect(tour.state()).toEqual({ kind: 'touring', stop: 1, since: 52_000 });
  });

  it('resumes by itself after the hold when nobody acknowledges', () => {
    const tour = createWallTour(options);
    tour.start(0);
    tour.alarm('a1', 'QC01', 5_000);
    expect(tour.tick(64_999)).toBeNull();
    expect(tour.tick(65_000)).toEqual({ kind: 'view', stop: 0 });
  });

  it('lets a newer critical alarm take over, resuming at the stop the first one left', () => {
    const tour = createWallTour(options);
    tour.start(0);
    tour.tick(10_000);
    tour.tick(20_000);
    tour.alarm('a1', 'QC01', 21_000);
    expect(tour.alarm('a2', 'T007', 30_000)).toEqual({ kind: 'asset', assetId: 'T007' });
    expect(tour.settled('a1', 31_000)).toBeNull();
    expect(tour.settled('a2', 32_000)).toEqual({ kind: 'view', stop: 2 });
  });

  it('stays idle without stops, but still shows a critical alarm', () => {
    const tour = createWallTour({ ...options, stops: 0 });
    expect(tour.start(0)).toBeNull();
    expect(tour.tick(100_000)).toBeNull();
    expect(tour.alarm('a1', 'QC01', 1)).toEqual({ kind: 'asset', assetId: 'QC01' });
    expect(tour.settled('a1', 2)).toBeNull();
    expect(tour.state()).toEqual({ kind: 'idle' });
  });
});
