import { describe, expect, it } from 'vitest';
import { BoxGeometry, Matrix4, MeshBasicMaterial } from 'three';
import type { AssetState } from '../../twin/assetState';
import type { Rig } from '../rig';
import { rigFootprint, stampFootprint } from './assetFootprints';
import { createOccupancyGrid } from './occupancyGrid';

const material = new MeshBasicMaterial();

/** A one-node rig of boxes, each [centre x, y, z, size x, y, z]. */
function rigOf(boxes: number[][]): Rig {
  return {
    nodes: [{ name: 'root', parent: -1, rest: new Matrix4(), articulation: null }],
    groups: boxes.map(([x, y, z, sx, sy, sz]) => ({
      node: 0,
      geometry: new BoxGeometry(sx, sy, sz).translate(x ?? 0, y ?? 0, z ?? 0),
      material,
    })),
    missingParts: [],
    radius: Math.max(
      ...boxes.map(([x, , z, sx, , sz]) => Math.hypot(x ?? 0, z ?? 0) + (sx ?? 0) + (sz ?? 0)),
    ),
    height: 10,
    triangles: boxes.length * 12,
    ownMaterials: [],
  };
}

const asset = (x: number, z: number, headingDeg: number, y = 0) =>
  ({ position: [x, y, z], headingDeg, pitchDeg: 0, rollDeg: 0 }) as unknown as AssetState;

describe('asset footprints for the walk', () => {
  it('takes a container as a solid box, stamped along its heading', () => {
    const container = rigOf([[0, 1.3, 0, 12, 2.6, 2.4]]);
    const footprint = rigFootprint(container, 0.5);
    expect(footprint.kind).toBe('box');
    if (footprint.kind !== 'box') return;
    expect(footprint.halfX).toBeGreaterThan(5.9);
    expect(footprint.halfX).toBeLessThan(6.4);
    expect(footprint.halfZ).toBeGreaterThan(1.1);
    expect(footprint.halfZ).toBeLessThan(1.5);

    // Heading 0° (north): the container's length lies along z.
    const grid = createOccupancyGrid({ minX: -30, minZ: -30, maxX: 30, maxZ: 30 }, 0.5);
    stampFootprint(grid, footprint, asset(10, 0, 0));
    expect(grid.blocked(10, 5, 0.1)).toBe(true);
    expect(grid.blocked(10, -5, 0.1)).toBe(true);
    expect(grid.blocked(15, 0, 0.1)).toBe(false);
    // Its middle is solid, not only its walls.
    expect(grid.blocked(10, 0, 0.1)).toBe(true);
  });

  it('blocks a crane’s legs and sill beams but lets a walker between them and under the boom', () => {
    const crane = rigOf([
      // Four legs 10 m apart across, 14 m apart along; a portal beam and a boom high above.
      [-7, 10, -5, 1, 20, 1],
      [7, 10, -5, 1, 20, 1],
      [-7, 10, 5, 1, 20, 1],
      [7, 10, 5, 1, 20, 1],
      [0, 20, 0, 16, 1, 12],
      [0, 30, 0, 60, 2, 3],
    ]);
    const footprint = rigFootprint(crane, 0.5);
    expect(footprint.kind).toBe('points');
    const grid = createOccupancyGrid({ minX: -60, minZ: -60, maxX: 60, maxZ: 60 }, 0.5);
    stampFootprint(grid, footprint, asset(0, 0, 90));
    for (const [x, z] of [
      [-7, -5],
      [7, -5],
      [-7, 5],
      [7, 5],
    ])
      expect(grid.blocked(x ?? 0, z ?? 0, 0.1), `leg at ${x}, ${z}`).toBe(true);
    expect(grid.blocked(0, 0, 0.3)).toBe(false);
    expect(grid.blocked(25, 0, 0.3)).toBe(false);

    // Turned to heading 0°: the legs now stand 14 m apart along z.
    const turned = createOccupancyGrid({ minX: -60, minZ: -60, maxX: 60, maxZ: 60 }, 0.5);
    stampFootprint(turned, footprint, asset(0, 0, 0));
    expect(turned.blocked(5, 7, 0.1) || turned.blocked(-5, 7, 0.1)).toBe(true);
    expect(turned.blocked(7, 5, 0.1) && turned.blocked(7, -5, 0.1)).toBe(false);
  });

  it('stamps nothing for an asset above the walker’s head', () => {
    const footprint = rigFootprint(rigOf([[0, 1.3, 0, 12, 2.6, 2.4]]), 0.5);
    const grid = createOccupancyGrid({ minX: -30, minZ: -30, maxX: 30, maxZ: 30 }, 0.5);
    stampFootprint(grid, footprint, asset(0, 0, 0, 2.6));
    expect(grid.count()).toBe(0);
  });
});
