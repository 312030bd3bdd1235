import type { TwinConfigInput } from '../../src/config/schema';
import type { AssetInput, AssetTableInput, LocalizedName } from './configTypes';
import { ContainerIdIssuer } from './containerIds';
import { mulberry32 } from './mulberry32';
import { pickLine } from './shippingLines';
import { round3 } from './siteGeometry';
import { terminalAssetTypes } from './terminalAssetTypes';
import { placeQuayCranes, placeVessels, placeYardCranes } from './terminalCranes';
import { slotLabel, slotPosition, type TerminalLayout } from './terminalLayout';
import { containerOnTruck, placeTrucks } from './terminalTrucks';
import { terminalCameraViews, terminalZones } from './terminalZonesAndViews';
import { fillYard } from './yardInventory';

/** Columns of the yard tables; `reefer` and `hazardous` are null (the type's false) for most boxes. */
const YARD_COLUMNS = ['id', 'zone', 'x', 'y', 'z', 'owner', 'slot', 'reefer', 'hazardous'] as const;

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
    assetTypes: terminalAssetTypes(),
    assets,
    assetTables: yardTables,
    zones,
    cameraViews: terminalCameraViews(layout),
    bindings: [],
    rules: [],
    kpis: [],
  };
}
