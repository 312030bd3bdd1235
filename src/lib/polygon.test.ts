import { describe, expect, it } from 'vitest';
import { pointInPolygon, polygonBounds } from './polygon';

describe('pointInPolygon', () => {
  const square: Array<[number, number]> = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ];
  // An L: the notch at the top right is outside.
  const ell: Array<[number, number]> = [
    [0, 0],
    [10, 0],
    [10, 4],
    [4, 4],
    [4, 10],
    [0, 10],
  ];

  it('tells inside from outside', () => {
    expect(pointInPolygon(5, 5, square)).toBe(true);
    expect(pointInPolygon(-1, 5, square)).toBe(false);
    expect(pointInPolygon(5, 11, square)).toBe(false);
  });

  it('follows concave outlines', () => {
    expect(pointInPolygon(2, 8, ell)).toBe(true);
    expect(pointInPolygon(8, 2, ell)).toBe(true);
    expect(pointInPolygon(8, 8, ell)).toBe(false);
  });

  it('bounds a polygon', () => {
    expect(polygonBounds(ell)).toEqual({ minX: 0, maxX: 10, minZ: 0, maxZ: 10 });
  });
});
