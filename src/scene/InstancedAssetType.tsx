import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { DynamicDrawUsage, InstancedBufferAttribute, InstancedMesh, Matrix4 } from 'three';
import type { TwinStore } from '../twin/createTwinStore';
import type { InstancedType } from './buildSite';
import { HOVER_TINT, SELECT_TINT, writeTintedColor } from './highlight';
import { pickHandlers } from './pickEvents';
import { poseRig } from './poseRig';

interface Props {
  /** The type's rig and its assets. */
  entry: InstancedType;
  twin: TwinStore;
}

/**
 * Every asset of one type as one InstancedMesh per draw group of its rig. Matrices are
 * rewritten inside useFrame only when the twin's revision moved: a still site costs nothing.
 */
export function InstancedAssetType({ entry, twin }: Props) {
  const { rig, assets, baseColors } = entry;
  const meshes = useMemo(
    () =>
      rig.groups.map((group) => {
        const mesh = new InstancedMesh(group.geometry, group.material, assets.length);
        mesh.name = `${entry.typeId}:${rig.nodes[group.node]?.name ?? group.node}`;
        mesh.instanceMatrix.setUsage(DynamicDrawUsage);
        mesh.instanceColor = new InstancedBufferAttribute(baseColors.slice(), 3);
        // Moving assets would make a cached bounding sphere wrong; culling per type gains little.
        mesh.frustumCulled = false;
        mesh.userData.assets = assets;
        return mesh;
      }),
    [rig, assets, baseColors, entry.typeId],
  );
  useEffect(() => () => meshes.forEach((m) => m.dispose()), [meshes]);

  const scratch = useMemo(() => rig.nodes.map(() => new Matrix4()), [rig]);
  const seenRevision = useRef(-1);
  useFrame(() => {
    if (twin.revision === seenRevision.current) return;
    seenRevision.current = twin.revision;
    for (let i = 0; i < assets.length; i++) {
      const asset = assets[i];
      if (!asset) continue;
      poseRig(rig, asset, scratch);
      for (let g = 0; g < meshes.length; g++) {
        const mesh = meshes[g];
        const group = rig.groups[g];
        const m = group ? scratch[group.node] : undefined;
        if (mesh && m) mesh.setMatrixAt(i, m);
      }
    }
    for (const mesh of meshes) {
      mesh.instanceMatrix.needsUpdate = true;
      // Recomputed lazily by the next raycast, so picking follows moved assets.
      mesh.boundingSphere = null;
    }
  });

  const indexById = useMemo(() => new Map(assets.map((a, i) => [a.id, i])), [assets]);
  useEffect(() => {
    const paint = (id: string | null, tint: typeof HOVER_TINT | null) => {
      const index = id === null ? undefined : indexById.get(id);
      if (index === undefined) return;
      for (const mesh of meshes) {
        const attr = mesh.instanceColor;
        if (!attr) continue;
        writeTintedColor(attr.array as Float32Array, baseColors, index, tint);
        attr.needsUpdate = true;
      }
    };
    const tintFor = (id: string | null) => {
      const { selectedId, hoveredId } = twin.getState();
      return id === selectedId ? SELECT_TINT : id === hoveredId ? HOVER_TINT : null;
    };
    let { selectedId, hoveredId } = twin.getState();
    paint(selectedId, tintFor(selectedId));
    paint(hoveredId, tintFor(hoveredId));
    return twin.subscribe((state) => {
      if (state.selectedId === selectedId && state.hoveredId === hoveredId) return;
      const previous = [selectedId, hoveredId];
      selectedId = state.selectedId;
      hoveredId = state.hoveredId;
      for (const id of [...previous, selectedId, hoveredId]) paint(id, tintFor(id));
    });
  }, [twin, meshes, indexById, baseColors]);

  const handlers = useMemo(
    () =>
      pickHandlers(twin, (event) =>
        event.instanceId === undefined ? null : (assets[event.instanceId]?.id ?? null),
      ),
    [twin, assets],
  );
  return (
    <group name={`type:${entry.typeId}`}>
      {meshes.map((mesh) => (
        <primitive key={mesh.uuid} object={mesh} {...handlers} />
      ))}
    </group>
  );
}
