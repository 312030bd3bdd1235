import type { Rect } from './terminalLayout';

/** Rounds to millimetres: keeps configs short and stable to diff. */
export const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** Outline of a rectangle as [x, z] pairs, clockwise seen from above. */
export function rectPolygon(r: Rect): [number, number][] {
  return [
    [round3(r.xMin), round3(r.zMin)],
    [round3(r.xMax), round3(r.zMin)],
    [round3(r.xMax), round3(r.zMax)],
    [round3(r.xMin), round3(r.zMax)],
  ];
}
