import {
  Box3,
  BufferAttribute,
  type BufferGeometry,
  Matrix4,
  Mesh,
  type Object3D,
  Sphere,
  type Material,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { ArticulationConfig } from '../config/schema';
import type { DrawGroup, Rig, RigArticulation, RigNode } from './rig';

const AXIS = { x: 0, y: 1, z: 2 } as const;

/** A model's optional far-detail stand-in: a node of this name, drawn instead when far away. */
export const FAR_DETAIL_NODE = 'lod-far';

/** True when the model carries a far-detail stand-in. */
export function hasFarDetail(modelRoot: Object3D): boolean {
  return modelRoot.getObjectByName(FAR_DETAIL_NODE) !== undefined;
}
const KEPT_ATTRIBUTES = ['position', 'normal', 'uv', 'color'] as const;

function toArticulation(part: ArticulationConfig): RigArticulation {
  return {
    field: part.field,
    kind: part.kind,
    axis: AXIS[part.axis],
    scale: part.scale,
    offset: part.offset,
    min: part.min ?? -Infinity,
    max: part.max ?? Infinity,
  };
}

/** Nearest ancestor-or-self that is a rig node. */
function owningRigNode(object: Object3D, rigIndex: Map<Object3D, number>): number {
  for (let o: Object3D | null = object; o; o = o.parent) {
    const index = rigIndex.get(o);
    if (index !== undefined) return index;
  }
  return 0;
}

/**
 * Gives a draw group vertex colours, white where the model has none, so plain and vertex-coloured
 * parts of every asset type share one shader program: each program costs a compile before the
 * first frame (~15 ms in SwiftShader, often more on a cold desktop driver).
 */
function withVertexColors(
  geometry: BufferGeometry,
  material: Material,
  clones: Map<Material, Material>,
): Material {
  if (!geometry.getAttribute('color')) {
    const white = new Uint8Array(geometry.getAttribute('position').count * 3).fill(255);
    geometry.setAttribute('color', new BufferAttribute(white, 3, true));
  }
  if (material.vertexColors) return material;
  let clone = clones.get(material);
  if (!clone) {
    clone = material.clone();
    clone.vertexColors = true;
    clones.set(material, clone);
  }
  return clone;
}

/** Brings geometries to one attribute layout so they can be merged into one draw call. */
function mergeCompatible(geometries: BufferGeometry[]): BufferGeometry {
  const shared = KEPT_ATTRIBUTES.filter((name) => geometries.every((g) => g.getAttribute(name)));
  for (const g of geometries) {
    for (const name of Object.keys(g.attributes)) {
      if (!(shared as readonly string[]).includes(name)) g.deleteAttribute(name);
    }
    g.morphAttributes = {};
    if (!g.index) {
      const count = g.getAttribute('position').count;
      const index = new Uint32Array(count);
      for (let i = 0; i < count; i++) index[i] = i;
      g.setIndex(new BufferAttribute(index, 1));
    }
    g.clearGroups();
  }
  const merged = geometries.length === 1 ? geometries[0] : mergeGeometries(geometries, false);
  if (!merged) throw new Error('geometries could not be merged');
  if (!merged.getAttribute('normal')) merged.computeVertexNormals();
  merged.computeBoundingBox();
  merged.computeBoundingSphere();
  return merged;
}

/**
 * Flattens a model into a rig for instanced drawing. `modelRoot` must have its world matrices
 * up to date; `parts` name the nodes that move (by node name) and the fields that move them.
 */
export function buildRig(
  modelRoot: Object3D,
  parts: Record<string, ArticulationConfig>,
  detail: 'near' | 'far' = 'near',
): Rig {
  modelRoot.updateMatrixWorld(true);
  const farNode = modelRoot.getObjectByName(FAR_DETAIL_NODE);
  const underFar = (o: Object3D) => {
    for (let p: Object3D | null = o; p; p = p.parent) if (p === farNode) return true;
    return false;
  };
  // The far stand-in is static: its parts would move geometry the full model has, not it.
  if (detail === 'far') parts = {};
  // Rig node 0 is the asset's own frame, which is the frame modelRoot's world matrices live in.
  const rigIndex = new Map<Object3D, number>([[modelRoot, 0]]);
  const nodeWorld: Matrix4[] = [new Matrix4()];
  const partObjects: Array<[Object3D, ArticulationConfig]> = [];
  const missingParts: string[] = [];
  for (const [partName, part] of Object.entries(parts)) {
    const object = modelRoot.getObjectByName(part.node);
    if (object && object !== modelRoot) partObjects.push([object, part]);
    else missingParts.push(partName);
  }
  // Parents before children: sorting by depth gives every rig node a lower-indexed parent.
  const depth = (o: Object3D) => {
    let d = 0;
    for (let p = o.parent; p; p = p.parent) d++;
    return d;
  };
  partObjects.sort((a, b) => depth(a[0]) - depth(b[0]));
  const nodes: RigNode[] = [
    { name: modelRoot.name, parent: -1, rest: new Matrix4(), articulation: null },
  ];
  for (const [object, part] of partObjects) {
    const parent = object.parent ? owningRigNode(object.parent, rigIndex) : 0;
    const parentWorld = nodeWorld[parent] ?? new Matrix4();
    const rest = new Matrix4().copy(parentWorld).invert().multiply(object.matrixWorld);
    rigIndex.set(object, nodes.length);
    nodeWorld.push(object.matrixWorld.clone());
    nodes.push({ name: part.node, parent, rest, articulation: toArticulation(part) });
  }

  const buckets = new Map<
    string,
    { node: number; material: Material; geometries: BufferGeometry[] }
  >();
  const toNode = new Matrix4();
  const bounds = new Box3();
  let triangles = 0;
  modelRoot.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    if (farNode && underFar(object) !== (detail === 'far')) return;
    const material: Material = Array.isArray(object.material)
      ? object.material[0]
      : object.material;
    const node = owningRigNode(object, rigIndex);
    const world = nodeWorld[node] ?? new Matrix4();
    toNode.copy(world).invert().multiply(object.matrixWorld);
    const geometry = (object.geometry as BufferGeometry).clone().applyMatrix4(toNode);
    triangles +=
      (geometry.index ? geometry.index.count : geometry.getAttribute('position').count) / 3;
    geometry.computeBoundingBox();
    if (geometry.boundingBox) bounds.union(geometry.boundingBox.clone().applyMatrix4(world));
    const key = `${node}:${material.uuid}`;
    const bucket = buckets.get(key) ?? { node, material, geometries: [] };
    bucket.geometries.push(geometry);
    buckets.set(key, bucket);
  });
  const clones = new Map<Material, Material>();
  const groups: DrawGroup[] = [...buckets.values()].map((b) => {
    const geometry = mergeCompatible(b.geometries);
    return { node: b.node, material: withVertexColors(geometry, b.material, clones), geometry };
  });
  const sphere = bounds.isEmpty() ? new Sphere() : bounds.getBoundingSphere(new Sphere());
  return {
    nodes,
    groups,
    missingParts,
    radius: bounds.isEmpty() ? 1 : sphere.center.length() + sphere.radius,
    height: bounds.isEmpty() ? 1 : bounds.max.y,
    triangles: Math.round(triangles),
    ownMaterials: [...clones.values()],
  };
}
