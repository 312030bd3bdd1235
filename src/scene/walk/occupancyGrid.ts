/**
 * Where a person walking through the site cannot go, as a 2D grid over the ground (x, z): the
 * collision of the first-person walk. A cell is blocked when something stands in it between the
 * walker's knees and head — a wall, a container, a crane leg — and free when the only things
 * there are the ground below or a crane's boom overhead. Built once per site from the scene's
 * triangles and boxes; each frame's test is a few array reads, with no allocation.
 */
export interface OccupancyGrid {
  readonly cellM: number;
  readonly columns: number;
  readonly rows: number;
  readonly bounds: { minX: number; minZ: number; maxX: number; maxZ: number };
  /** 1 where blocked, row-major (row = z, column = x); read by the minimap. */
  readonly cells: Uint8Array;
  /** Blocks what a triangle puts in the walker's height band (its edges, seen from above). */
  markTriangle(
    ax: number,
    ay: number,
    az: number,
    bx: number,
    by: number,
    bz: number,
    cx: number,
    cy: number,
    cz: number,
  ): void;
  /** Blocks a box standing on the ground: centre, half sizes along its own axes, heading. */
  markBox(x: number, z: number, halfX: number, halfZ: number, headingRad: number): void;
  /** Blocks the one cell holding (x, z). */
  markCell(x: number, z: number): void;
  /**
   * Blocks every free cell that cannot be reached from the grid's border without crossing a
   * blocked one: the inside of a closed outline (a box's walls seen from above) becomes solid.
   */
  fillEnclosed(): void;
  /** Whether a walker of `radius` at (x, z) touches a blocked cell (outside the grid counts). */
  blocked(x: number, z: number, radius: number): boolean;
  /**
   * Moves a walker from (x, z) by (dx, dz) as far as it may go: the whole step, or sliding along
   * what blocks it (only x, or only z), or not at all. Writes the new position into `out`.
   */
  move(
    x: number,
    z: number,
    dx: number,
    dz: number,
    radius: number,
    out: { x: number; z: number },
  ): void;
  /**
   * The free spot nearest to (x, z) where a walker of `radius` fits, searched in rings out to
   * `maxM`; written into `out`. Returns false (and leaves `out`) when there is none.
   */
  nearestFree(
    x: number,
    z: number,
    radius: number,
    maxM: number,
    out: { x: number; z: number },
  ): boolean;
  /** Makes this grid a copy of `other` (same bounds and cell size): the fixed part of a rebuild. */
  copyFrom(other: OccupancyGrid): void;
  /** Blocked cells (for tests and the minimap). */
  count(): number;
}

export interface HeightBand {
  /** Things lower than this are stepped over (the ground, kerbs, rails). */
  low: number;
  /** Things higher than this are walked under (booms, roofs, gantries). */
  high: number;
}

/** A walker 1.8 m tall who steps over 0.3 m. */
export const WALKER_BAND: HeightBand = { low: 0.3, high: 1.8 };

export function createOccupancyGrid(
  bounds: { minX: number; minZ: number; maxX: number; maxZ: number },
  cellM: number,
  band: HeightBand = WALKER_BAND,
): OccupancyGrid {
  const columns = Math.max(1, Math.ceil((bounds.maxX - bounds.minX) / cellM));
  const rows = Math.max(1, Math.ceil((bounds.maxZ - bounds.minZ) / cellM));
  const cells = new Uint8Array(columns * rows);
  const column = (x: number) => Math.floor((x - bounds.minX) / cellM);
  const row = (z: number) => Math.floor((z - bounds.minZ) / cellM);
  const mark = (c: number, r: number) => {
    if (c >= 0 && r >= 0 && c < columns && r < rows) cells[r * columns + c] = 1;
  };

  /** Marks every cell a segment on the ground passes through (sampled at a quarter cell). */
  const markSegment = (x0: number, z0: number, x1: number, z1: number) => {
    const steps = Math.max(1, Math.ceil((Math.hypot(x1 - x0, z1 - z0) / cellM) * 4));
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      mark(column(x0 + (x1 - x0) * t), row(z0 + (z1 - z0) * t));
    }
  };

  // Scratch polygons for clipping a triangle to the band (x, y, z per vertex; at most 5).
  const clipA = new Float64Array(15);
  const clipB = new Float64Array(15);

  /**
   * Clips the polygon in `from` (n vertices) to y ≥ level (`keepAbove`) or y ≤ level, into `to`;
   * returns its vertex count (Sutherland–Hodgman against one plane).
   */
  const clip = (
    from: Float64Array,
    n: number,
    to: Float64Array,
    level: number,
    keepAbove: boolean,
  ) => {
    let m = 0;
    const inside = (y: number) => (keepAbove ? y >= level : y <= level);
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const py = from[i * 3 + 1] as number;
      const qy = from[j * 3 + 1] as number;
      if (inside(py)) {
        to[m * 3] = from[i * 3] as number;
        to[m * 3 + 1] = py;
        to[m * 3 + 2] = from[i * 3 + 2] as number;
        m++;
      }
      if (inside(py) !== inside(qy)) {
        const t = (level - py) / (qy - py);
        const px = from[i * 3] as number;
        const pz = from[i * 3 + 2] as number;
        to[m * 3] = px + ((from[j * 3] as number) - px) * t;
        to[m * 3 + 1] = level;
        to[m * 3 + 2] = pz + ((from[j * 3 + 2] as number) - pz) * t;
        m++;
      }
    }
    return m;
  };

  /** Marks a polygon seen from above: its edges, and the cells whose centre lies inside it. */
  const markPolygon = (poly: Float64Array, n: number) => {
    let minX = Infinity;
    let maxX = -Infinity;
    let minZ = Infinity;
    let maxZ = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = poly[i * 3] as number;
      const z = poly[i * 3 + 2] as number;
      const j = (i + 1) % n;
      markSegment(x, z, poly[j * 3] as number, poly[j * 3 + 2] as number);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minZ = Math.min(minZ, z);
      maxZ = Math.max(maxZ, z);
    }
    // An upright surface is a line from above (its edges did it); a sloping one has an inside.
    if (maxX - minX < cellM || maxZ - minZ < cellM) return;
    for (let r = row(minZ); r <= row(maxZ); r++) {
      const cz = bounds.minZ + (r + 0.5) * cellM;
      for (let c = column(minX); c <= column(maxX); c++) {
        const cx = bounds.minX + (c + 0.5) * cellM;
        let inside = false;
        for (let i = 0, j = n - 1; i < n; j = i++) {
          const xi = poly[i * 3] as number;
          const zi = poly[i * 3 + 2] as number;
          const xj = poly[j * 3] as number;
          const zj = poly[j * 3 + 2] as number;
          if (zi > cz !== zj > cz && cx < ((xj - xi) * (cz - zi)) / (zj - zi) + xi)
            inside = !inside;
        }
        if (inside) mark(c, r);
      }
    }
  };

  const grid: OccupancyGrid = {
    cellM,
    columns,
    rows,
    bounds,
    cells,
    markTriangle(ax, ay, az, bx, by, bz, cx, cy, cz) {
      if (Math.max(ay, by, cy) < band.low || Math.min(ay, by, cy) > band.high) return;
      // The part of the triangle between knees and head, seen from above.
      clipA.set([ax, ay, az, bx, by, bz, cx, cy, cz]);
      const n = clip(clipA, 3, clipB, band.low, true);
      const m = clip(clipB, n, clipA, band.high, false);
      if (m >= 2) markPolygon(clipA, m);
    },
    markBox(x, z, halfX, halfZ, headingRad) {
      const cos = Math.cos(headingRad);
      const sin = Math.sin(headingRad);
      const reach = Math.hypot(halfX, halfZ);
      for (let r = row(z - reach); r <= row(z + reach); r++) {
        for (let c = column(x - reach); c <= column(x + reach); c++) {
          const px = bounds.minX + (c + 0.5) * cellM - x;
          const pz = bounds.minZ + (r + 0.5) * cellM - z;
          // The cell centre in the box's own axes (x along its heading), with half a cell's slack.
          const u = px * cos - pz * sin;
          const v = px * sin + pz * cos;
          if (Math.abs(u) <= halfX + cellM / 2 && Math.abs(v) <= halfZ + cellM / 2) mark(c, r);
        }
      }
    },
    markCell(x, z) {
      mark(column(x), row(z));
    },
    fillEnclosed() {
      // Flood the free cells from the border; what the flood does not reach is enclosed.
      const reached = new Uint8Array(cells.length);
      // Each cell is pushed at most once, so a stack as long as the grid never overflows.
      const stack = new Int32Array(cells.length);
      let top = 0;
      const push = (i: number) => {
        if (cells[i] === 0 && reached[i] === 0) {
          reached[i] = 1;
          stack[top++] = i;
        }
      };
      for (let c = 0; c < columns; c++) {
        push(c);
        push((rows - 1) * columns + c);
      }
      for (let r = 0; r < rows; r++) {
        push(r * columns);
        push(r * columns + columns - 1);
      }
      while (top > 0) {
        const i = stack[--top] as number;
        const c = i % columns;
        if (c > 0) push(i - 1);
        if (c < columns - 1) push(i + 1);
        if (i >= columns) push(i - columns);
        if (i + columns < cells.length) push(i + columns);
      }
      for (let i = 0; i < cells.length; i++) if (reached[i] === 0) cells[i] = 1;
    },
    blocked(x, z, radius) {
      const c0 = column(x - radius);
      const c1 = column(x + radius);
      const r0 = row(z - radius);
      const r1 = row(z + radius);
      if (c0 < 0 || r0 < 0 || c1 >= columns || r1 >= rows) return true;
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          if (cells[r * columns + c] === 0) continue;
          // Nearest point of the cell to the walker: blocked only if within its radius.
          const nx = Math.max(bounds.minX + c * cellM, Math.min(x, bounds.minX + (c + 1) * cellM));
          const nz = Math.max(bounds.minZ + r * cellM, Math.min(z, bounds.minZ + (r + 1) * cellM));
          if ((nx - x) ** 2 + (nz - z) ** 2 < radius * radius) return true;
        }
      }
      return false;
    },
    move(x, z, dx, dz, radius, out) {
      if (!grid.blocked(x + dx, z + dz, radius)) {
        out.x = x + dx;
        out.z = z + dz;
      } else if (dx !== 0 && !grid.blocked(x + dx, z, radius)) {
        out.x = x + dx;
        out.z = z;
      } else if (dz !== 0 && !grid.blocked(x, z + dz, radius)) {
        out.x = x;
        out.z = z + dz;
      } else {
        out.x = x;
        out.z = z;
      }
    },
    nearestFree(x, z, radius, maxM, out) {
      // Ring by ring (a square of cells at each distance), so the first free spot is near-nearest.
      for (let ring = 0; ring * cellM <= maxM; ring++) {
        let best = Infinity;
        for (let i = -ring; i <= ring; i++) {
          for (let j = -ring; j <= ring; j++) {
            if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
            const px = x + i * cellM;
            const pz = z + j * cellM;
            const d = i * i + j * j;
            if (d < best && !grid.blocked(px, pz, radius)) {
              best = d;
              out.x = px;
              out.z = pz;
            }
          }
        }
        if (best !== Infinity) return true;
      }
      return false;
    },
    copyFrom(other) {
      if (other.cells.length !== cells.length) throw new Error('grids differ in size');
      cells.set(other.cells);
    },
    count: () => cells.reduce((n, v) => n + v, 0),
  };
  return grid;
}
