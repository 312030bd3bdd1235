/** Playback speeds offered, slowest first. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;

export const MIN_SPEED = 0.25;
export const MAX_SPEED = 64;

/** Any requested speed, held to what playback offers (0.25×–64×); 1× for nonsense. */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}
