import {
  add,
  centroid,
  cross,
  dot,
  length,
  normalize,
  perpendicularFrame,
  scale,
  sub,
  type Vec3,
} from './vec3';

/** Linear RGB in [0, 1]. */
export type Rgb = readonly [number, number, number];

/** Geometry gathered for one material: becomes one glTF primitive. */
export interface GeometryBatch<K extends string> {
  material: K;
  positions: number[];
  normals: number[];
  /** One RGB per vertex; exported only for materials that use vertex colours. */
  colors: number[];
  indices: number[];
}

/**
 * Axle height at which a wheel built by `cylinder` (horizontal axis) touches the ground: with a
 * multiple of 4 segments its lowest side is a flat face (the apothem below the axle), otherwise
 * a vertex (the full radius).
 */
export function axleHeight(radius: number, segments: number): number {
  return segments % 4 === 0 ? radius * Math.cos(Math.PI / segments) : radius;
}

/** A 2D outline point in the plane a prism is extruded from. */
export type Point2 = readonly [number, number];

/** Which world axes an outline's (a, b) coordinates map to; the third axis is the extrusion. */
export type PrismPlane = 'xy' | 'zy' | 'xz';

/**
 * Accumulates triangles per material for one node, so each node becomes one mesh with one
 * primitive per material (draw calls are what the instanced app pays for).
 * Every face gets its own vertices with a flat normal; solids are wound outward by checking each
 * face against a point inside the solid, which keeps the shape helpers free of winding bookkeeping.
 */
export class MeshBuilder<K extends string> {
  private readonly batches = new Map<K, GeometryBatch<K>>();
  private color: Rgb = [1, 1, 1];

  /** Vertex colour for the geometry that follows. */
  setColor(color: Rgb): this {
    this.color = color;
    return this;
  }

  /** Batches in the order their materials were first used (deterministic output). */
  getBatches(): GeometryBatch<K>[] {
    return [...this.batches.values()].filter((b) => b.indices.length > 0);
  }

  triangleCount(): number {
    let n = 0;
    for (const b of this.batches.values()) n += b.indices.length / 3;
    return n;
  }

  private batch(material: K): GeometryBatch<K> {
    let b = this.batches.get(material);
    if (!b) {
      b = { material, positions: [], normals: [], colors: [], indices: [] };
      this.batches.set(material, b);
    }
    return b;
  }

  private vertex(b: GeometryBatch<K>, p: Vec3, n: Vec3): number {
    const index = b.positions.length / 3;
    b.positions.push(p[0], p[1], p[2]);
    b.normals.push(n[0], n[1], n[2]);
    b.colors.push(this.color[0], this.color[1], this.color[2]);
    return index;
  }

  /** Triangle with per-vertex normals, exactly as wound. */
  private rawTriangle(material: K, a: Vec3, b: Vec3, c: Vec3, na: Vec3, nb: Vec3, nc: Vec3): void {
    const batch = this.batch(material);
    batch.indices.push(
      this.vertex(batch, a, na),
      this.vertex(batch, b, nb),
      this.vertex(batch, c, nc),
    );
  }

  /** Flat triangle wound as given; zero-area triangles are dropped because they have no normal. */
  triangle(material: K, a: Vec3, b: Vec3, c: Vec3): void {
    const n = cross(sub(b, a), sub(c, a));
    if (length(n) < 1e-9) return;
    const unit = normalize(n);
    this.rawTriangle(material, a, b, c, unit, unit, unit);
  }

  /** Flat convex polygon, wound so its normal points away from `inside`; vertices are shared by its fan. */
  polygonOutward(material: K, points: readonly Vec3[], inside: Vec3): void {
    if (points.length < 3) return;
    const normal = newellNormal(points);
    if (length(normal) < 1e-9) return;
    const outward = dot(normal, sub(centroid(points), inside)) >= 0;
    const ordered = outward ? points : [...points].reverse();
    this.fan(material, ordered, normalize(outward ? normal : scale(normal, -1)));
  }

  /** Emits a convex polygon as a triangle fan with one normal, skipping zero-area triangles. */
  private fan(material: K, points: readonly Vec3[], normal: Vec3): void {
    const first = points[0] as Vec3;
    const keep: number[] = [];
    for (let i = 1; i + 1 < points.length; i++) {
      const b = points[i] as Vec3;
      const c = points[i + 1] as Vec3;
      if (length(cross(sub(b, first), sub(c, first))) >= 1e-9) keep.push(i);
    }
    if (keep.length === 0) return;
    const batch = this.batch(material);
    const index = points.map((p) => this.vertex(batch, p, normal));
    for (const i of keep)
      batch.indices.push(index[0] as number, index[i] as number, index[i + 1] as number);
  }

  /** Flat quad facing up (+y), for ground markings and floor areas. */
  quadUp(material: K, x0: number, z0: number, x1: number, z1: number, y: number): void {
    const up: Vec3 = [0, 1, 0];
    const a: Vec3 = [Math.min(x0, x1), y, Math.min(z0, z1)];
    const b: Vec3 = [Math.min(x0, x1), y, Math.max(z0, z1)];
    const c: Vec3 = [Math.max(x0, x1), y, Math.max(z0, z1)];
    const d: Vec3 = [Math.max(x0, x1), y, Math.min(z0, z1)];
    if (a[0] === d[0] || a[2] === b[2]) return;
    this.fan(material, [a, b, c, d], up);
  }

  /** Axis-aligned box between two corners. */
  box(material: K, min: Vec3, max: Vec3): void {
    const [x0, y0, z0] = min;
    const [x1, y1, z1] = max;
    this.hexahedron(material, [
      [x0, y0, z0],
      [x1, y0, z0],
      [x0, y1, z0],
      [x1, y1, z0],
      [x0, y0, z1],
      [x1, y0, z1],
      [x0, y1, z1],
      [x1, y1, z1],
    ]);
  }

  /** Axis-aligned box from its centre and full size. */
  boxAt(material: K, center: Vec3, size: Vec3): void {
    const half = scale(size, 0.5);
    this.box(material, sub(center, half), add(center, half));
  }

  /**
   * Six-faced solid from 8 corners indexed by bits (bit 0: +a, bit 1: +b, bit 2: +c of any frame),
   * so frusta and skewed beams reuse the box topology.
   */
  hexahedron(material: K, c: readonly Vec3[]): void {
    const inside = centroid(c);
    const faces: ReadonlyArray<readonly [number, number, number, number]> = [
      [0, 1, 3, 2],
      [4, 5, 7, 6],
      [0, 1, 5, 4],
      [2, 3, 7, 6],
      [0, 2, 6, 4],
      [1, 3, 7, 5],
    ];
    for (const f of faces) {
      this.polygonOutward(
        material,
        f.map((i) => c[i] as Vec3),
        inside,
      );
    }
  }

  /**
   * Rectangular member from `from` to `to` (stays, struts, bracing). `width` is horizontal and
   * across the member, `height` is perpendicular to both.
   */
  beam(material: K, from: Vec3, to: Vec3, width: number, height: number): void {
    const d = normalize(sub(to, from));
    const side = Math.abs(d[1]) > 0.999 ? ([1, 0, 0] as Vec3) : normalize(cross(d, [0, 1, 0]));
    const up = normalize(cross(side, d));
    const corners: Vec3[] = [];
    for (let i = 0; i < 8; i++) {
      const end = i & 4 ? to : from;
      const s = ((i & 1 ? 1 : -1) * width) / 2;
      const u = ((i & 2 ? 1 : -1) * height) / 2;
      corners.push(add(end, add(scale(side, s), scale(up, u))));
    }
    this.hexahedron(material, corners);
  }

  /**
   * Cylinder or frustum from `from` to `to`, with smooth sides and flat caps.
   * `radiusTop` defaults to `radius`.
   */
  cylinder(
    material: K,
    from: Vec3,
    to: Vec3,
    radius: number,
    segments: number,
    options: { radiusTop?: number; caps?: boolean; phase?: number } = {},
  ): void {
    const axis = sub(to, from);
    const [u, v] = perpendicularFrame(axis);
    const rTop = options.radiusTop ?? radius;
    const phase = options.phase ?? Math.PI / segments;
    const ring = (center: Vec3, r: number): Vec3[] =>
      Array.from({ length: segments }, (_, k) => {
        const t = phase + (k / segments) * Math.PI * 2;
        return add(center, add(scale(u, r * Math.cos(t)), scale(v, r * Math.sin(t))));
      });
    const bottom = ring(from, radius);
    const top = ring(to, rTop);
    const axisLength = length(axis);
    const slope = axisLength > 0 ? (radius - rTop) / axisLength : 0;
    const radial = (k: number): Vec3 => {
      const t = phase + (k / segments) * Math.PI * 2;
      const out = add(scale(u, Math.cos(t)), scale(v, Math.sin(t)));
      return normalize(add(out, scale(normalize(axis), slope)));
    };
    for (let k = 0; k < segments; k++) {
      const k1 = (k + 1) % segments;
      const a = bottom[k] as Vec3;
      const b = bottom[k1] as Vec3;
      const c = top[k1] as Vec3;
      const d = top[k] as Vec3;
      const na = radial(k);
      const nb = radial(k1);
      const faceNormal = cross(sub(b, a), sub(d, a));
      const batch = this.batch(material);
      const ia = this.vertex(batch, a, na);
      const ib = this.vertex(batch, b, nb);
      const ic = this.vertex(batch, c, nb);
      const id = this.vertex(batch, d, na);
      if (dot(faceNormal, add(na, nb)) >= 0) batch.indices.push(ia, ib, ic, ia, ic, id);
      else batch.indices.push(ia, ic, ib, ia, id, ic);
    }
    if (options.caps !== false) {
      const inside = scale(add(from, to), 0.5);
      this.polygonOutward(material, bottom, inside);
      if (rTop > 0) this.polygonOutward(material, top, inside);
    }
  }

  /** Convex 2D outline extruded between two depths along the plane's third axis. */
  prism(
    material: K,
    outline: readonly Point2[],
    plane: PrismPlane,
    depth0: number,
    depth1: number,
  ): void {
    const to3 = (p: Point2, depth: number): Vec3 =>
      plane === 'xy'
        ? [p[0], p[1], depth]
        : plane === 'zy'
          ? [depth, p[1], p[0]]
          : [p[0], depth, p[1]];
    const near = outline.map((p) => to3(p, depth0));
    const far = outline.map((p) => to3(p, depth1));
    const inside = centroid([...near, ...far]);
    this.polygonOutward(material, near, inside);
    this.polygonOutward(material, far, inside);
    for (let i = 0; i < outline.length; i++) {
      const j = (i + 1) % outline.length;
      this.polygonOutward(
        material,
        [near[i] as Vec3, near[j] as Vec3, far[j] as Vec3, far[i] as Vec3],
        inside,
      );
    }
  }

  /**
   * Skin through closed rings of equal length (hull sections, bulbous bow). Each face is wound
   * away from `insideOf(i)`, a point inside the solid between rings i and i + 1; `materialOf`
   * picks the material from the face centre (e.g. antifouling below the waterline).
   */
  loft(
    materialOf: (faceCenter: Vec3) => K,
    rings: readonly (readonly Vec3[])[],
    insideOf: (i: number) => Vec3,
  ): void {
    for (let i = 0; i + 1 < rings.length; i++) {
      const r0 = rings[i] as readonly Vec3[];
      const r1 = rings[i + 1] as readonly Vec3[];
      const inside = insideOf(i);
      for (let k = 0; k < r0.length; k++) {
        const k1 = (k + 1) % r0.length;
        const quad = [r0[k], r0[k1], r1[k1], r1[k]] as Vec3[];
        this.polygonOutward(materialOf(centroid(quad)), quad, inside);
      }
    }
  }
}

/** Newell's method: a robust normal for a (possibly slightly non-planar) polygon. */
function newellNormal(points: readonly Vec3[]): Vec3 {
  let x = 0;
  let y = 0;
  let z = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as Vec3;
    const b = points[(i + 1) % points.length] as Vec3;
    x += (a[1] - b[1]) * (a[2] + b[2]);
    y += (a[2] - b[2]) * (a[0] + b[0]);
    z += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return [x, y, z];
}
