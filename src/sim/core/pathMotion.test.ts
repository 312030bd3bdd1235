import { describe, expect, it } from 'vitest';
import { PathMotion, type PathSample } from './pathMotion';
import { RoadGraph } from './roadGraph';

describe('PathMotion', () => {
  const style = { maxSpeed: 7, turnSpeed: 2.5, accel: 0.8 };

  it('starts and ends at rest, never exceeds its top speed and slows for a corner', () => {
    const m = new PathMotion(
      [
        [0, 0],
        [200, 0],
        [200, 150],
      ],
      0,
      style,
    );
    const s: PathSample = { x: 0, z: 0, headingDeg: 0, speed: 0 };
    let max = 0;
    let atCorner = Infinity;
    for (let t = 0; t <= m.endT; t += 100) {
      m.sampleAt(t, s);
      max = Math.max(max, s.speed);
      if (Math.abs(s.x - 200) < 1 && Math.abs(s.z) < 1) atCorner = Math.min(atCorner, s.speed);
    }
    expect(max).toBeLessThanOrEqual(7 + 1e-9);
    expect(max).toBeGreaterThan(6.9);
    expect(atCorner).toBeLessThan(3);
    m.sampleAt(m.endT, s);
    expect([s.x, s.z, s.speed]).toEqual([200, 150, 0]);
    expect(s.headingDeg).toBeCloseTo(180, 6);
    m.sampleAt(0, s);
    expect(s.headingDeg).toBeCloseTo(90, 6);
  });
});

describe('RoadGraph', () => {
  // Two east–west roads joined by a north–south one at x = 100.
  const graph = new RoadGraph([
    { id: 'north', rect: { xMin: 0, xMax: 200, zMin: -4, zMax: 4 } },
    { id: 'south', rect: { xMin: 0, xMax: 200, zMin: 96, zMax: 104 } },
    { id: 'link', rect: { xMin: 96, xMax: 104, zMin: 0, zMax: 100 } },
  ]);

  it('routes along centre lines through the junctions', () => {
    const path = graph.route([10, 0], [190, 100]);
    expect(path).toEqual([
      [10, 0],
      [100, 0],
      [100, 100],
      [190, 100],
    ]);
  });
});
