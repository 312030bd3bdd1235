import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Mesh, type Material, type Object3D, Quaternion, Vector3 } from 'three';
import type { TwinStore } from '../twin/createTwinStore';
import type { NodeBoundAsset } from './buildSite';
import { articulationValue } from './poseRig';
import type { RigArticulation } from './rig';
import { pickHandlers } from './pickEvents';

const AXES = [new Vector3(1, 0, 0), new Vector3(0, 1, 0), new Vector3(0, 0, 1)] as const;
const AXIS_INDEX = { x: 0, y: 1, z: 2 } as const;
const _q = new Quaternion();

interface BoundPart {
  asset: NodeBoundAsset['asset'];
  object: Object3D;
  restPosition: Vector3;
  restQuaternion: Quaternion;
  articulation: RigArticulation;
}

interface Props {
  bound: NodeBoundAsset[];
  twin: TwinStore;
}

/** Emissive highlight for a node-bound asset: its materials are swapped for tinted clones. */
function highlighter() {
  const clones = new Map<Material, Material>();
  const originals = new Map<Mesh, Material | Material[]>();
  return {
    set(root: Object3D, on: boolean, color: number) {
      root.traverse((o) => {
        if (!(o instanceof Mesh)) return;
        if (!on) {
          const original = originals.get(o);
          if (original) o.material = original;
          originals.delete(o);
          return;
        }
        if (!originals.has(o)) originals.set(o, o.material);
        const source = originals.get(o);
        const base = Array.isArray(source) ? source[0] : source;
        if (!base) return;
        const clone = clones.get(base) ?? base.clone();
        clones.set(base, clone);
        if ('emissive' in clone)
          (clone as unknown as { emissive: { setHex(c: number): void } }).emissive.setHex(color);
        o.material = clone;
      });
    },
    dispose() {
      for (const c of clones.values()) c.dispose();
    },
  };
}

/**
 * Assets that are named nodes of the site model (drawn as scenery): highlight on the node
 * itself, and articulated children posed from the asset's fields.
 */
export function NodeBoundAssets({ bound, twin }: Props) {
  const parts = useMemo(() => {
    const list: BoundPart[] = [];
    for (const entry of bound) {
      entry.object.traverse((o) => (o.userData.assetId = entry.asset.id));
      for (const part of Object.values(entry.type.parts)) {
        const object = entry.object.getObjectByName(part.node);
        if (!object) continue;
        list.push({
          asset: entry.asset,
          object,
          restPosition: object.position.clone(),
          restQuaternion: object.quaternion.clone(),
          articulation: {
            field: part.field,
            kind: part.kind,
            axis: AXIS_INDEX[part.axis],
            scale: part.scale,
            offset: part.offset,
            min: part.min ?? -Infinity,
            max: part.max ?? Infinity,
          },
        });
      }
    }
    return list;
  }, [bound]);

  const seenRevision = useRef(-1);
  useFrame(() => {
    if (twin.revision === seenRevision.current) return;
    seenRevision.current = twin.revision;
    for (const p of parts) {
      const v = articulationValue(p.articulation, p.asset.fields);
      const axis = AXES[p.articulation.axis];
      if (p.articulation.kind === 'translate')
        p.object.position.copy(p.restPosition).addScaledVector(axis, v);
      else
        p.object.quaternion
          .copy(p.restQuaternion)
          .multiply(_q.setFromAxisAngle(axis, (v * Math.PI) / 180));
    }
  });

  const objectById = useMemo(() => new Map(bound.map((b) => [b.asset.id, b.object])), [bound]);
  useEffect(() => {
    const h = highlighter();
    let shown: Array<[string, number]> = [];
    const apply = () => {
      const { selectedId, hoveredId } = twin.getState();
      for (const [id] of shown) {
        const o = objectById.get(id);
        if (o) h.set(o, false, 0);
      }
      shown = [];
      if (hoveredId && hoveredId !== selectedId) shown.push([hoveredId, 0x1d4f7a]);
      if (selectedId) shown.push([selectedId, 0x1a7f8f]);
      for (const [id, color] of shown) {
        const o = objectById.get(id);
        if (o) h.set(o, true, color);
      }
    };
    apply();
    const unsubscribe = twin.subscribe((s, prev) => {
      if (s.selectedId !== prev.selectedId || s.hoveredId !== prev.hoveredId) apply();
    });
    return () => {
      unsubscribe();
      h.dispose();
    };
  }, [twin, objectById]);

  return null;
}

/** Picks the asset a site-model mesh belongs to, by walking up to a node tagged with its id. */
export function nodeBoundPickHandlers(twin: TwinStore) {
  return pickHandlers(twin, (event) => {
    for (let o: Object3D | null = event.object; o; o = o.parent) {
      const id: unknown = o.userData.assetId;
      if (typeof id === 'string') return id;
    }
    return null;
  });
}
