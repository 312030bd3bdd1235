import type { BuiltSite } from '../buildSite';
import { type Footprint, rigFootprint, stampFootprint } from './assetFootprints';
import { type GroundRect, markObjects, sceneryBandRect } from './markObjects';
import { createOccupancyGrid, type OccupancyGrid, WALKER_BAND } from './occupancyGrid';

/** Grid cell, metres: narrower than a door, wider than a handrail is thick (finest used). */
export const WALK_CELL_M = 0.5;
/** The walk may go this far beyond the last wall or fence, metres; no further. */
const WALK_MARGIN_M = 20;
/** At most this many cells per grid (16 MB): the cells grow on a site larger than ~2 km × 2 km. */
const MAX_CELLS = 16_000_000;
/** Moving assets are re-stamped this far around the walker (further ones cannot be reached). */
const ASSET_RANGE_M = 60;

/** What stops the walker: the scenery (fixed) plus the assets near them (moving). */
export interface WalkObstacles {
  /** Scenery and the assets stamped at the last refresh: what `move` is tested against. */
  readonly grid: OccupancyGrid;
  /** Scenery only (the minimap's background). */
  readonly fixed: OccupancyGrid;
  /** Re-stamps the assets near (x, z) at their current poses; no allocation. */
  refresh(x: number, z: number): void;
}

/**
 * Where the walk may go: around the scenery that stands in the walker's way (not the kilometres
 * of sea a terminal's ground may hold), or around the assets on the ground if nothing stands.
 */
function walkBounds(site: BuiltSite): GroundRect {
  const rect = sceneryBandRect(site.scenery);
  if (rect.minX > rect.maxX) {
    for (const type of site.instanced) {
      for (const asset of type.assets) {
        const [x, y, z] = asset.position;
        if (y > WALKER_BAND.high) continue;
        rect.minX = Math.min(rect.minX, x);
        rect.maxX = Math.max(rect.maxX, x);
        rect.minZ = Math.min(rect.minZ, z);
        rect.maxZ = Math.max(rect.maxZ, z);
      }
    }
  }
  if (rect.minX > rect.maxX) return { minX: -100, minZ: -100, maxX: 100, maxZ: 100 };
  return {
    minX: rect.minX - WALK_MARGIN_M,
    minZ: rect.minZ - WALK_MARGIN_M,
    maxX: rect.maxX + WALK_MARGIN_M,
    maxZ: rect.maxZ + WALK_MARGIN_M,
  };
}

const cache = new WeakMap<BuiltSite, WalkObstacles>();

/**
 * The walk's obstacles for a site, built the first time someone walks there (the scenery's
 * triangles, ~0.1–0.3 s for a bundled site) and kept with the site.
 */
export function walkObstaclesOf(site: BuiltSite): WalkObstacles {
  const known = cache.get(site);
  if (known) return known;
  performance.mark('twindeck:walk-obstacles-start');
  const bounds = walkBounds(site);
  // A site much larger than the bundled ones gets coarser cells rather than a huge grid.
  const area = (bounds.maxX - bounds.minX) * (bounds.maxZ - bounds.minZ);
  const cellM = Math.max(WALK_CELL_M, Math.sqrt(area / MAX_CELLS));
  const fixed = createOccupancyGrid(bounds, cellM);
  markObjects(fixed, site.scenery);
  const grid = createOccupancyGrid(bounds, cellM);
  grid.copyFrom(fixed);
  const footprints: Footprint[] = site.instanced.map((type) => rigFootprint(type.rig, cellM));
  const range2 = ASSET_RANGE_M * ASSET_RANGE_M;
  const obstacles: WalkObstacles = {
    grid,
    fixed,
    refresh(x, z) {
      grid.copyFrom(fixed);
      for (let i = 0; i < site.instanced.length; i++) {
        const footprint = footprints[i];
        const assets = site.instanced[i]?.assets;
        if (!footprint || footprint.kind === 'none' || !assets) continue;
        for (const asset of assets) {
          const dx = asset.position[0] - x;
          const dz = asset.position[2] - z;
          if (dx * dx + dz * dz <= range2) stampFootprint(grid, footprint, asset);
        }
      }
    },
  };
  cache.set(site, obstacles);
  // How long a first walk waits for the scenery's grid (docs/walk.md).
  performance.measure('twindeck:walk-obstacles', 'twindeck:walk-obstacles-start');
  return obstacles;
}
