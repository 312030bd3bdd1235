import type { BufferGeometry, Material, Matrix4 } from 'three';

/** How one rig node moves with a field: local = rest then translate/rotate by value. */
export interface RigArticulation {
  field: string;
  kind: 'translate' | 'rotate';
  axis: 0 | 1 | 2;
  scale: number;
  offset: number;
  min: number;
  max: number;
}

/** A node of the model that can move relative to its parent rig node (index 0 is the root). */
export interface RigNode {
  name: string;
  /** Index of the parent rig node, -1 for the root. Parents always come first. */
  parent: number;
  /** Rest transform relative to the parent rig node. */
  rest: Matrix4;
  articulation: RigArticulation | null;
}

/** One draw call per asset type: geometry in its rig node's space, with one material. */
export interface DrawGroup {
  node: number;
  geometry: BufferGeometry;
  material: Material;
}

/**
 * A model flattened for instancing: the few nodes that move, and the geometry merged per
 * (moving node, material). A CAD model with thousands of meshes becomes a handful of draw calls.
 */
export interface Rig {
  nodes: RigNode[];
  groups: DrawGroup[];
  /** Articulated part names whose node was not found in the model. */
  missingParts: string[];
  /** Bounding radius around the asset origin, metres (for selection markers and labels). */
  radius: number;
  /** Height of the model's top above its origin, metres. */
  height: number;
  triangles: number;
  /** Materials made for this rig (not the model's own): freed with the rig. */
  ownMaterials: Material[];
}
