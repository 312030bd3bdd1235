import type { TwinConfigInput } from '../../src/config/schema';
import type { AssetInput, AssetTableInput, LocalizedName } from './configTypes';
import { ContainerIdIssuer } from './containerIds';
import { mulberry32 } from './mulberry32';
import { pickLine } from './shippingLines';
import { round3 } from './siteGeometry';
import { terminalRules } from './terminalRules';
import { siteBindings } from './siteBindings';
import { gatewayAsset } from './gatewayAssets';
import { TOS_GATEWAY, terminalAssetTypes } from './terminalAssetTypes';
import { placeQuayCranes, placeVessels, placeYardCranes } from './terminalCranes';
import { slotLabel, slotPosition, type TerminalLayout } from './terminalLayout';
import { containerOnTruck, placeTrucks } from './terminalTrucks';
import { terminalCameraViews, terminalZones } from './terminalZonesAndViews';
import { stowVessels } from './vesselStowage';
import { fillYard } from './yardInventory';

/** Columns of the yard tables; `reefer` and `hazardous` are null (the type's false) for most boxes. */
const YARD_COLUMNS = ['id', 'zone', 'x', 'y', 'z', 'owner', 'slot', 'reefer', 'hazardous'] as const;

/** Columns of the tables of boxes aboard the berthed ships (hidden until discharged). */
const ABOARD_COLUMNS = [
  'id',
  'zone',
  'x',
  'y',
  'z',
  'owner',
  'onboard',
  'stowage',
  'present',
  'hazardous',
] as const;

/**
 * One 5G gateway per quay crane and per RTG (Sparkplug B), one per truck (its own 5G module,
 * JSON) and the terminal operating system's (JSON, reports containers and vessels). Each crane
 * and truck names its gateway in its `gateway` field; boxes and ships name `gw-tos` through
 * their types' defaults. Cells: one per berth along the quay, the yard split north and south.
 */
function terminalGateways(assets: AssetInput[], layout: TerminalLayout): AssetInput[] {
  const rowLetters = [...new Set(layout.blocks.map((b) => b.id[0] ?? 'A'))];
  const yardCell = (blockId: string): string =>
    rowLetters.indexOf(blockId[0] ?? 'A') < rowLetters.length / 2 ? 'C-YARD-N' : 'C-YARD-S';
  const quayCells = layout.berths.map((_, i) => `C-QUAY-${i + 1}`);
  const roaming = [...quayCells, 'C-YARD-N', 'C-YARD-S'];
  const gateways: AssetInput[] = [];
  let truckIndex = 0;
  for (const asset of assets) {
    const id = asset.id;
    let gateway: AssetInput | undefined;
    if (asset.type === 'quayCrane') {
      const berth = Number(
        String(asset.zone ?? 'berth-1')
          .split('-')
          .pop() ?? 1,
      );
      gateway = gatewayAsset(`gw-${id}`, 'sparkplugb', `C-QUAY-${berth}`, {
        en: `5G gateway of ${id}`,
        'zh-CN': `${id} 5G 网关`,
      });
    } else if (asset.type === 'yardCrane') {
      gateway = gatewayAsset(
        `gw-${id}`,
        'sparkplugb',
        yardCell(String(asset.fields?.block ?? '')),
        {
          en: `5G gateway of ${id}`,
          'zh-CN': `${id} 5G 网关`,
        },
      );
    } else if (asset.type === 'truck') {
      gateway = gatewayAsset(`gw-${id}`, 'json', roaming[truckIndex++ % roaming.length] as string, {
        en: `5G module of ${id}`,
        'zh-CN': `${id} 5G 模组`,
      });
    }
    if (gateway) {
      asset.fields = { ...asset.fields, gateway: gateway.id };
      gateways.push(gateway);
    }
  }
  gateways.push(
    gatewayAsset(TOS_GATEWAY, 'json', 'C-CTRL', {
      en: 'Terminal operating system',
      'zh-CN': '码头操作系统',
    }),
  );
  return gateways;
}

/** What to put on a terminal layout. */
export interface TerminalSiteSpec {
  id: string;
  name: LocalizedName;
  description?: LocalizedName;
  /** Prefix of the shared model URLs, relative to the config file (e.g. `../models/`). */
  modelBaseUrl: string;
  /** URL of this layout's ground model, relative to the config file. */
  groundUrl: string;
  /** `$schema` reference for editor autocompletion, if the config sits next to schema.json. */
  schemaRef?: string;
  quayCranes: number;
  vessels: number;
  trucks: number;
  /** All boxes on site: on laden trucks, the rest in yard slots. */
  containers: number;
  seed: number;
}

/** A complete terminal twin config for a layout; deterministic for a given seed. */
export function buildTerminalConfig(
  layout: TerminalLayout,
  spec: TerminalSiteSpec,
): TwinConfigInput {
  const random = mulberry32(spec.seed);
  const ids = new ContainerIdIssuer(random);
  const model = (file: string): { url: string } => ({ url: `${spec.modelBaseUrl}${file}` });
  const zones = terminalZones(layout);

  const vessels = placeVessels(layout, spec.vessels);
  const cranes = placeQuayCranes(layout, vessels, spec.quayCranes, random);
  const rtgs = placeYardCranes(layout, random);
  const trucks = placeTrucks(layout, cranes, rtgs, spec.trucks, random);
  const ladenTrucks = trucks.filter((t) => t.laden).length;
  const yard = fillYard(layout.blocks, spec.containers - ladenTrucks, random, ids);

  const assets: AssetInput[] = [
    ...vessels.map((v) => v.asset),
    ...cranes.map((c) => c.asset),
    ...rtgs.map((r) => r.asset),
  ];
  const truckContainers: AssetInput[] = [];
  for (const truck of trucks) {
    if (truck.laden) {
      const line = pickLine(random);
      const box = containerOnTruck(truck, ids.next(line), line, random() < 0.8 ? 40 : 20);
      truckContainers.push(box);
      truck.asset.fields = { ...truck.asset.fields, laden: true, containerId: box.id };
    }
    assets.push(truck.asset);
  }
  // The yard's thousands of boxes go in one table per size: a third of the bytes of objects.
  const yardTables: AssetTableInput[] = (['container20', 'container40'] as const).map((type) => ({
    type,
    columns: [...YARD_COLUMNS],
    rows: [],
  }));
  for (const c of yard) {
    const [x, y, z] = slotPosition(layout, c.block, c.bay, c.row, c.tier).map(round3) as [
      number,
      number,
      number,
    ];
    const slot = slotLabel(c.block, c.bay, c.row, c.tier);
    const table = yardTables[c.size === 20 ? 0 : 1];
    table?.rows.push([
      c.id,
      `block-${c.block.id}`,
      x,
      y,
      z,
      c.owner,
      slot,
      c.reefer || null,
      c.hazardous || null,
    ]);
  }
  assets.push(...truckContainers);
  assets.push(...terminalGateways(assets, layout));
  // Drawn last from the random stream, so adding them left the yard and the fleet as they were.
  const aboardTables: AssetTableInput[] = (['container20', 'container40'] as const).map((type) => ({
    type,
    columns: [...ABOARD_COLUMNS],
    rows: [],
  }));
  for (const c of stowVessels(layout, vessels, random, ids)) {
    const [x, y, z] = c.position.map(round3) as [number, number, number];
    aboardTables[c.size === 20 ? 0 : 1]?.rows.push([
      c.id,
      c.berthId,
      x,
      y,
      z,
      c.owner,
      c.vesselId,
      c.stowage,
      false,
      c.hazardous || null,
    ]);
  }

  return {
    ...(spec.schemaRef ? { $schema: spec.schemaRef } : {}),
    schemaVersion: 1,
    site: {
      id: spec.id,
      name: spec.name,
      kind: 'terminal',
      geoOrigin: { lat: 22.48, lon: 113.87, alt: 0 },
      timeZone: 'Asia/Shanghai',
      ...(spec.description ? { description: spec.description } : {}),
    },
    models: {
      quayCrane: model('quay-crane.glb'),
      yardCrane: model('yard-crane.glb'),
      truck: model('truck.glb'),
      vessel: model('vessel.glb'),
      container20: model('container-20.glb'),
      container40: model('container-40.glb'),
      terminalGround: { url: spec.groundUrl },
    },
    scenery: [{ model: 'terminalGround', position: [0, 0, 0], headingDeg: 90 }],
    // The broker the app is served beside: `npm start` proxies /mqtt to its own.
    broker: { url: '/mqtt' },
    assetTypes: terminalAssetTypes(),
    assets,
    assetTables: [...yardTables, ...aboardTables],
    zones,
    cameraViews: terminalCameraViews(layout),
    bindings: siteBindings(spec.id, terminalAssetTypes()),
    rules: terminalRules(),
    kpis: [
      { id: 'qcGrossRate', target: 28 },
      { id: 'qcNetRate', target: 30, tile: false },
      { id: 'vesselMovesLeft' },
      { id: 'vesselHoursToGo', tile: false },
      { id: 'truckTurnMinutes', target: 30 },
      { id: 'truckWaitAtCraneMinutes', target: 10, tile: false },
      { id: 'truckWaitAtYardMinutes', tile: false },
      { id: 'rtgUtilisation', target: 40 },
    ],
    // The control-room wall: the whole terminal, then where the work is, 20 s each.
    wall: { tour: ['overview', 'berth-1', 'quay', 'yard', 'gate'], dwellMs: 20_000 },
  };
}
