import { headingOf, type Point2 } from './geometry';

/** How a vehicle drives: top speed, speed through a turn, acceleration (m/s, m/s²). */
export interface DrivingStyle {
  maxSpeed: number;
  turnSpeed: number;
  accel: number;
}

/** Where a vehicle on a path is at one moment. */
export interface PathSample {
  x: number;
  z: number;
  headingDeg: number;
  /** m/s */
  speed: number;
}

interface Segment {
  x0: number;
  z0: number;
  dx: number;
  dz: number;
  length: number;
  headingDeg: number;
  /** Start time, s from the path start, and the trapezoid's phases. */
  t0: number;
  v0: number;
  vp: number;
  t1: number;
  t2: number;
  t3: number;
  d1: number;
  d2: number;
}

/** Turns sharper than this make a vehicle slow to its turning speed. */
const TURN_DEG = 20;

/**
 * Motion along a polyline, starting and ending at rest: accelerates, cruises, slows to the turning
 * speed at each corner — a trapezoidal speed profile per segment, so position is exact at any
 * time and sampling costs nothing between samples.
 */
export class PathMotion {
  /** Start and end, ms epoch. */
  readonly startT: number;
  readonly endT: number;
  readonly end: Point2;
  readonly finalHeadingDeg: number;
  private readonly segments: Segment[] = [];
  private cursor = 0;
  private readonly accel: number;

  constructor(points: readonly Point2[], startT: number, style: DrivingStyle, startHeading = 0) {
    const pts: Point2[] = [];
    for (const p of points) {
      const last = pts[pts.length - 1];
      if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 0.01) pts.push(p);
    }
    this.startT = startT;
    const n = pts.length - 1;
    const a = style.accel;
    this.accel = a;
    const lengths: number[] = [];
    const headings: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = pts[i] as Point2;
      const q = pts[i + 1] as Point2;
      lengths.push(Math.hypot(q[0] - p[0], q[1] - p[1]));
      headings.push(headingOf(q[0] - p[0], q[1] - p[1]));
    }
    // Speed limit at each vertex: rest at the ends, the turning speed at sharp corners, then
    // what braking and accelerating over the segments in between allow.
    const v: number[] = [0];
    for (let i = 1; i < n; i++) {
      const turn = Math.abs(
        (((headings[i] as number) - (headings[i - 1] as number) + 540) % 360) - 180,
      );
      v.push(turn > TURN_DEG ? style.turnSpeed : style.maxSpeed);
    }
    v.push(0);
    for (let i = 1; i <= n; i++)
      v[i] = Math.min(
        v[i] as number,
        Math.sqrt((v[i - 1] as number) ** 2 + 2 * a * (lengths[i - 1] as number)),
      );
    for (let i = n - 1; i >= 0; i--)
      v[i] = Math.min(
        v[i] as number,
        Math.sqrt((v[i + 1] as number) ** 2 + 2 * a * (lengths[i] as number)),
      );
    let t = 0;
    for (let i = 0; i < n; i++) {
      const L = lengths[i] as number;
      const v0 = v[i] as number;
      const v1 = v[i + 1] as number;
      const vp = Math.max(
        Math.max(v0, v1),
        Math.min(style.maxSpeed, Math.sqrt((2 * a * L + v0 * v0 + v1 * v1) / 2)),
      );
      const d1 = (vp * vp - v0 * v0) / (2 * a);
      const d3 = (vp * vp - v1 * v1) / (2 * a);
      const d2 = Math.max(0, L - d1 - d3);
      const t1 = (vp - v0) / a;
      const t2 = vp > 0 ? d2 / vp : 0;
      const t3 = (vp - v1) / a;
      const p = pts[i] as Point2;
      const q = pts[i + 1] as Point2;
      this.segments.push({
        x0: p[0],
        z0: p[1],
        dx: (q[0] - p[0]) / L,
        dz: (q[1] - p[1]) / L,
        length: L,
        headingDeg: headings[i] as number,
        t0: t,
        v0,
        vp,
        t1,
        t2,
        t3,
        d1,
        d2,
      });
      t += t1 + t2 + t3;
    }
    this.endT = Math.round(startT + t * 1000);
    const last = pts[pts.length - 1] ?? [0, 0];
    this.end = [last[0], last[1]];
    this.finalHeadingDeg = headings[n - 1] ?? startHeading;
  }

  /** Total path length, m. */
  get length(): number {
    return this.segments.reduce((sum, s) => sum + s.length, 0);
  }

  /** Position, heading and speed at `t` (ms epoch), clamped to the path's ends. */
  sampleAt(t: number, out: PathSample): PathSample {
    const segs = this.segments;
    if (segs.length === 0 || t >= this.endT) {
      out.x = this.end[0];
      out.z = this.end[1];
      out.headingDeg = this.finalHeadingDeg;
      out.speed = 0;
      return out;
    }
    const s = (t - this.startT) / 1000;
    if (this.cursor >= segs.length || s < (segs[this.cursor] as Segment).t0) this.cursor = 0;
    while (this.cursor < segs.length - 1 && s >= (segs[this.cursor + 1] as Segment).t0)
      this.cursor++;
    const seg = segs[this.cursor] as Segment;
    const a = this.accel;
    let tau = Math.max(0, s - seg.t0);
    let d: number;
    let speed: number;
    if (tau < seg.t1) {
      d = seg.v0 * tau + (a * tau * tau) / 2;
      speed = seg.v0 + a * tau;
    } else if (tau < seg.t1 + seg.t2) {
      d = seg.d1 + seg.vp * (tau - seg.t1);
      speed = seg.vp;
    } else {
      tau = Math.min(tau - seg.t1 - seg.t2, seg.t3);
      d = seg.d1 + seg.d2 + seg.vp * tau - (this.accel * tau * tau) / 2;
      speed = seg.vp - this.accel * tau;
    }
    d = Math.min(Math.max(d, 0), seg.length);
    out.x = seg.x0 + seg.dx * d;
    out.z = seg.z0 + seg.dz * d;
    out.headingDeg = seg.headingDeg;
    out.speed = Math.max(0, speed);
    return out;
  }
}
