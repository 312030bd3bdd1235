/** The named states of a recorded playback (the Lichtblick player's idea, kept small). */
export type PlayerState = 'idle' | 'playing' | 'paused' | 'seeking' | 'buffering' | 'ended';

/** What can happen to a player. */
export type PlayerEvent =
  'loaded' | 'play' | 'pause' | 'seek' | 'seeked' | 'starved' | 'fed' | 'reachedEnd' | 'unloaded';

/** A state and whether playing resumes after a seek or a stall. */
export interface PlayerMachine {
  state: PlayerState;
  /** The user's wish: play on after seeking or buffering. */
  resume: boolean;
}

export const idlePlayer: PlayerMachine = { state: 'idle', resume: false };

/**
 * The one place the player's state changes. Events that make no sense in a state leave it as it
 * is (a `fed` while paused, a `play` while idle), so callers need not check first.
 */
export function transition(machine: PlayerMachine, event: PlayerEvent): PlayerMachine {
  const { state, resume } = machine;
  if (event === 'unloaded') return idlePlayer;
  if (state === 'idle') return event === 'loaded' ? { state: 'paused', resume: false } : machine;
  switch (event) {
    case 'loaded':
      return { state: 'paused', resume: false };
    case 'play':
      if (state === 'seeking') return { state, resume: true };
      if (state === 'paused' || state === 'ended') return { state: 'playing', resume: true };
      return machine;
    case 'pause':
      if (state === 'seeking') return { state, resume: false };
      return state === 'ended' ? machine : { state: 'paused', resume: false };
    case 'seek':
      return {
        state: 'seeking',
        resume:
          state === 'seeking' ? resume : state === 'playing' || (state === 'buffering' && resume),
      };
    case 'seeked':
      return state === 'seeking' ? { state: resume ? 'playing' : 'paused', resume } : machine;
    case 'starved':
      return state === 'playing' ? { state: 'buffering', resume: true } : machine;
    case 'fed':
      return state === 'buffering' ? { state: resume ? 'playing' : 'paused', resume } : machine;
    case 'reachedEnd':
      return state === 'playing' || state === 'buffering'
        ? { state: 'ended', resume: false }
        : machine;
  }
}
