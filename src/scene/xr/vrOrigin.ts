type Vec3 = readonly [number, number, number];

/** A view as the desk camera has it: where it is and the point it looks at, site metres. */
export interface LookingAt {
  position: Vec3;
  target: Vec3;
}

/** Where the player's feet go in VR, and which way they face (radians about +y). */
export interface VrOriginPose {
  position: [number, number, number];
  yaw: number;
}

/**
 * The player stands this far short of the looked-at point, towards the camera: at the point
 * itself they would stand inside the crane or machine the view is about.
 */
export const STAND_BACK_M = 12;

/**
 * Where to stand on entering VR: on the ground in front of what the desk camera looks at (or,
 * without a camera, the site's first view; without either, the site's centre), facing the way
 * the camera looked — so the headset opens on the same scene the screen showed.
 */
export function chooseVrOrigin(
  camera: LookingAt | null,
  firstView: LookingAt | undefined,
  siteCenter: Vec3,
  groundY = 0,
): VrOriginPose {
  const look = camera ?? firstView;
  if (!look) return { position: [siteCenter[0], groundY, siteCenter[2]], yaw: 0 };
  const dx = look.target[0] - look.position[0];
  const dz = look.target[2] - look.position[2];
  const flat = Math.hypot(dx, dz);
  // Straight down (a plan view) has no direction: face north (-z) from the target.
  if (flat < 1e-6) return { position: [look.target[0], groundY, look.target[2]], yaw: 0 };
  const back = Math.min(STAND_BACK_M, flat);
  return {
    position: [look.target[0] - (dx / flat) * back, groundY, look.target[2] - (dz / flat) * back],
    // three.js looks down -z: a turn of `yaw` about +y points it at (-sin yaw, -cos yaw).
    yaw: Math.atan2(-dx, -dz),
  };
}
