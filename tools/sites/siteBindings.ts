import type { TwinConfigInput } from '../../src/config/schema';

type BindingInput = NonNullable<TwinConfigInput['bindings']>[number];
type AssetTypesInput = TwinConfigInput['assetTypes'];

/** Asset types whose gateways send GNSS fixes (docs/topics.md), the rest site-grid `loc`. */
const GNSS_TYPES = new Set(['truck']);
/** Fields cranes send in millimetres. */
const MILLIMETRE_FIELDS = new Set(['trolley', 'hoist']);
const GATEWAY_CATEGORY = 'gateway5g';

/**
 * The bindings of a bundled site: exactly the topics and payloads its simulated gateways publish
 * (docs/topics.md), one JSON binding per asset type, one Sparkplug B binding for devices and one
 * for edge nodes, and the gateways' own link and status topics.
 */
export function siteBindings(siteId: string, assetTypes: AssetTypesInput): BindingInput[] {
  const json = `site/${siteId}/gw`;
  const bindings: BindingInput[] = [];
  const deviceFields: Record<string, string> = {};
  for (const [typeId, type] of Object.entries(assetTypes)) {
    if (type.category === GATEWAY_CATEGORY || type.virtual) continue;
    const names = Object.keys(type.fields ?? {});
    const fields: NonNullable<BindingInput['fields']> = {};
    for (const name of names) {
      fields[name] = MILLIMETRE_FIELDS.has(name)
        ? { path: `data.${name}_mm`, scale: 0.001, unit: 'mm' }
        : `data.${name}`;
      deviceFields[name] = name;
    }
    const gnss = GNSS_TYPES.has(typeId);
    bindings.push({
      id: `${typeId}-json`,
      topic: `${json}/+gateway/${typeId}/+assetId/state`,
      decoder: 'json',
      time: 'ts',
      sequence: 'seq',
      position: gnss
        ? { lat: 'gnss.lat', lon: 'gnss.lon' }
        : { x: 'loc.x', y: 'loc.y', z: 'loc.z' },
      heading: gnss ? 'gnss.hdg' : 'loc.hdg',
      fields: gnss
        ? { ...fields, speed: { path: 'gnss.speed_kmh', scale: 1 / 3.6, unit: 'km/h' } }
        : fields,
      staleAfterMs: 30_000,
    });
  }
  bindings.push(
    {
      id: 'events-json',
      topic: `${json}/+gateway/+type/+assetId/event`,
      decoder: 'json',
      kind: 'event',
      time: 'ts',
      sequence: 'seq',
      event: { name: 'event', code: 'code', severity: 'severity' },
    },
    {
      id: 'gateway-link-json',
      topic: `${json}/+assetId/link`,
      decoder: 'json',
      kind: 'link',
      time: 'ts',
      sequence: 'seq',
      fields: { rsrpDbm: 'rsrp_dbm', sinrDb: 'sinr_db', uplinkMbps: 'ul_mbps', cell: 'cell' },
    },
    {
      id: 'gateway-status-json',
      topic: `${json}/+assetId/status`,
      decoder: 'json',
      time: 'ts',
      fields: { linkState: 'state' },
    },
    {
      id: 'devices-sparkplug',
      topic: `spBv1.0/twindeck-${siteId}/+/+gateway/+assetId`,
      decoder: 'sparkplugb',
      position: { x: 'pos/x', y: 'pos/y', z: 'pos/z' },
      heading: 'pos/heading',
      fields: deviceFields,
    },
    {
      id: 'nodes-sparkplug',
      topic: `spBv1.0/twindeck-${siteId}/+/+assetId`,
      decoder: 'sparkplugb',
      kind: 'link',
      fields: { rsrpDbm: 'Link/RSRP', sinrDb: 'Link/SINR', uplinkMbps: 'Link/UplinkMbps' },
    },
  );
  return bindings;
}
