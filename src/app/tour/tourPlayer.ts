/**
 * A guided tour's player as a small state machine, free of timers, the scene and React so it can
 * be tested on its own: the page passes the time into every call and shows the stop a call
 * returns (a number: that stop's index; null: the camera stays where it is).
 *
 * - `stopped`: no tour running; only `start` and `play` do anything.
 * - `playing`: at `stop`. Its dwell counts from when the page reports the stop `arrived` (the
 *   camera there, the replay at its moment), so a slow flight or seek on a slow machine does not
 *   eat into the time people have to read and look; `since` is when it was shown until then.
 * - `paused`: at `stop`, `elapsed` ms of its dwell used. The end of the tour pauses at the last
 *   stop with `ended` set (the note stays up for the trainer to finish); `play` then starts the
 *   tour again from its first stop.
 */
export type TourPlayerState =
  | { kind: 'stopped' }
  | { kind: 'playing'; stop: number; since: number; arrived: boolean }
  | { kind: 'paused'; stop: number; elapsed: number; arrived: boolean; ended: boolean };

export interface TourPlayer {
  state(): TourPlayerState;
  /** Starts playing at `stop` (default the first); throws for a stop the tour does not have. */
  start(now: number, stop?: number): number;
  /** Plays: resumes a paused tour where its dwell stood, or starts a stopped or ended one. */
  play(now: number): number | null;
  pause(now: number): void;
  /** The next stop, playing or paused as before; null at the last stop. */
  next(now: number): number | null;
  /** The stop before, playing or paused as before; null at the first stop. */
  previous(now: number): number | null;
  /** Goes to `stop` (shown again when it is the current one) with its dwell afresh. */
  goTo(stop: number, now: number): number | null;
  /** Time passing: the next stop once the current one's dwell is over. */
  tick(now: number): number | null;
  /** The stop shown has arrived: its dwell counts from now. Late news of another stop is ignored. */
  arrived(stop: number, now: number): void;
  stop(): void;
}

/**
 * A stop that never reports its arrival (its flight cut short when the scene went away) still
 * moves on, this long after its dwell would have ended.
 */
export const ARRIVAL_TIMEOUT_MS = 15_000;

/** `dwellMs[i]` is how long stop `i` is shown while playing; its length is the stop count. */
export function createTourPlayer(dwellMs: readonly number[]): TourPlayer {
  const stops = dwellMs.length;
  let state: TourPlayerState = { kind: 'stopped' };
  const check = (stop: number) => {
    if (!Number.isInteger(stop) || stop < 0 || stop >= stops)
      throw new RangeError(`the tour has stops 0–${stops - 1}, not ${stop}`);
  };
  const goTo = (stop: number, now: number): number | null => {
    if (state.kind === 'stopped') return null;
    check(stop);
    state =
      state.kind === 'playing'
        ? { kind: 'playing', stop, since: now, arrived: false }
        : { kind: 'paused', stop, elapsed: 0, arrived: false, ended: false };
    return stop;
  };
  const start = (now: number, stop = 0) => {
    check(stop);
    state = { kind: 'playing', stop, since: now, arrived: false };
    return stop;
  };
  return {
    state: () => state,
    start,
    play(now) {
      if (state.kind === 'stopped' || (state.kind === 'paused' && state.ended)) return start(now);
      if (state.kind === 'paused') {
        const { stop, elapsed, arrived } = state;
        state = { kind: 'playing', stop, since: now - elapsed, arrived };
      }
      return null;
    },
    pause(now) {
      if (state.kind !== 'playing') return;
      const { stop, since, arrived } = state;
      state = { kind: 'paused', stop, elapsed: arrived ? now - since : 0, arrived, ended: false };
    },
    next: (now) =>
      state.kind !== 'stopped' && state.stop + 1 < stops ? goTo(state.stop + 1, now) : null,
    previous: (now) =>
      state.kind !== 'stopped' && state.stop > 0 ? goTo(state.stop - 1, now) : null,
    goTo,
    tick(now) {
      if (state.kind !== 'playing') return null;
      const dwell = dwellMs[state.stop] ?? 0;
      const due = state.since + dwell + (state.arrived ? 0 : ARRIVAL_TIMEOUT_MS);
      if (now < due) return null;
      if (state.stop + 1 < stops) return goTo(state.stop + 1, now);
      state = { kind: 'paused', stop: state.stop, elapsed: dwell, arrived: true, ended: true };
      return null;
    },
    arrived(stop, now) {
      if (state.kind === 'stopped' || state.stop !== stop || state.arrived) return;
      state =
        state.kind === 'playing'
          ? { ...state, since: now, arrived: true }
          : { ...state, arrived: true };
    },
    stop() {
      state = { kind: 'stopped' };
    },
  };
}
