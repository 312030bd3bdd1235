import { Matrix4 } from 'three';
import { headingToYaw } from '../../lib/geo';
import type { AssetState } from '../../twin/assetState';
import type { Rig } from '../rig';
import { emptyRect, extendByBand, markGeometry } from './markObjects';
import {
  createOccupancyGrid,
  type HeightBand,
  type OccupancyGrid,
  WALKER_BAND,
} from './occupancyGrid';

/**
 * What one asset type blocks around a walker, in the asset's own axes (x along its heading):
 * worked out once per type from its model at rest, then stamped at each asset's pose.
 */
export type Footprint =
  | {
      kind: 'box';
      /** Centre offset from the asset origin, and half sizes, in the asset's axes. */
      x: number;
      z: number;
      halfX: number;
      halfZ: number;
    }
  /**
   * The outline of what is blocked, as points (x, z pairs) at half the grid's cell size, so a
   * turned stamp has no gaps. A walker cannot cross an outline, so its inside (a 300 m hull)
   * need not be stamped.
   */
  | { kind: 'points'; points: Float32Array }
  | { kind: 'none' };

/** A footprint this full of its bounding rectangle is stamped as that rectangle (containers). */
const BOX_FILL = 0.9;

/**
 * The footprint of a rig at rest: its triangles in the walker's height band, seen from above,
 * with closed outlines filled (a container is solid, the space between a crane's legs is not).
 */
export function rigFootprint(rig: Rig, cellM: number, band: HeightBand = WALKER_BAND): Footprint {
  const step = cellM / 2;
  // Rest pose: every node's world matrix from its parents' (the root stays at the origin).
  const world = rig.nodes.map(() => new Matrix4());
  rig.nodes.forEach((node, i) => {
    const parent = world[node.parent];
    if (i > 0 && parent) world[i]?.multiplyMatrices(parent, node.rest);
  });
  // The grid covers only what reaches into the band: a ship's hull, not its 300 m radius.
  const rect = emptyRect();
  for (const group of rig.groups) {
    const matrix = world[group.node];
    if (matrix) extendByBand(rect, group.geometry, matrix, band);
  }
  if (rect.minX > rect.maxX) return { kind: 'none' };
  const local = createOccupancyGrid(
    {
      minX: rect.minX - cellM,
      minZ: rect.minZ - cellM,
      maxX: rect.maxX + cellM,
      maxZ: rect.maxZ + cellM,
    },
    step,
    band,
  );
  for (const group of rig.groups) {
    const matrix = world[group.node];
    if (matrix) markGeometry(local, group.geometry, matrix);
  }
  if (local.count() === 0) return { kind: 'none' };
  local.fillEnclosed();
  const { minX, minZ } = local.bounds;

  let minC = Infinity;
  let maxC = -Infinity;
  let minR = Infinity;
  let maxR = -Infinity;
  let filled = 0;
  const points: number[] = [];
  const { columns, rows, cells } = local;
  const free = (c: number, r: number) =>
    c < 0 || r < 0 || c >= columns || r >= rows || cells[r * columns + c] === 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (cells[r * columns + c] === 0) continue;
      filled++;
      if (free(c - 1, r) || free(c + 1, r) || free(c, r - 1) || free(c, r + 1))
        points.push(minX + (c + 0.5) * step, minZ + (r + 0.5) * step);
      minC = Math.min(minC, c);
      maxC = Math.max(maxC, c);
      minR = Math.min(minR, r);
      maxR = Math.max(maxR, r);
    }
  }
  const rectCells = (maxC - minC + 1) * (maxR - minR + 1);
  if (filled >= rectCells * BOX_FILL) {
    return {
      kind: 'box',
      x: minX + ((minC + maxC + 1) / 2) * step,
      z: minZ + ((minR + maxR + 1) / 2) * step,
      halfX: ((maxC - minC + 1) * step) / 2,
      halfZ: ((maxR - minR + 1) * step) / 2,
    };
  }
  return { kind: 'points', points: new Float32Array(points) };
}

/**
 * Stamps an asset's footprint into the grid at its position and heading. Assets lifted above the
 * walker's head (a container on the second tier, one hanging from a spreader) stamp nothing.
 */
export function stampFootprint(
  grid: OccupancyGrid,
  footprint: Footprint,
  asset: AssetState,
  band: HeightBand = WALKER_BAND,
): void {
  if (footprint.kind === 'none' || asset.position[1] > band.high) return;
  const yaw = headingToYaw(asset.headingDeg);
  const cos = Math.cos(yaw);
  const sin = Math.sin(yaw);
  const [x, , z] = asset.position;
  // Local (u, v) to world, as three.js turns an object by `yaw` about y.
  if (footprint.kind === 'box') {
    grid.markBox(
      x + footprint.x * cos + footprint.z * sin,
      z - footprint.x * sin + footprint.z * cos,
      footprint.halfX,
      footprint.halfZ,
      yaw,
    );
    return;
  }
  const p = footprint.points;
  for (let i = 0; i + 1 < p.length; i += 2) {
    const u = p[i] as number;
    const v = p[i + 1] as number;
    grid.markCell(x + u * cos + v * sin, z - u * sin + v * cos);
  }
}
