import type { FieldValue, TwinConfig } from '../config/schema';
import type { AssetState } from './assetState';

/** Asset state as the config describes it before any telemetry: pose and field defaults. */
export function initialAssetStates(config: TwinConfig): AssetState[] {
  return config.assets.map((asset) => {
    const type = config.assetTypes[asset.type];
    const fields: Record<string, FieldValue> = {};
    for (const [name, def] of Object.entries(type?.fields ?? {})) {
      if (def.default !== undefined) fields[name] = def.default;
    }
    Object.assign(fields, asset.fields);
    const pose = asset.pose;
    return {
      id: asset.id,
      type: asset.type,
      name: asset.name ?? asset.id,
      zone: asset.zone,
      node: asset.node,
      position: pose ? [pose.position[0], pose.position[1], pose.position[2]] : [0, 0, 0],
      headingDeg: pose?.headingDeg ?? 90,
      pitchDeg: pose?.pitchDeg ?? 0,
      rollDeg: pose?.rollDeg ?? 0,
      fields,
      lastUpdate: 0,
      stale: false,
      gateway: undefined,
      linkHealth: undefined,
      version: 0,
    };
  });
}
