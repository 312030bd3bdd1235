import { validateTwinConfig } from '../config/loadTwinConfig';
import type { RuleConfig } from '../config/rules';
import type { FieldValue, TwinConfig } from '../config/schema';
import type { AssetState } from '../twin/assetState';

/**
 * A small site for diagnostics tests: two quay cranes, a truck, an RTG, a line of two sewing
 * machines and an AGV, a quay zone and a no-go zone, with the given rules (validated as a config file would be).
 */
export function testSite(rules: unknown[]): { config: TwinConfig; assets: AssetState[] } {
  const result = validateTwinConfig({
    schemaVersion: 1,
    site: { id: 'test', name: 'Test', geoOrigin: { lat: 0, lon: 0 } },
    models: {},
    assetTypes: {
      qc: {
        name: 'Quay crane',
        category: 'quayCrane',
        virtual: true,
        fields: { status: { default: 'idle' }, hoist: { default: 0 }, moves: { default: 0 } },
      },
      truck: { name: 'Truck', category: 'truck', virtual: true },
      line: { name: 'Line', category: 'sewingLine', virtual: true },
      rtg: { name: 'RTG', category: 'yardCrane', virtual: true },
      sewing: { name: 'Sewing machine', category: 'sewingMachine', virtual: true },
      agv: { name: 'AGV', category: 'agv', virtual: true },
    },
    assets: [
      { id: 'QC1', type: 'qc', zone: 'quay', fields: { cell: 'A' } },
      { id: 'QC2', type: 'qc', zone: 'quay', fields: { cell: 'A' } },
      { id: 'T1', type: 'truck', fields: { cell: 'B' } },
      { id: 'L1', type: 'line', fields: { targetPerHour: 100, pieces: 0 } },
      { id: 'R1', type: 'rtg' },
      { id: 'M1', type: 'sewing', fields: { line: 'L1', step: 1, smv: 1 } },
      { id: 'M2', type: 'sewing', fields: { line: 'L1', step: 2, smv: 2 } },
      { id: 'A1', type: 'agv' },
    ],
    zones: [
      {
        id: 'quay',
        name: 'Quay',
        polygon: [
          [0, 0],
          [100, 0],
          [100, 20],
          [0, 20],
        ],
      },
      {
        id: 'nogo',
        name: 'Crane rail',
        polygon: [
          [40, 0],
          [60, 0],
          [60, 5],
          [40, 5],
        ],
      },
    ],
    rules,
  });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const { config } = result;
  const assets = config.assets.map((a): AssetState => {
    const fields: Record<string, FieldValue> = {};
    for (const [name, def] of Object.entries(config.assetTypes[a.type]?.fields ?? {}))
      if (def.default !== undefined) fields[name] = def.default;
    Object.assign(fields, a.fields);
    return {
      id: a.id,
      type: a.type,
      name: a.name ?? a.id,
      zone: a.zone,
      node: undefined,
      position: [0, 0, 0],
      headingDeg: 90,
      pitchDeg: 0,
      rollDeg: 0,
      fields,
      lastUpdate: 0,
      stale: false,
      gateway: undefined,
      linkHealth: undefined,
      version: 0,
    };
  });
  return { config, assets };
}

/** Telemetry as the applier would leave it: fields set, the asset heard at `t`, version moved. */
export function report(
  asset: AssetState,
  t: number,
  fields: Record<string, FieldValue>,
  position?: [number, number, number],
): void {
  Object.assign(asset.fields, fields);
  if (position) asset.position = position;
  asset.lastUpdate = t;
  asset.version++;
}

export const rule = (r: Partial<RuleConfig> & { id: string; kind: RuleConfig['kind'] }) => r;
