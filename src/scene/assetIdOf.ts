import type { Intersection, Object3D } from 'three';
import type { AssetState } from '../twin/assetState';

/** The asset an intersection hit: an instance of an asset type, or a node of the site model. */
export function assetIdOf(hit: Intersection<Object3D>): string | null {
  const assets = hit.object.userData.assets as readonly AssetState[] | undefined;
  if (assets && hit.instanceId !== undefined) return assets[hit.instanceId]?.id ?? null;
  for (let o: Object3D | null = hit.object; o; o = o.parent) {
    const id: unknown = o.userData.assetId;
    if (typeof id === 'string') return id;
  }
  return null;
}
