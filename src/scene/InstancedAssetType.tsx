import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { DynamicDrawUsage, InstancedBufferAttribute, InstancedMesh, Matrix4, Vector3 } from 'three';
import type { TwinStore } from '../twin/createTwinStore';
import { LINK_COLORS, staleGrey } from './assetCondition';
import type { InstancedType } from './buildSite';
import { assetIndexOf } from './assetIdOf';
import { HOVER_TINT, SELECT_TINT, writeTintedColor } from './highlight';
import { pickHandlers } from './pickEvents';
import { poseRig } from './poseRig';
import type { Rig } from './rig';

/** The network layer's colours: a 5G link's health at a glance; dark for no telemetry. */
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
/** Where an absent asset's instances go: scaled to nothing, so neither drawn nor hit. */
const HIDDEN = new Matrix4().makeScale(0, 0, 0);

/**
 * Every asset of one type as one InstancedMesh per draw group of its rig, plus, when the model
 * has a far stand-in, a second set that takes the assets far from the camera. Matrices are
 * rewritten inside useFrame only when the twin's revision, the camera (for two levels) or a
 * highlight changed: a still site costs nothing.
 */
export function InstancedAssetType({
  entry,
  twin,
  networkLayer = false,
}: {
  entry: InstancedType;
  twin: TwinStore;
  /** Colour every asset by its 5G gateway's link health instead of its own colours. */
  networkLayer?: boolean;
}) {
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
  const seenTypeRevision = useRef(-1);
  const colorsDirty = useRef(true);
  const seenCamera = useMemo(() => new Matrix4(), []);
  const layer = useRef(networkLayer);
  useEffect(() => {
    layer.current = networkLayer;
    colorsDirty.current = true;
  }, [networkLayer]);

  /** Per asset, the version last written (single-level types redo only changed assets). */
  const seenVersion = useMemo(() => new Float64Array(assets.length).fill(-1), [assets]);

  useFrame(({ camera }) => {
    if (levels.length === 1) {
      updateInPlace();
      return;
    }
    const cameraMoved = !seenCamera.equals(camera.matrixWorld);
    // Only this type's changes count: trucks need not repack while only containers move.
    const revision = twin.typeRevision(entry.typeId);
    if (revision === seenRevision.current && !cameraMoved && !colorsDirty.current) return;
    seenRevision.current = revision;
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
      const which = dx * dx + dy * dy + dz * dz > farSq ? 1 : 0;
      const level = levels[which];
      if (!level) continue;
      const slot = which === 1 ? farCount++ : nearCount++;
      level.slotToAsset[slot] = i;
      writeSlot(level, slot, i, true);
    }
    levels.forEach((level, which) => {
      for (const mesh of level.meshes) {
        mesh.count = which === 1 ? farCount : nearCount;
        mesh.instanceMatrix.clearUpdateRanges();
        mesh.instanceMatrix.needsUpdate = true;
        mesh.instanceColor?.clearUpdateRanges();
        if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
        // Recomputed lazily by the next raycast, so picking follows moved assets.
        mesh.boundingSphere = null;
      }
    });
    colorsDirty.current = false;
  });

  /**
   * One level, slot = asset index, never repacked: only assets whose version moved are posed
   * and only the span of slots they cover is uploaded. 50,000 containers with a few hundred
   * updates a frame cost a few hundred poses, not 50,000. Absent assets get a zero matrix.
   */
  function updateInPlace() {
    const level = levels[0];
    if (!level) return;
    const allColors = colorsDirty.current;
    const revision = twin.typeRevision(entry.typeId);
    if (revision === seenTypeRevision.current && !allColors) return;
    seenTypeRevision.current = revision;
    let first = Infinity;
    let last = -1;
    let firstMoved = Infinity;
    let lastMoved = -1;
    for (let i = 0; i < assets.length; i++) {
      const asset = assets[i];
      if (!asset) continue;
      const moved = asset.version !== seenVersion[i];
      if (!moved && !allColors) continue;
      seenVersion[i] = asset.version;
      writeSlot(level, i, i, moved);
      if (i < first) first = i;
      last = i;
      if (moved) {
        if (i < firstMoved) firstMoved = i;
        lastMoved = i;
      }
    }
    if (last < 0) return;
    for (const mesh of level.meshes) {
      mesh.count = assets.length;
      if (lastMoved >= 0) {
        mesh.instanceMatrix.clearUpdateRanges();
        mesh.instanceMatrix.addUpdateRange(firstMoved * 16, (lastMoved - firstMoved + 1) * 16);
        mesh.instanceMatrix.needsUpdate = true;
        mesh.boundingSphere = null;
      }
      if (mesh.instanceColor) {
        mesh.instanceColor.clearUpdateRanges();
        mesh.instanceColor.addUpdateRange(first * 3, (last - first + 1) * 3);
        mesh.instanceColor.needsUpdate = true;
      }
    }
    colorsDirty.current = false;
  }

  /** Pose (when `pose`) and colour of asset `i` into instance `slot` of every mesh of a level. */
  function writeSlot(level: Level, slot: number, i: number, pose: boolean) {
    const asset = assets[i];
    if (!asset) return;
    const hidden = asset.fields.present === false;
    if (pose && !hidden) poseRig(level.rig, asset, level.scratch);
    for (let g = 0; g < level.meshes.length; g++) {
      const mesh = level.meshes[g];
      const group = level.rig.groups[g];
      const m = group ? level.scratch[group.node] : undefined;
      if (!mesh || !m) continue;
      if (pose) mesh.setMatrixAt(slot, hidden ? HIDDEN : m);
      const colors = mesh.instanceColor?.array as Float32Array | undefined;
      if (!colors) continue;
      if (layer.current) {
        const c = LINK_COLORS[asset.linkHealth ?? 'none'];
        colors[slot * 3] = c.r;
        colors[slot * 3 + 1] = c.g;
        colors[slot * 3 + 2] = c.b;
        continue;
      }
      const r = display[i * 3] ?? 1;
      const gr = display[i * 3 + 1] ?? 1;
      const b = display[i * 3 + 2] ?? 1;
      if (asset.stale) {
        // Stale: washed-out grey, so a frozen asset never passes for a live one.
        const grey = staleGrey(r, gr, b);
        colors[slot * 3] = colors[slot * 3 + 1] = colors[slot * 3 + 2] = grey;
      } else {
        colors[slot * 3] = r;
        colors[slot * 3 + 1] = gr;
        colors[slot * 3 + 2] = b;
      }
    }
  }

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
