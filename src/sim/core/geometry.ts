import type { ZoneConfig } from '../../config/schema';

/** Ground-plane point, site metres: [x east, z south]. */
export type Point2 = [number, number];

/** Axis-aligned rectangle in the ground plane. */
export interface Rect {
  xMin: number;
  xMax: number;
  zMin: number;
  zMax: number;
}

/** Bounding rectangle of a zone's polygon (the bundled zones are rectangles). */
export function zoneRect(zone: ZoneConfig): Rect {
  let xMin = Infinity;
  let xMax = -Infinity;
  let zMin = Infinity;
  let zMax = -Infinity;
  for (const [x, z] of zone.polygon) {
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    zMin = Math.min(zMin, z);
    zMax = Math.max(zMax, z);
  }
  return { xMin, xMax, zMin, zMax };
}

export const rectCentre = (r: Rect): Point2 => [(r.xMin + r.xMax) / 2, (r.zMin + r.zMax) / 2];

export function inRect(r: Rect, x: number, z: number, margin = 0): boolean {
  return (
    x >= r.xMin - margin && x <= r.xMax + margin && z >= r.zMin - margin && z <= r.zMax + margin
  );
}

/** Point-in-polygon (even–odd rule) for a zone outline of [x, z] pairs. */
export function inPolygon(
  polygon: readonly (readonly [number, number])[],
  x: number,
  z: number,
): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, zi] = polygon[i] as readonly [number, number];
    const [xj, zj] = polygon[j] as readonly [number, number];
    if (zi > z !== zj > z && x < ((xj - xi) * (z - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}

const DEG = Math.PI / 180;

/** Compass heading (0 north = −z, 90 east = +x) of a direction in the ground plane. */
export function headingOf(dx: number, dz: number): number {
  const h = Math.atan2(dx, -dz) / DEG;
  return h < 0 ? h + 360 : h;
}

/** Unit vector [x, z] a model's +x axis points along at a compass heading. */
export function forwardOf(headingDeg: number): Point2 {
  return [Math.sin(headingDeg * DEG), -Math.cos(headingDeg * DEG)];
}

/** Unit vector [x, z] of a model's +z axis at a compass heading (+x turned 90° clockwise). */
export function sidewaysOf(headingDeg: number): Point2 {
  return forwardOf(headingDeg + 90);
}

export const distance = (a: Point2, b: Point2): number => Math.hypot(a[0] - b[0], a[1] - b[1]);
