import type { Point2, Rect } from './geometry';

/** A drivable strip: a road, an aisle or a truck lane; vehicles follow its centre line. */
export interface Strip {
  id: string;
  rect: Rect;
}

interface Edge {
  a: number;
  b: number;
  length: number;
}

const key = (x: number, z: number): string => `${Math.round(x * 100)},${Math.round(z * 100)}`;

/**
 * The network vehicles drive on, built from strips (zones of a drivable kind): each strip's
 * centre line runs along its long side; where two perpendicular strips cross or meet end to end,
 * their centre lines join. Routes are shortest paths between the points nearest to start and end,
 * so vehicles keep to lanes and aisles and never cut through stacks or machines.
 */
export class RoadGraph {
  readonly nodes: Point2[] = [];
  readonly edges: Edge[] = [];
  private readonly adjacency: { to: number; length: number }[][] = [];
  private readonly nodeIndex = new Map<string, number>();
  private readonly trees = new Map<number, { dist: Float64Array; prev: Int32Array }>();

  constructor(strips: readonly Strip[]) {
    const lines = strips.map((s) => centreLine(s.rect));
    lines.forEach((line, i) => {
      const stops: number[] = [line.from, line.to];
      lines.forEach((other, j) => {
        if (i === j || other.axis === line.axis) return;
        // Crossing of the two centre lines, if it lies on both strips (widened by the other's half).
        const along = other.at;
        const across = line.at;
        if (
          along >= line.from - other.half - 0.5 &&
          along <= line.to + other.half + 0.5 &&
          across >= other.from - line.half - 0.5 &&
          across <= other.to + line.half + 0.5
        )
          stops.push(along);
      });
      stops.sort((p, q) => p - q);
      let prev = -1;
      let prevAt = NaN;
      for (const s of stops) {
        if (prev >= 0 && Math.abs(s - prevAt) < 0.05) continue;
        const node = this.node(line.axis === 'x' ? [s, line.at] : [line.at, s]);
        if (prev >= 0 && prev !== node) this.addEdge(prev, node);
        prev = node;
        prevAt = s;
      }
    });
  }

  private node(p: Point2): number {
    const k = key(p[0], p[1]);
    const found = this.nodeIndex.get(k);
    if (found !== undefined) return found;
    const i = this.nodes.length;
    this.nodes.push(p);
    this.adjacency.push([]);
    this.nodeIndex.set(k, i);
    return i;
  }

  private addEdge(a: number, b: number): void {
    const pa = this.nodes[a] as Point2;
    const pb = this.nodes[b] as Point2;
    const length = Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
    this.edges.push({ a, b, length });
    this.adjacency[a]?.push({ to: b, length });
    this.adjacency[b]?.push({ to: a, length });
  }

  /** Nearest point on the network to `p`, and the edge it lies on. */
  snap(p: Point2): { point: Point2; edge: Edge; distance: number } {
    let best: { point: Point2; edge: Edge; distance: number } | undefined;
    for (const edge of this.edges) {
      const a = this.nodes[edge.a] as Point2;
      const b = this.nodes[edge.b] as Point2;
      const dx = b[0] - a[0];
      const dz = b[1] - a[1];
      const u = Math.max(
        0,
        Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dz) / (edge.length ** 2 || 1)),
      );
      const q: Point2 = [a[0] + u * dx, a[1] + u * dz];
      const d = Math.hypot(p[0] - q[0], p[1] - q[1]);
      if (!best || d < best.distance - 1e-9) best = { point: q, edge, distance: d };
    }
    if (!best) throw new Error('the road network is empty: no drivable zones in the config');
    return best;
  }

  /** Polyline from `from` to `to` along the network (first and last legs straight to the network). */
  route(from: Point2, to: Point2): Point2[] {
    const s = this.snap(from);
    const e = this.snap(to);
    const head: Point2[] = [from, s.point];
    const tail: Point2[] = [e.point, to];
    if (s.edge === e.edge) return clean([...head, ...tail]);
    let best = Infinity;
    let bestPath: number[] = [];
    for (const a of [s.edge.a, s.edge.b]) {
      const tree = this.tree(a);
      const pa = this.nodes[a] as Point2;
      const da = Math.hypot(pa[0] - s.point[0], pa[1] - s.point[1]);
      for (const b of [e.edge.a, e.edge.b]) {
        const pb = this.nodes[b] as Point2;
        const cost =
          da + (tree.dist[b] as number) + Math.hypot(pb[0] - e.point[0], pb[1] - e.point[1]);
        if (cost < best - 1e-9) {
          best = cost;
          bestPath = pathTo(tree.prev, a, b);
        }
      }
    }
    if (!Number.isFinite(best))
      throw new Error(`no road from (${from.join(', ')}) to (${to.join(', ')})`);
    return clean([...head, ...bestPath.map((i) => this.nodes[i] as Point2), ...tail]);
  }

  /** Shortest-path tree from one node (Dijkstra), cached: vehicles start from few places. */
  private tree(source: number): { dist: Float64Array; prev: Int32Array } {
    const cached = this.trees.get(source);
    if (cached) return cached;
    const n = this.nodes.length;
    const dist = new Float64Array(n).fill(Infinity);
    const prev = new Int32Array(n).fill(-1);
    dist[source] = 0;
    const heap: [number, number][] = [[0, source]];
    while (heap.length > 0) {
      const [d, u] = popMin(heap);
      if (d > (dist[u] as number)) continue;
      for (const { to, length } of this.adjacency[u] ?? []) {
        const nd = d + length;
        if (nd < (dist[to] as number)) {
          dist[to] = nd;
          prev[to] = u;
          pushHeap(heap, [nd, to]);
        }
      }
    }
    const tree = { dist, prev };
    this.trees.set(source, tree);
    return tree;
  }
}

function centreLine(r: Rect): {
  axis: 'x' | 'z';
  at: number;
  from: number;
  to: number;
  half: number;
} {
  return r.xMax - r.xMin >= r.zMax - r.zMin
    ? {
        axis: 'x',
        at: (r.zMin + r.zMax) / 2,
        from: r.xMin,
        to: r.xMax,
        half: (r.zMax - r.zMin) / 2,
      }
    : {
        axis: 'z',
        at: (r.xMin + r.xMax) / 2,
        from: r.zMin,
        to: r.zMax,
        half: (r.xMax - r.xMin) / 2,
      };
}

function pathTo(prev: Int32Array, source: number, target: number): number[] {
  const path: number[] = [];
  for (let v = target; v !== -1; v = prev[v] as number) {
    path.push(v);
    if (v === source) break;
  }
  return path.reverse();
}

/** Drops repeated points and points in the middle of a straight run. */
function clean(points: Point2[]): Point2[] {
  const out: Point2[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) < 0.01) continue;
    const before = out[out.length - 2];
    if (last && before) {
      const cross =
        (last[0] - before[0]) * (p[1] - last[1]) - (last[1] - before[1]) * (p[0] - last[0]);
      const dot =
        (last[0] - before[0]) * (p[0] - last[0]) + (last[1] - before[1]) * (p[1] - last[1]);
      if (Math.abs(cross) < 1e-6 && dot > 0) out.pop();
    }
    out.push(p);
  }
  return out;
}

function pushHeap(heap: [number, number][], item: [number, number]): void {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if ((heap[p] as [number, number])[0] <= item[0]) break;
    heap[i] = heap[p] as [number, number];
    i = p;
  }
  heap[i] = item;
}

function popMin(heap: [number, number][]): [number, number] {
  const top = heap[0] as [number, number];
  const last = heap.pop() as [number, number];
  if (heap.length > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const c =
        r < heap.length && (heap[r] as [number, number])[0] < (heap[l] as [number, number])[0]
          ? r
          : l;
      if ((heap[c] as [number, number])[0] >= last[0]) break;
      heap[i] = heap[c] as [number, number];
      i = c;
    }
    heap[i] = last;
  }
  return top;
}
