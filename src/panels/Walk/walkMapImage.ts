/** The fixed obstacles of a site as the walk sees them (a grid over the ground). */
export interface WalkMapGrid {
  columns: number;
  rows: number;
  /** 1 where blocked, row-major (row = z, column = x). */
  cells: Uint8Array;
  bounds: { minX: number; minZ: number; maxX: number; maxZ: number };
}

/**
 * Shrinks the grid to a `width` × `height` mask for the minimap: a pixel is blocked when any cell
 * under it is, so a 0.3 m wall still shows on a 1,000 m site. One pass over the cells.
 */
export function walkMapMask(grid: WalkMapGrid, width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let r = 0; r < grid.rows; r++) {
    const y = Math.min(height - 1, Math.floor((r / grid.rows) * height));
    for (let c = 0; c < grid.columns; c++) {
      if (grid.cells[r * grid.columns + c] === 0) continue;
      const x = Math.min(width - 1, Math.floor((c / grid.columns) * width));
      mask[y * width + x] = 1;
    }
  }
  return mask;
}

/** The minimap's size for a site: `longSide` pixels along its longer side, the aspect kept. */
export function walkMapSize(
  grid: WalkMapGrid,
  longSide: number,
): { width: number; height: number } {
  const w = grid.bounds.maxX - grid.bounds.minX;
  const h = grid.bounds.maxZ - grid.bounds.minZ;
  return w >= h
    ? { width: longSide, height: Math.max(1, Math.round((longSide * h) / w)) }
    : { width: Math.max(1, Math.round((longSide * w) / h)), height: longSide };
}
