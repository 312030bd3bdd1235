import { type BufferGeometry, type Matrix4, Mesh, type Object3D, Vector3 } from 'three';
import { type HeightBand, type OccupancyGrid, WALKER_BAND } from './occupancyGrid';

const _a = new Vector3();
const _b = new Vector3();
const _c = new Vector3();

/** Ground rectangle (x, z), site metres. */
export interface GroundRect {
  minX: number;
  minZ: number;
  maxX: number;
  maxZ: number;
}

export const emptyRect = (): GroundRect => ({
  minX: Infinity,
  minZ: Infinity,
  maxX: -Infinity,
  maxZ: -Infinity,
});

/** Calls `each` with every triangle of `geometry` placed by `matrix` (vectors reused). */
function forEachTriangle(
  geometry: BufferGeometry,
  matrix: Matrix4,
  each: (a: Vector3, b: Vector3, c: Vector3) => void,
): void {
  const position = geometry.getAttribute('position');
  if (!position) return;
  const index = geometry.getIndex();
  const count = index ? index.count : position.count;
  for (let i = 0; i + 2 < count; i += 3) {
    _a.fromBufferAttribute(position, index ? index.getX(i) : i).applyMatrix4(matrix);
    _b.fromBufferAttribute(position, index ? index.getX(i + 1) : i + 1).applyMatrix4(matrix);
    _c.fromBufferAttribute(position, index ? index.getX(i + 2) : i + 2).applyMatrix4(matrix);
    each(_a, _b, _c);
  }
}

/**
 * Marks every triangle of `geometry`, placed by `matrix`, in the grid: what a walker bumps into.
 * The grid keeps only the part between knees and head.
 */
export function markGeometry(grid: OccupancyGrid, geometry: BufferGeometry, matrix: Matrix4): void {
  forEachTriangle(geometry, matrix, (a, b, c) =>
    grid.markTriangle(a.x, a.y, a.z, b.x, b.y, b.z, c.x, c.y, c.z),
  );
}

/**
 * Grows `rect` by the triangles of `geometry` that reach into the walker's height band: where
 * there is anything to bump into. A site's ground may span kilometres of sea and hinterland;
 * its walls, fences and buildings span far less, and the grid needs to cover only them.
 */
export function extendByBand(
  rect: GroundRect,
  geometry: BufferGeometry,
  matrix: Matrix4,
  band: HeightBand = WALKER_BAND,
): void {
  forEachTriangle(geometry, matrix, (a, b, c) => {
    if (Math.max(a.y, b.y, c.y) < band.low || Math.min(a.y, b.y, c.y) > band.high) return;
    rect.minX = Math.min(rect.minX, a.x, b.x, c.x);
    rect.maxX = Math.max(rect.maxX, a.x, b.x, c.x);
    rect.minZ = Math.min(rect.minZ, a.z, b.z, c.z);
    rect.maxZ = Math.max(rect.maxZ, a.z, b.z, c.z);
  });
}

/** Calls `each` with the meshes under `roots` that the walk considers (placed scenery). */
function eachSceneryMesh(roots: readonly Object3D[], each: (mesh: Mesh) => void): void {
  for (const root of roots) {
    root.updateMatrixWorld(true);
    root.traverse((object) => {
      // Instanced meshes are assets: they are stamped from their own poses.
      if (object instanceof Mesh && object.visible && !('isInstancedMesh' in object)) each(object);
    });
  }
}

/** Where the scenery under `roots` has anything in the walker's height band. */
export function sceneryBandRect(roots: readonly Object3D[]): GroundRect {
  const rect = emptyRect();
  eachSceneryMesh(roots, (mesh) =>
    extendByBand(rect, mesh.geometry as BufferGeometry, mesh.matrixWorld),
  );
  return rect;
}

/** Marks the scenery under `roots` (halls, walls, fences, site-model equipment) in the grid. */
export function markObjects(grid: OccupancyGrid, roots: readonly Object3D[]): void {
  eachSceneryMesh(roots, (mesh) =>
    markGeometry(grid, mesh.geometry as BufferGeometry, mesh.matrixWorld),
  );
}
