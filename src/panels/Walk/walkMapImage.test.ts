import { describe, expect, it } from 'vitest';
import { walkMapMask, walkMapSize } from './walkMapImage';

describe('the walk minimap image', () => {
  it('keeps a one-cell wall visible when shrinking the grid', () => {
    const columns = 100;
    const rows = 50;
    const cells = new Uint8Array(columns * rows);
    // A wall one cell thick down column 37.
    for (let r = 0; r < rows; r++) cells[r * columns + 37] = 1;
    const grid = { columns, rows, cells, bounds: { minX: 0, minZ: 0, maxX: 200, maxZ: 100 } };
    const size = walkMapSize(grid, 20);
    expect(size).toEqual({ width: 20, height: 10 });
    const mask = walkMapMask(grid, size.width, size.height);
    for (let y = 0; y < size.height; y++) {
      expect(mask[y * size.width + 7]).toBe(1);
      expect(mask[y * size.width + 8]).toBe(0);
    }
    expect(mask.reduce((n, v) => n + v, 0)).toBe(size.height);
  });
});
