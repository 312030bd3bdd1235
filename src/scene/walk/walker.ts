import { createStore, type StoreApi } from 'zustand';

/** Eye height of the walker above the ground, metres. */
export const EYE_HEIGHT_M = 1.7;
/** How far from what a view or an asset looks at the walker stands, at most, metres. */
const STAND_BACK_M = 12;

/**
 * Where the walker is and looks. `yawRad` is the camera's turn about y (0: looking towards −z,
 * north); mutated every frame by the walk controls, read by the minimap and the automation API.
 */
export interface WalkerPose {
  x: number;
  z: number;
  yawRad: number;
  pitchRad: number;
}

/** A place the walk controls move the walker to on their next frame. */
export interface WalkerRequest {
  x: number;
  z: number;
  yawRad: number;
}

/**
 * The first-person walk, shared by the app (toggle, automation), the scene (controls, camera
 * routing) and the minimap. Only `on` is React state; the pose changes without renders.
 */
export interface Walker {
  readonly store: StoreApi<{ on: boolean }>;
  readonly pose: WalkerPose;
  /** The walk controls are mounted and listening (a frame or two after `on` is set). */
  active: boolean;
  /** The site (its built scene) the walker last walked in: where `pose` belongs. */
  walkedIn: object | null;
  /** Set by `place`/`standBefore`; taken by the controls' next frame. */
  pending: WalkerRequest | null;
  /** Puts the walker at (x, z) facing `yawRad` (or as now), the nearest free spot if blocked. */
  place(x: number, z: number, yawRad?: number): void;
  /**
   * Puts the walker on the ground in front of `target`, on the side of `from`, facing it: how a
   * camera view, a tour stop or "focus this asset" reads when walking.
   */
  standBefore(
    from: readonly [number, number, number],
    target: readonly [number, number, number],
    clearanceM?: number,
  ): void;
}

/** A compass heading in degrees (0 north, 90 east) from the walker's yaw. */
export const headingDegOfYaw = (yawRad: number) =>
  ((((-yawRad * 180) / Math.PI) % 360) + 360) % 360;

/** The walker's yaw from a compass heading in degrees. */
export const yawOfHeadingDeg = (headingDeg: number) => (-headingDeg * Math.PI) / 180;

/** The yaw that looks from (x0, z0) towards (x1, z1). */
export const yawLookingAt = (x0: number, z0: number, x1: number, z1: number) =>
  Math.atan2(-(x1 - x0), -(z1 - z0));

export function createWalker(): Walker {
  const walker: Walker = {
    store: createStore<{ on: boolean }>()(() => ({ on: false })),
    pose: { x: 0, z: 0, yawRad: 0, pitchRad: 0 },
    pending: null,
    active: false,
    walkedIn: null,
    place(x, z, yawRad = walker.pose.yawRad) {
      walker.pending = { x, z, yawRad };
    },
    standBefore(from, target, clearanceM = 0) {
      const dx = from[0] - target[0];
      const dz = from[2] - target[2];
      const flat = Math.hypot(dx, dz);
      // Looking straight down: stand south of the target.
      const ux = flat > 1e-6 ? dx / flat : 0;
      const uz = flat > 1e-6 ? dz / flat : 1;
      const back = Math.min(STAND_BACK_M + clearanceM, Math.max(flat, clearanceM + 2));
      const x = target[0] + ux * back;
      const z = target[2] + uz * back;
      walker.place(x, z, yawLookingAt(x, z, target[0], target[2]));
    },
  };
  return walker;
}
