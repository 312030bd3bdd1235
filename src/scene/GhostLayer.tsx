import { useEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { Color, InstancedMesh, Matrix4, MeshBasicMaterial } from 'three';
import type { AssetState } from '../twin/assetState';
import type { BuiltSite, InstancedType } from './buildSite';
import { poseRig } from './poseRig';

/**
 * Where assets would be had a plan been followed (plan vs actual, docs/plans.md), read each frame
 * at the clock's time. Implemented by the app over a planned run.
 */
export interface GhostSource {
  readonly ids: readonly string[];
  /** Ghost `i` now, into `out` as x, y, z, heading (degrees); false: not shown. */
  poseAt(i: number, out: Float32Array): boolean;
  /** Ghost `i`'s colour, 0xRRGGBB: how far its work is behind or ahead. */
  colorOf(i: number): number;
  /** Changes whenever a colour may have. */
  version(): number;
}

const HIDDEN = new Matrix4().makeScale(0, 0, 0);
const _color = new Color();

interface GhostType {
  entry: InstancedType;
  /** Ghost indices of this type, in instance order. */
  ghosts: number[];
  meshes: InstancedMesh[];
  /** Rig node matrices, reused for every ghost. */
  nodes: Matrix4[];
  /** The ghost as poseRig sees it: a pose and no field (every moving part at rest). */
  stand: AssetState;
}

/**
 * Translucent copies of the real assets' models, one InstancedMesh per draw group of each type
 * that has ghosts (a few draw calls for all of them), posed every frame without allocating and
 * recoloured only when the colours change. Geometry is the real assets'; only the material is
 * the layer's own.
 */
export function GhostLayer({ site, ghosts }: { site: BuiltSite; ghosts: GhostSource }) {
  const material = useMemo(
    () =>
      new MeshBasicMaterial({
        transparent: true,
        opacity: 0.38,
        depthWrite: false,
        toneMapped: false,
      }),
    [],
  );
  const types = useMemo(() => {
    const entryOf = new Map<string, InstancedType>();
    for (const entry of site.instanced) for (const a of entry.assets) entryOf.set(a.id, entry);
    const byType = new Map<InstancedType, number[]>();
    ghosts.ids.forEach((id, i) => {
      const entry = entryOf.get(id);
      if (!entry) return;
      const list = byType.get(entry);
      if (list) list.push(i);
      else byType.set(entry, [i]);
    });
    return [...byType].map(([entry, list]): GhostType => {
      const meshes = entry.rig.groups.map((group) => {
        const mesh = new InstancedMesh(group.geometry, material, list.length);
        mesh.frustumCulled = false;
        mesh.renderOrder = 5;
        mesh.raycast = () => undefined;
        mesh.name = `ghosts:${entry.typeId}`;
        return mesh;
      });
      const stand = {
        position: [0, 0, 0],
        headingDeg: 0,
        pitchDeg: 0,
        rollDeg: 0,
        fields: {},
      } as unknown as AssetState;
      return {
        entry,
        ghosts: list,
        meshes,
        nodes: entry.rig.nodes.map(() => new Matrix4()),
        stand,
      };
    });
  }, [site, ghosts, material]);
  useEffect(
    () => () => {
      for (const type of types) for (const mesh of type.meshes) mesh.dispose();
    },
    [types],
  );
  useEffect(() => () => material.dispose(), [material]);

  const pose = useMemo(() => new Float32Array(4), []);
  const seen = useMemo(() => ({ version: -1 }), []);
  useFrame(() => {
    const version = ghosts.version();
    const recolor = version !== seen.version;
    seen.version = version;
    for (const type of types) {
      const { entry, meshes, nodes, stand } = type;
      for (let k = 0; k < type.ghosts.length; k++) {
        const i = type.ghosts[k] as number;
        const shown = ghosts.poseAt(i, pose);
        if (shown) {
          stand.position[0] = pose[0] as number;
          stand.position[1] = pose[1] as number;
          stand.position[2] = pose[2] as number;
          stand.headingDeg = pose[3] as number;
          poseRig(entry.rig, stand, nodes);
        }
        if (recolor) _color.setHex(ghosts.colorOf(i));
        for (let g = 0; g < meshes.length; g++) {
          const mesh = meshes[g] as InstancedMesh;
          const node = entry.rig.groups[g]?.node ?? 0;
          mesh.setMatrixAt(k, shown ? (nodes[node] as Matrix4) : HIDDEN);
          if (recolor) mesh.setColorAt(k, _color);
        }
      }
      for (const mesh of meshes) {
        mesh.instanceMatrix.needsUpdate = true;
        if (recolor && mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
      }
    }
  });
  return (
    <>
      {types.flatMap((type) =>
        type.meshes.map((mesh) => <primitive key={mesh.uuid} object={mesh} />),
      )}
    </>
  );
}
