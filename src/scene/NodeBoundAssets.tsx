import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type Color, Mesh, type Material, type Object3D, Quaternion, Vector3 } from 'three';
import { LINK_COLORS, staleGrey } from './assetCondition';
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
  /** Colour assets by their 5G gateway's link health. */
  networkLayer?: boolean;
}

/** How a node-bound asset is drawn now: what picks its materials. */
interface Look {
  /** Hover or selection glow, or 0. */
  glow: number;
  stale: boolean;
  /** Network layer colour, when the layer is on. */
  link: Color | null;
}

const lookKey = (look: Look) =>
  `${look.glow}|${look.stale ? 1 : 0}|${look.link ? look.link.getHexString() : '-'}`;

/**
 * Materials for node-bound assets, which are drawn as part of the site model: an asset whose look
 * differs from plain gets tinted clones of its meshes' materials (cached per material and look),
 * the same greys and link colours instanced assets get through their instance colours.
 */
function nodeMaterials() {
  const clones = new Map<string, Material>();
  const originals = new Map<Mesh, Material | Material[]>();
  const tinted = (base: Material, look: Look): Material => {
    const key = `${base.uuid}|${lookKey(look)}`;
    let clone = clones.get(key);
    if (clone) return clone;
    clone = base.clone();
    const colored = clone as Material & { color?: Color; emissive?: Color };
    if (look.link && colored.color) colored.color.copy(look.link);
    else if (look.stale && colored.color) {
      const { r, g, b } = colored.color;
      colored.color.setScalar(staleGrey(r, g, b));
    }
    if (look.glow && colored.emissive) colored.emissive.setHex(look.glow);
    clones.set(key, clone);
    return clone;
  };
  return {
    set(root: Object3D, look: Look) {
      const plain = !look.glow && !look.stale && !look.link;
      root.traverse((o) => {
        if (!(o instanceof Mesh)) return;
        if (!originals.has(o)) originals.set(o, o.material);
        const source = originals.get(o)!;
        if (plain) {
          o.material = source;
          return;
        }
        o.material = Array.isArray(source)
          ? source.map((m) => tinted(m, look))
          : tinted(source, look);
      });
    },
    dispose() {
      for (const c of clones.values()) c.dispose();
      clones.clear();
    },
  };
}

/**
 * Assets that are named nodes of the site model (drawn as scenery): highlight on the node
 * itself, and articulated children posed from the asset's fields.
 */
export function NodeBoundAssets({ bound, twin, networkLayer = false }: Props) {
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

  const materials = useMemo(() => nodeMaterials(), []);
  useEffect(() => () => materials.dispose(), [materials]);
  /** The look each asset is drawn with now, by id; redrawn only when it changes. */
  const shown = useRef(new Map<string, string>());
  const layer = useRef(networkLayer);
  const restyle = useRef(() => {});
  restyle.current = () => {
    const { selectedId, hoveredId } = twin.getState();
    for (const entry of bound) {
      const { asset } = entry;
      const look: Look = {
        glow: asset.id === selectedId ? 0x1a7f8f : asset.id === hoveredId ? 0x1d4f7a : 0,
        stale: asset.stale,
        link: layer.current ? LINK_COLORS[asset.linkHealth ?? 'none'] : null,
      };
      const key = lookKey(look);
      if (shown.current.get(asset.id) === key) continue;
      shown.current.set(asset.id, key);
      materials.set(entry.object, look);
    }
  };
  useEffect(() => {
    layer.current = networkLayer;
    restyle.current();
  }, [networkLayer]);
  useEffect(() => {
    restyle.current();
    return twin.subscribe((s, prev) => {
      if (s.selectedId !== prev.selectedId || s.hoveredId !== prev.hoveredId) restyle.current();
    });
  }, [twin]);
  // Staleness and link health change with telemetry: checked at most a few times a second.
  const checkedAt = useRef(0);
  useFrame(({ clock }) => {
    if (clock.elapsedTime - checkedAt.current < 0.25) return;
    checkedAt.current = clock.elapsedTime;
    restyle.current();
  });

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
