import type { TwinConfig } from '../../config/schema';
import type { AssetState } from '../../twin/assetState';

/**
 * The site's config with every asset as the twin has it now — where it stands, which way it
 * heads, the fields its telemetry last reported — so the simulator starts from the live state
 * ("what happens in the next two hours if we go on like this"). Assets not heard from keep the
 * config's values.
 */
export function configFromTwin(config: TwinConfig, assets: readonly AssetState[]): TwinConfig {
  const byId = new Map(assets.map((a) => [a.id, a]));
  return {
    ...config,
    assets: config.assets.map((asset) => {
      const live = byId.get(asset.id);
      if (!live || live.lastUpdate === 0) return asset;
      const fields = { ...asset.fields, ...live.fields };
      // An asset that is a node of a site model stands where the model has it.
      if (!asset.pose) return { ...asset, fields };
      return {
        ...asset,
        pose: {
          ...asset.pose,
          position: [live.position[0], live.position[1], live.position[2]],
          headingDeg: live.headingDeg,
        },
        fields,
      };
    }),
  };
}
