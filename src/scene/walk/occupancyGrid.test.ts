import { describe, expect, it } from 'vitest';
import { createOccupancyGrid } from './occupancyGrid';

const bounds = { minX: -20, minZ: -20, maxX: 20, maxZ: 20 };

/** An upright wall panel along x at `z`, from x0 to x1, as two triangles split corner to corner. */
function wall(
  grid: ReturnType<typeof createOccupancyGrid>,
  x0: number,
  x1: number,
  z: number,
  h: number,
) {
  grid.markTriangle(x0, 0, z, x1, 0, z, x1, h, z);
  grid.markTriangle(x0, 0, z, x1, h, z, x0, h, z);
}

const walk = (
  grid: ReturnType<typeof createOccupancyGrid>,
  from: { x: number; z: number },
  dx: number,
  dz: number,
  steps: number,
) => {
  const at = { ...from };
  for (let i = 0; i < steps; i++) grid.move(at.x, at.z, dx, dz, 0.3, at);
  return at;
};

describe('the walk occupancy grid', () => {
  it('stops a walker at a wall, all along its length', () => {
    const grid = createOccupancyGrid(bounds, 0.25);
    wall(grid, -10, 10, 5, 3);
    for (const x of [-9, -4, 0, 3, 6, 9.5]) {
      const at = walk(grid, { x, z: 0 }, 0, 0.1, 100);
      expect(at.z, `at x = ${x}`).toBeGreaterThan(4.3);
      expect(at.z, `at x = ${x}`).toBeLessThan(5);
    }
  });

  it('slides along a wall met at an angle, and goes through a door gap', () => {
    const grid = createOccupancyGrid(bounds, 0.25);
    wall(grid, -10, 0, 5, 3);
    wall(grid, 2, 10, 5, 3);
    const slid = walk(grid, { x: -8, z: 0 }, 0.05, 0.1, 100);
    // At the wall by the 45th step; the rest of the way it slides along it, losing no x.
    expect(slid.z).toBeLessThan(5);
    expect(slid.z).toBeGreaterThan(4.3);
    expect(slid.x).toBeCloseTo(-3, 6);
    // Straight through the 2 m gap between x = 0 and x = 2.
    const through = walk(grid, { x: 1, z: 0 }, 0, 0.1, 100);
    expect(through.z).toBeGreaterThan(9);
  });

  it('walks over the ground and under a boom, but not into a box', () => {
    const grid = createOccupancyGrid(bounds, 0.25);
    // Ground: a flat quad at y = 0. Boom: a flat quad at 30 m.
    grid.markTriangle(-20, 0, -20, 20, 0, -20, 20, 0, 20);
    grid.markTriangle(-20, 30, -5, 20, 30, -5, 20, 30, 5);
    expect(grid.count()).toBe(0);
    // A container, 12 m by 2.4 m, turned 90°: long along z.
    grid.markBox(0, 10, 6, 1.2, Math.PI / 2);
    expect(grid.blocked(0, 10, 0.3)).toBe(true);
    expect(grid.blocked(0, 15.5, 0.3)).toBe(true);
    expect(grid.blocked(3, 10, 0.3)).toBe(false);
    const at = walk(grid, { x: 0, z: 0 }, 0, 0.1, 100);
    expect(at.z).toBeLessThan(4);
    expect(at.z).toBeGreaterThan(3);
  });

  it('marks a sloped surface in the band as a whole, not only its edges', () => {
    const grid = createOccupancyGrid(bounds, 0.25);
    // A ramp-like slab from 0.5 m to 1.5 m high over 4 m × 4 m.
    grid.markTriangle(0, 0.5, 0, 4, 1.5, 0, 4, 1.5, 4);
    grid.markTriangle(0, 0.5, 0, 4, 1.5, 4, 0, 0.5, 4);
    expect(grid.blocked(2, 2, 0.1)).toBe(true);
  });

  it('keeps walkers inside the site', () => {
    const grid = createOccupancyGrid(bounds, 0.5);
    const at = walk(grid, { x: 0, z: 0 }, 0.5, 0, 100);
    expect(at.x).toBeLessThan(20);
    expect(at.x).toBeGreaterThan(19);
  });

  it('finds the free spot nearest to a blocked one, and copies a grid', () => {
    const grid = createOccupancyGrid(bounds, 0.5);
    grid.markBox(0, 0, 3, 3, 0);
    const out = { x: NaN, z: NaN };
    expect(grid.nearestFree(1, 0, 0.3, 10, out)).toBe(true);
    // Out of the box's nearer side (x = 3 plus the half-cell slack and the radius).
    expect(out.x).toBeGreaterThan(3.5);
    expect(out.x).toBeLessThan(4.6);
    expect(Math.abs(out.z)).toBeLessThan(0.6);
    expect(grid.blocked(out.x, out.z, 0.3)).toBe(false);
    // Nothing free within 1 m of the centre of a 6 m box.
    expect(grid.nearestFree(0, 0, 0.3, 1, out)).toBe(false);

    const copy = createOccupancyGrid(bounds, 0.5);
    copy.copyFrom(grid);
    expect(copy.count()).toBe(grid.count());
    expect(() => createOccupancyGrid(bounds, 0.25).copyFrom(grid)).toThrow(/differ/);
  });
});
