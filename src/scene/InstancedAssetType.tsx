import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { DynamicDrawUsage, InstancedBufferAttribute, InstancedMesh, Matrix4, Vector3 } from 'three';
import type { TwinStore } from '../twin/createTwinStore';
import type { InstancedType } from './buildSite';
import { assetIndexOf } from './assetIdOf';
import { HOVER_TINT, SELECT_TINT, writeTintedColor } from './highlight';
import { pickHandlers } from './pickEvents';
import { poseRig } from './poseRig';
import type { Rig } from './rig';

/** A stale asset's tint: its luminance, compressed towards mid grey. */
const STALE_GREY = 0.35;
const STALE_KEEP = 0.3;
/** One level of detail: its rig, one InstancedMesh per draw group, and which asset each slot shows. */
interface Level {
  rig: Rig;
  meshes: InstancedMesh[];
  /** Scratch world matrices, one per rig node. */
  scratch: Matrix4[];
  /** Asset index drawn in each instance slot (slots are packed per frame when levels split). */
  slotToAsset: Int32Array;
}

function createLevel(entry: InstancedType, rig: Rig, packed: boolean): Level {
  const n = entry.assets.length;
  const slotToAsset = new Int32Array(n);
  for (let i = 0; i < n; i++) slotToAsset[i] = i;
  const meshes = rig.groups.map((group) => {
    const mesh = new InstancedMesh(group.geometry, group.material, n);
    mesh.name = `${entry.typeId}:${rig.nodes[group.node]?.name ?? group.node}`;
    mesh.instanceMatrix.setUsage(DynamicDrawUsage);
    mesh.instanceColor = new InstancedBufferAttribute(entry.baseColors.slice(), 3);
    // Moving assets would make a cached bounding sphere wrong; culling per type gains little.
    mesh.frustumCulled = false;
    mesh.userData.assets = entry.assets;
    if (packed) mesh.userData.slotToAsset = slotToAsset;
    return mesh;
  });
  return { rig, meshes, scratch: rig.nodes.map(() => new Matrix4()), slotToAsset };
}

const _camera = new Vector3();

/**
 * Every asset of one type as one InstancedMesh per draw group of its rig, plus, when the model
 * has a far stand-in, a second set that takes the assets far from the camera. Matrices are
 * rewritten inside useFrame only when the twin's revision, the camera (for two levels) or a
 * highlight changed: a still site costs nothing.
 */
export function InstancedAssetType({ entry, twin }: { entry: InstancedType; twin: TwinStore }) {
  const { assets, baseColors, far, farDistance } = entry;
  const levels = useMemo(
    () =>
      far
        ? [createLevel(entry, entry.rig, true), createLevel(entry, far, true)]
        : [createLevel(entry, entry.rig, false)],
    [entry, far],
  );
  useEffect(() => () => levels.forEach((l) => l.meshes.forEach((m) => m.dispose())), [levels]);

  /** Current colour per asset: base × highlight tint. */
  const display = useMemo(() => baseColors.slice(), [baseColors]);
  const seenRevision = useRef(-1);
  const colorsDirty = useRef(true);
  const seenCamera = useMemo(() => new Matrix4(), []);

  useFrame(({ camera }) => {
    const split = levels.length > 1;
    const cameraMoved = split && !seenCamera.equals(camera.matrixWorld);
    if (twin.revision === seenRevision.current && !cameraMoved && !colorsDirty.current) return;
    const posesChanged = twin.revision !== seenRevision.current || cameraMoved;
    seenRevision.current = twin.revision;
    seenCamera.copy(camera.matrixWorld);
    _camera.setFromMatrixPosition(camera.matrixWorld);
    const farSq = farDistance * farDistance;
    let nearCount = 0;
    let farCount = 0;
    for (let i = 0; i < assets.length; i++) {
      const asset = assets[i];
      // `present: false` — not on site (a box still aboard, a vehicle off shift): not packed,
      // so neither drawn nor pickable.
      if (!asset || asset.fields.present === false) continue;
      const p = asset.position;
      const dx = p[0] - _camera.x;
      const dy = p[1] - _camera.y;
      const dz = p[2] - _camera.z;
      const which = split && dx * dx + dy * dy + dz * dz > farSq ? 1 : 0;
      const level = levels[which];
      if (!level) continue;
      const slot = which === 1 ? farCount++ : nearCount++;
      level.slotToAsset[slot] = i;
      if (posesChanged || split) poseRig(level.rig, asset, level.scratch);
      for (let g = 0; g < level.meshes.length; g++) {
        const mesh = level.meshes[g];
        const group = level.rig.groups[g];
        const m = group ? level.scratch[group.node] : undefined;
        if (!mesh || !m) continue;
        if (posesChanged || split) mesh.setMatrixAt(slot, m);
        const colors = mesh.instanceColor?.array as Float32Array | undefined;
        if (colors) {
          const r = display[i * 3] ?? 1;
          const gr = display[i * 3 + 1] ?? 1;
          const b = display[i * 3 + 2] ?? 1;
          if (asset.stale) {
            // Stale: washed-out grey, so a frozen asset never passes for a live one.
            const grey = STALE_GREY + (0.3 * r + 0.59 * gr + 0.11 * b) * STALE_KEEP;
            colors[slot * 3] = colors[slot * 3 + 1] = colors[slot * 3 + 2] = grey;
          } else {
            colors[slot * 3] = r;
            colors[slot * 3 + 1] = gr;
            colors[slot * 3 + 2] = b;
          }
        }
      }
    }
    levels.forEach((level, which) => {
      for (const mesh of level.meshes) {
        mesh.count = which === 1 ? farCount : nearCount;
        mesh.instanceMatrix.needsUpdate = true;
        if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
        // Recomputed lazily by the next raycast, so picking follows moved assets.
        mesh.boundingSphere = null;
      }
    });
    colorsDirty.current = false;
  });

  const indexById = useMemo(() => new Map(assets.map((a, i) => [a.id, i])), [assets]);
  useEffect(() => {
    const tintFor = (id: string) => {
      const { selectedId, hoveredId } = twin.getState();
      return id === selectedId ? SELECT_TINT : id === hoveredId ? HOVER_TINT : null;
    };
    const paint = (id: string | null) => {
      const index = id === null ? undefined : indexById.get(id);
      if (index === undefined || id === null) return;
      writeTintedColor(display, baseColors, index, tintFor(id));
      colorsDirty.current = true;
    };
    let { selectedId, hoveredId } = twin.getState();
    paint(selectedId);
    paint(hoveredId);
    return twin.subscribe((state) => {
      if (state.selectedId === selectedId && state.hoveredId === hoveredId) return;
      const previous = [selectedId, hoveredId];
      selectedId = state.selectedId;
      hoveredId = state.hoveredId;
      for (const id of [...previous, selectedId, hoveredId]) paint(id);
    });
  }, [twin, indexById, baseColors, display]);

  const handlers = useMemo(
    () =>
      pickHandlers(twin, (event) => {
        const index = assetIndexOf(event.object, event.instanceId);
        return index === null ? null : (assets[index]?.id ?? null);
      }),
    [twin, assets],
  );
  return (
    <group name={`type:${entry.typeId}`}>
      {levels.flatMap((level) =>
        level.meshes.map((mesh) => <primitive key={mesh.uuid} object={mesh} {...handlers} />),
      )}
    </group>
  );
}
