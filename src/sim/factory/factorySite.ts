import type { AssetConfig, FieldValue, TwinConfig } from '../../config/schema';
import { rectCentre, zoneRect, type Point2, type Rect } from '../core/geometry';
import { RoadGraph } from '../core/roadGraph';
import { allFields } from '../core/siteGateways';

/**
 * An apparel factory read from its twin config: sewing machines grouped into lines by their
 * `line` field and ordered by `step`, AGVs, inspection robots, cutting tables and presses by
 * category, and the aisles (zones of kind `aisle`) vehicles drive on.
 */
export interface StationSite {
  asset: AssetConfig;
  fields: Record<string, FieldValue>;
  position: Point2;
  step: number;
}

export interface LineSite {
  id: string;
  /** By step. */
  stations: StationSite[];
  /** Where AGVs drop bundles for the first operation and collect from the last. */
  head: Point2;
  tail: Point2;
}

export interface FactorySite {
  lines: LineSite[];
  agvs: AssetConfig[];
  robots: AssetConfig[];
  cuttingTables: AssetConfig[];
  presses: AssetConfig[];
  aisles: RoadGraph;
  aisleRects: Rect[];
  /** Centres of the areas AGVs serve. */
  cutting: Point2;
  finishing: Point2;
  warehouse: Point2;
  charging: Rect;
}

const categoryOf = (config: TwinConfig, a: AssetConfig): string =>
  config.assetTypes[a.type]?.category ?? '';

function areaOf(config: TwinConfig, kind: string): Rect {
  const zone = config.zones.find((z) => z.kind === kind);
  if (!zone) throw new Error(`factory simulation needs a zone of kind "${kind}"`);
  return zoneRect(zone);
}

export function readFactorySite(config: TwinConfig): FactorySite {
  const aisleZones = config.zones.filter((z) => z.kind === 'aisle');
  if (aisleZones.length === 0)
    throw new Error('factory simulation needs zones of kind "aisle" for AGVs and robots');
  const byLine = new Map<string, StationSite[]>();
  for (const a of config.assets) {
    if (categoryOf(config, a) !== 'sewingMachine') continue;
    const fields = allFields(config, a);
    const line = String(fields.line ?? '');
    if (!a.pose || line === '') continue;
    const list = byLine.get(line) ?? [];
    list.push({
      asset: a,
      fields,
      position: [a.pose.position[0], a.pose.position[2]],
      step: Number(fields.step ?? list.length + 1),
    });
    byLine.set(line, list);
  }
  const lines: LineSite[] = [...byLine.entries()].map(([id, stations]) => {
    stations.sort((p, q) => p.step - q.step);
    const first = stations[0] as StationSite;
    const last = stations[stations.length - 1] as StationSite;
    return { id, stations, head: first.position, tail: last.position };
  });
  const of = (cat: string): AssetConfig[] =>
    config.assets.filter((a) => categoryOf(config, a) === cat);
  const aisleRects = aisleZones.map(zoneRect);
  return {
    lines,
    agvs: of('agv'),
    robots: of('robot'),
    cuttingTables: of('cuttingTable'),
    presses: of('press'),
    aisles: new RoadGraph(aisleZones.map((z, i) => ({ id: z.id, rect: aisleRects[i] as Rect }))),
    aisleRects,
    cutting: rectCentre(areaOf(config, 'cutting')),
    finishing: rectCentre(areaOf(config, 'finishing')),
    warehouse: rectCentre(areaOf(config, 'warehouse')),
    charging: areaOf(config, 'charging'),
  };
}
