/**
 * The wall screen's camera tour as a small state machine, free of timers and the scene so it can
 * be tested on its own: the page calls `tick(now)` about once a second and carries out what it
 * returns.
 *
 * - `touring`: at stop `stop` since `since`; after `dwellMs` it moves to the next stop.
 * - `alarm`: a new critical alarm took the screen to its asset. The tour resumes at the stop it
 *   left when the alarm is acknowledged or cleared (`settled`), or after `alarmHoldMs` if nobody
 *   does. A newer critical alarm takes over from an older one.
 * - `idle`: no stops (a site without camera views): the screen stays where it is.
 */
export type WallTourState =
  | { kind: 'idle' }
  | { kind: 'touring'; stop: number; since: number }
  | { kind: 'alarm'; alarmId: string; assetId: string; since: number; resumeStop: number };

/** What the page should do with the camera. */
export type WallTourAction = { kind: 'view'; stop: number } | { kind: 'asset'; assetId: string };

export interface WallTourOptions {
  stops: number;
  dwellMs: number;
  alarmHoldMs: number;
}

export interface WallTour {
  state(): WallTourState;
  /** Starts (or restarts) the tour at its first stop. */
  start(now: number): WallTourAction | null;
  /** Time passing: the next stop once the dwell is over, or back to the tour after the hold. */
  tick(now: number): WallTourAction | null;
  /** A new critical alarm: the camera goes to its asset and the tour waits. */
  alarm(alarmId: string, assetId: string, now: number): WallTourAction;
  /** An alarm was acknowledged or cleared: if the screen waits on it, the tour goes on. */
  settled(alarmId: string, now: number): WallTourAction | null;
}

export function createWallTour({ stops, dwellMs, alarmHoldMs }: WallTourOptions): WallTour {
  let state: WallTourState = { kind: 'idle' };
  const goTo = (stop: number, now: number): WallTourAction | null => {
    if (stops === 0) {
      state = { kind: 'idle' };
      return null;
    }
    state = { kind: 'touring', stop: stop % stops, since: now };
    return { kind: 'view', stop: stop % stops };
  };
  return {
    state: () => state,
    start: (now) => goTo(0, now),
    tick(now) {
      if (state.kind === 'touring' && now - state.since >= dwellMs)
        return goTo(state.stop + 1, now);
      if (state.kind === 'alarm' && now - state.since >= alarmHoldMs)
        return goTo(state.resumeStop, now);
      return null;
    },
    alarm(alarmId, assetId, now) {
      const resumeStop =
        state.kind === 'alarm' ? state.resumeStop : state.kind === 'touring' ? state.stop : 0;
      state = { kind: 'alarm', alarmId, assetId, since: now, resumeStop };
      return { kind: 'asset', assetId };
    },
    settled(alarmId, now) {
      if (state.kind !== 'alarm' || state.alarmId !== alarmId) return null;
      return goTo(state.resumeStop, now);
    },
  };
}
