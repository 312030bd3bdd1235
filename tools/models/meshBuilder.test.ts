import { describe, expect, it } from 'vitest';
import { MeshBuilder, type GeometryBatch } from './meshBuilder';
import { cross, dot, length, sub, type Vec3 } from './vec3';

type Key = 'a' | 'b';

const vertex = (b: GeometryBatch<Key>, i: number): Vec3 => [
  b.positions[3 * i] ?? 0,
  b.positions[3 * i + 1] ?? 0,
  b.positions[3 * i + 2] ?? 0,
];
const normal = (b: GeometryBatch<Key>, i: number): Vec3 => [
  b.normals[3 * i] ?? 0,
  b.normals[3 * i + 1] ?? 0,
  b.normals[3 * i + 2] ?? 0,
];

/** Signed volume of a closed mesh: positive when every face is wound outward. */
function signedVolume(b: GeometryBatch<Key>): number {
  let v = 0;
  for (let t = 0; t < b.indices.length; t += 3) {
    const [p, q, r] = [0, 1, 2].map((k) => vertex(b, b.indices[t + k] ?? 0)) as [Vec3, Vec3, Vec3];
    v += dot(p, cross(q, r)) / 6;
  }
  return v;
}

/** Every triangle's winding agrees with its stored normals, and normals are unit length. */
function expectConsistentNormals(b: GeometryBatch<Key>): void {
  for (let t = 0; t < b.indices.length; t += 3) {
    const ids = [0, 1, 2].map((k) => b.indices[t + k] ?? 0);
    const [p, q, r] = ids.map((i) => vertex(b, i)) as [Vec3, Vec3, Vec3];
    const face = cross(sub(q, p), sub(r, p));
    for (const i of ids) {
      expect(length(normal(b, i))).toBeCloseTo(1, 5);
      expect(dot(face, normal(b, i))).toBeGreaterThan(0);
    }
  }
}

describe('MeshBuilder', () => {
  it('winds boxes, beams, cylinders and prisms outward', () => {
    const cases: [string, (m: MeshBuilder<Key>) => void, number][] = [
      ['box', (m) => m.box('a', [1, 2, 3], [3, 5, 4]), 2 * 3 * 1],
      ['beam', (m) => m.beam('a', [0, 0, 0], [3, 4, 0], 1, 2), 5 * 1 * 2],
      ['vertical beam', (m) => m.beam('a', [0, 0, 0], [0, 5, 0], 1, 1), 5],
      ['cylinder', (m) => m.cylinder('a', [0, 0, 0], [0, 0, 2], 1, 64), Math.PI * 2],
      [
        'frustum',
        (m) => m.cylinder('a', [0, 0, 0], [1, 0, 0], 1, 64, { radiusTop: 0.5 }),
        (Math.PI / 3) * (1 + 0.5 + 0.25),
      ],
      [
        'prism',
        (m) =>
          m.prism(
            'a',
            [
              [0, 0],
              [2, 0],
              [2, 1],
              [0, 1],
            ],
            'zy',
            -1,
            1,
          ),
        4,
      ],
    ];
    for (const [name, build, volume] of cases) {
      const m = new MeshBuilder<Key>();
      build(m);
      const [batch] = m.getBatches();
      if (!batch) throw new Error(name);
      expect(signedVolume(batch), name).toBeCloseTo(volume, 1);
      expectConsistentNormals(batch);
    }
  });

  it('keeps one batch per material in first-use order and drops zero-area faces', () => {
    const m = new MeshBuilder<Key>();
    m.quadUp('b', 0, 0, 1, 1, 0);
    m.box('a', [0, 0, 0], [1, 1, 1]);
    m.quadUp('b', 0, 0, 0, 1, 0);
    m.triangle('a', [0, 0, 0], [1, 0, 0], [2, 0, 0]);
    expect(m.getBatches().map((b) => b.material)).toEqual(['b', 'a']);
    expect(m.triangleCount()).toBe(2 + 12);
  });
});
