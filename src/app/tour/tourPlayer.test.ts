import { describe, expect, it } from 'vitest';
import { ARRIVAL_TIMEOUT_MS, createTourPlayer, type TourPlayer } from './tourPlayer';

/** Three stops of 10 s, 20 s and 5 s. */
const threeStops = () => createTourPlayer([10_000, 20_000, 5_000]);

/** Shows what `shown` returned and reports it arrived at once, as a page with instant flights. */
const arriveAt = (tour: TourPlayer, shown: number | null, now: number) => {
  if (shown !== null) tour.arrived(shown, now);
  return shown;
};

describe('tourPlayer', () => {
  it('does nothing until started', () => {
    const tour = threeStops();
    expect(tour.state()).toEqual({ kind: 'stopped' });
    expect(tour.tick(1e6)).toBeNull();
    expect(tour.next(0)).toBeNull();
    expect(tour.previous(0)).toBeNull();
    expect(tour.goTo(1, 0)).toBeNull();
    tour.arrived(0, 0);
    expect(tour.state()).toEqual({ kind: 'stopped' });
  });

  it('advances after each stop’s own dwell and pauses at the last stop when the tour ends', () => {
    const tour = threeStops();
    expect(arriveAt(tour, tour.start(1_000), 1_000)).toBe(0);
    expect(tour.tick(10_999)).toBeNull();
    expect(arriveAt(tour, tour.tick(11_000), 11_000)).toBe(1);
    // The second stop lasts 20 s from when it arrived.
    expect(tour.tick(30_999)).toBeNull();
    expect(arriveAt(tour, tour.tick(31_000), 31_000)).toBe(2);
    expect(tour.tick(35_999)).toBeNull();
    expect(tour.tick(36_000)).toBeNull();
    expect(tour.state()).toEqual({
      kind: 'paused',
      stop: 2,
      elapsed: 5_000,
      arrived: true,
      ended: true,
    });
    expect(tour.tick(1e9)).toBeNull();
    // Play after the end starts again from the top.
    expect(tour.play(40_000)).toBe(0);
    expect(tour.state()).toEqual({ kind: 'playing', stop: 0, since: 40_000, arrived: false });
  });

  it('counts a stop’s dwell from its arrival, and gives up waiting for one that never comes', () => {
    const tour = threeStops();
    tour.start(0);
    // A slow flight and seek: 7 s to get there, then the full 10 s.
    expect(tour.tick(12_000)).toBeNull();
    tour.arrived(0, 7_000);
    expect(tour.tick(16_999)).toBeNull();
    expect(tour.tick(17_000)).toBe(1);
    // News of the stop before, late, changes nothing.
    tour.arrived(0, 18_000);
    expect(tour.state()).toEqual({ kind: 'playing', stop: 1, since: 17_000, arrived: false });
    // Stop 1 never arrives: it moves on after its dwell and the timeout.
    expect(tour.tick(17_000 + 20_000 + ARRIVAL_TIMEOUT_MS - 1)).toBeNull();
    expect(tour.tick(17_000 + 20_000 + ARRIVAL_TIMEOUT_MS)).toBe(2);
  });

  it('holds the stop while paused and resumes with the rest of its dwell', () => {
    const tour = threeStops();
    arriveAt(tour, tour.start(0), 0);
    tour.pause(4_000);
    expect(tour.state()).toEqual({
      kind: 'paused',
      stop: 0,
      elapsed: 4_000,
      arrived: true,
      ended: false,
    });
    expect(tour.tick(60_000)).toBeNull();
    expect(tour.play(100_000)).toBeNull();
    expect(tour.tick(105_999)).toBeNull();
    expect(tour.tick(106_000)).toBe(1);
  });

  it('lets a stop arrive while paused, and starts its dwell on play', () => {
    const tour = threeStops();
    tour.start(0);
    tour.pause(500);
    tour.arrived(0, 1_000);
    tour.play(50_000);
    expect(tour.state()).toEqual({ kind: 'playing', stop: 0, since: 50_000, arrived: true });
    expect(tour.tick(60_000)).toBe(1);
  });

  it('steps forward and back, keeping play or pause, with the dwell afresh', () => {
    const tour = threeStops();
    arriveAt(tour, tour.start(0), 0);
    tour.tick(9_000);
    expect(tour.next(9_000)).toBe(1);
    expect(tour.state()).toEqual({ kind: 'playing', stop: 1, since: 9_000, arrived: false });
    expect(arriveAt(tour, tour.previous(12_000), 12_000)).toBe(0);
    expect(tour.tick(21_999)).toBeNull();
    expect(tour.tick(22_000)).toBe(1);
    tour.pause(23_000);
    expect(tour.next(24_000)).toBe(2);
    expect(tour.state()).toEqual({
      kind: 'paused',
      stop: 2,
      elapsed: 0,
      arrived: false,
      ended: false,
    });
    expect(tour.next(25_000)).toBeNull();
    expect(tour.goTo(0, 26_000)).toBe(0);
    expect(tour.previous(27_000)).toBeNull();
    // The current stop again: the camera goes back to it (the trainer may have looked around).
    expect(tour.goTo(0, 28_000)).toBe(0);
    expect(tour.state()).toMatchObject({ kind: 'paused', stop: 0, elapsed: 0 });
  });

  it('starts at any stop it has, and refuses one it has not', () => {
    const tour = threeStops();
    expect(tour.start(0, 2)).toBe(2);
    expect(() => tour.start(0, 3)).toThrow(/stops 0–2, not 3/);
    expect(() => tour.goTo(-1, 0)).toThrow(RangeError);
    expect(() => tour.start(0, 1.5)).toThrow(RangeError);
    expect(tour.state()).toEqual({ kind: 'playing', stop: 2, since: 0, arrived: false });
  });

  it('stops, and plays again from the first stop', () => {
    const tour = threeStops();
    tour.start(0, 1);
    tour.stop();
    expect(tour.state()).toEqual({ kind: 'stopped' });
    expect(tour.tick(1e6)).toBeNull();
    expect(tour.play(5)).toBe(0);
  });
});
