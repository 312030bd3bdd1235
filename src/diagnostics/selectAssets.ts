import type { AssetSelectorConfig } from '../config/rules';
import type { TwinConfig } from '../config/schema';
import type { AssetState } from '../twin/assetState';

/** The assets a rule's selector picks: every listed criterion must match (none listed: all). */
export function selectAssets(
  select: AssetSelectorConfig,
  config: TwinConfig,
  assets: readonly AssetState[],
): AssetState[] {
  const types = select.types && new Set(select.types);
  const categories = select.categories && new Set(select.categories);
  const ids = select.ids && new Set(select.ids);
  const zones = select.zones && new Set(select.zones);
  return assets.filter(
    (a) =>
      (!types || types.has(a.type)) &&
      (!categories || categories.has(config.assetTypes[a.type]?.category ?? '')) &&
      (!ids || ids.has(a.id)) &&
      (!zones || (a.zone !== undefined && zones.has(a.zone))),
  );
}
