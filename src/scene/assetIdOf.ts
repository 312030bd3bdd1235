import type { Intersection, Object3D } from 'three';
import type { AssetState } from '../twin/assetState';

/** Index into `userData.assets` of the instance hit, following packed slots when levels split. */
export function assetIndexOf(object: Object3D, instanceId: number | undefined): number | null {
  if (instanceId === undefined) return null;
  const slots = object.userData.slotToAsset as Int32Array | undefined;
  return slots ? (slots[instanceId] ?? null) : instanceId;
}

/** The asset an intersection hit: an instance of an asset type, or a node of the site model. */
export function assetIdOf(hit: Intersection<Object3D>): string | null {
  const assets = hit.object.userData.assets as readonly AssetState[] | undefined;
  if (assets) {
    const index = assetIndexOf(hit.object, hit.instanceId);
    return index === null ? null : (assets[index]?.id ?? null);
  }
  for (let o: Object3D | null = hit.object; o; o = o.parent) {
    const id: unknown = o.userData.assetId;
    if (typeof id === 'string') return id;
  }
  return null;
}
