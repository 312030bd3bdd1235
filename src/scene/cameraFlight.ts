import { Vector3 } from 'three';

/** A camera move in progress, interpolated per frame without allocating. */
export interface CameraFlight {
  fromPosition: Vector3;
  fromTarget: Vector3;
  toPosition: Vector3;
  toTarget: Vector3;
  startMs: number;
  durationMs: number;
  resolve: () => void;
}

const easeInOut = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** Moves camera and target along the flight; returns true when it has arrived. */
export function stepFlight(
  flight: CameraFlight,
  nowMs: number,
  position: Vector3,
  target: Vector3,
): boolean {
  const t = flight.durationMs <= 0 ? 1 : Math.min(1, (nowMs - flight.startMs) / flight.durationMs);
  const k = easeInOut(t);
  position.lerpVectors(flight.fromPosition, flight.toPosition, k);
  target.lerpVectors(flight.fromTarget, flight.toTarget, k);
  return t >= 1;
}
