import type { AssetConfig, FieldValue, TwinConfig } from '../../config/schema';
import type { GatewaySpec } from '../simOutput';

/**
 * Which 5G gateway reports which asset, read from the twin config (never from the site's kind):
 *
 * - A gateway is an asset whose type has `category: "gateway5g"` (the bundled type `gateway5g`, a
 *   virtual type). Its fields `protocol` (`json` | `sparkplugb`, default `json`) and `cell`
 *   say how it speaks and where it is attached.
 * - Any other asset is reported by the gateway its field `gateway` names — set on the asset, or
 *   as the default of its type (how all containers name the terminal's `gw-tos` at once). An
 *   asset without one is not reported; naming an unknown gateway is an error.
 */
export interface SiteGateways {
  specs: GatewaySpec[];
  /** Asset type of each gateway's own asset. */
  gatewayTypes: Map<string, string>;
  /** Gateway id reporting an asset, or undefined when it is not reported. */
  gatewayOf(assetId: string): string | undefined;
}

export const GATEWAY_CATEGORY = 'gateway5g';

/** A field of an asset as loaded: its own value, else its type's default. */
export function fieldOf(
  config: TwinConfig,
  asset: AssetConfig,
  name: string,
): FieldValue | undefined {
  return asset.fields[name] ?? config.assetTypes[asset.type]?.fields[name]?.default;
}

/** All fields of an asset: its type's defaults overlaid with its own values. */
export function allFields(config: TwinConfig, asset: AssetConfig): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  const type = config.assetTypes[asset.type];
  if (type)
    for (const [name, def] of Object.entries(type.fields))
      if (def.default !== undefined) out[name] = def.default;
  Object.assign(out, asset.fields);
  return out;
}

export function isGatewayAsset(config: TwinConfig, asset: AssetConfig): boolean {
  return config.assetTypes[asset.type]?.category === GATEWAY_CATEGORY;
}

export function readSiteGateways(config: TwinConfig): SiteGateways {
  const specs = new Map<string, GatewaySpec>();
  const gatewayTypes = new Map<string, string>();
  for (const asset of config.assets) {
    if (!isGatewayAsset(config, asset)) continue;
    const protocol = String(fieldOf(config, asset, 'protocol') ?? 'json');
    if (protocol !== 'json' && protocol !== 'sparkplugb')
      throw new Error(
        `gateway ${asset.id}: protocol "${protocol}" is neither "json" nor "sparkplugb"`,
      );
    gatewayTypes.set(asset.id, asset.type);
    specs.set(asset.id, {
      id: asset.id,
      protocol,
      assets: [],
      cell: String(fieldOf(config, asset, 'cell') ?? 'cell-1'),
    });
  }
  const byAsset = new Map<string, string>();
  for (const asset of config.assets) {
    if (isGatewayAsset(config, asset)) continue;
    const gateway = fieldOf(config, asset, 'gateway');
    if (gateway === undefined || gateway === '') continue;
    const spec = specs.get(String(gateway));
    if (!spec)
      throw new Error(
        `asset ${asset.id}: field "gateway" names "${String(gateway)}", which is not an asset of a type with category "${GATEWAY_CATEGORY}"`,
      );
    spec.assets.push(asset.id);
    byAsset.set(asset.id, spec.id);
  }
  return { specs: [...specs.values()], gatewayTypes, gatewayOf: (id) => byAsset.get(id) };
}
