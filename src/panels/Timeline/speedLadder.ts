import { SPEEDS as PLAYER_SPEEDS } from '../../playback/speeds';

/** The playback speeds offered, slowest first: the player's own list. */
export const SPEEDS: readonly number[] = PLAYER_SPEEDS;

/** The next faster speed on the ladder; the fastest stays. Off-ladder speeds go to the next rung. */
export function speedUp(speed: number): number {
  for (const s of SPEEDS) if (s > speed) return s;
  return SPEEDS[SPEEDS.length - 1] ?? speed;
}

/** The next slower speed on the ladder; the slowest stays. */
export function speedDown(speed: number): number {
  for (let i = SPEEDS.length - 1; i >= 0; i--) {
    const s = SPEEDS[i];
    if (s !== undefined && s < speed) return s;
  }
  return SPEEDS[0] ?? speed;
}

/** `0.25×`, `1×`, `64×`. */
export function formatSpeed(speed: number): string {
  return `${speed}×`;
}
