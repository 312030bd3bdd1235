import type { AssetConfig, FieldValue, TwinConfig } from '../../config/schema';
import {
  forwardOf,
  inPolygon,
  rectCentre,
  sidewaysOf,
  zoneRect,
  type Point2,
  type Rect,
} from '../core/geometry';
import { RoadGraph } from '../core/roadGraph';
import { allFields } from '../core/siteGateways';
import { YardBlock } from './yardGeometry';

/**
 * A container terminal read from its twin config — everything the simulator needs, taken from
 * asset categories, poses, part limits and zones rather than from any knowledge of the bundled
 * site (docs/simulation.md lists what a config must provide).
 */

/** A rail-mounted or rubber-tyred crane: where it stands, which way its trolley and gantry run. */
export interface CraneSite {
  asset: AssetConfig;
  /** Ground position at the start. */
  origin: Point2;
  headingDeg: number;
  /** Unit vector the trolley moves along (+ = positive `trolley`), and the gantry axis. */
  trolleyAxis: Point2;
  gantryAxis: Point2;
  trolley: { min: number; max: number };
  hoist: { min: number; max: number };
  fields: Record<string, FieldValue>;
}

export interface QuayCraneSite extends CraneSite {
  /** Trolley value over the lane trucks stop in under it, and that lane's centre line. */
  laneTrolley: number;
}

export interface YardCraneSite extends CraneSite {
  block: YardBlock;
}

export interface VesselSite {
  asset: AssetConfig;
  berth: string;
}

/** A box as the config places it. */
export interface BoxSite {
  asset: AssetConfig;
  size: 20 | 40;
  fields: Record<string, FieldValue>;
  position: [number, number, number];
  headingDeg: number;
}

export interface TerminalSite {
  quayCranes: QuayCraneSite[];
  yardCranes: YardCraneSite[];
  trucks: AssetConfig[];
  vessels: VesselSite[];
  boxes: Map<string, BoxSite>;
  blocks: Map<string, YardBlock>;
  roads: RoadGraph;
  /** Rectangles trucks may be in: roads, lanes, the apron and the gate. */
  drivable: Rect[];
}

const categoryOf = (config: TwinConfig, a: AssetConfig): string =>
  config.assetTypes[a.type]?.category ?? '';

function craneSite(config: TwinConfig, asset: AssetConfig): CraneSite {
  const type = config.assetTypes[asset.type];
  const parts = Object.values(type?.parts ?? {});
  const trolleyPart = parts.find((p) => p.field === 'trolley');
  const hoistPart = parts.find((p) => p.field === 'hoist');
  if (!asset.pose) throw new Error(`crane ${asset.id} needs a pose`);
  const headingDeg = asset.pose.headingDeg;
  // The trolley runs along the model axis its part names; the gantry along the other level axis.
  const trolleyAlongX = (trolleyPart?.axis ?? 'x') === 'x';
  return {
    asset,
    origin: [asset.pose.position[0], asset.pose.position[2]],
    headingDeg,
    trolleyAxis: trolleyAlongX ? forwardOf(headingDeg) : sidewaysOf(headingDeg),
    gantryAxis: trolleyAlongX ? sidewaysOf(headingDeg) : forwardOf(headingDeg),
    trolley: { min: trolleyPart?.min ?? -20, max: trolleyPart?.max ?? 20 },
    hoist: { min: hoistPart?.min ?? 0, max: hoistPart?.max ?? 20 },
    fields: allFields(config, asset),
  };
}

const dot = (a: Point2, b: Point2): number => a[0] * b[0] + a[1] * b[1];

/** Reads the terminal; throws with a plain explanation when something the simulator needs is missing. */
export function readTerminalSite(config: TwinConfig): TerminalSite {
  const zones = config.zones;
  const drivableZones = zones.filter((z) => z.kind === 'road' || z.kind === 'truckLane');
  if (drivableZones.length === 0)
    throw new Error('terminal simulation needs zones of kind "road" or "truckLane" for trucks');
  const lanes = zones
    .filter((z) => z.kind === 'truckLane')
    .map((z) => ({ zone: z, rect: zoneRect(z) }));
  const stacks = zones.filter((z) => z.kind === 'yardStack');

  const boxes = new Map<string, BoxSite>();
  let maxTier = 0;
  for (const a of config.assets) {
    if (categoryOf(config, a) !== 'container') continue;
    const fields = allFields(config, a);
    const size = Number(fields.size) === 20 ? 20 : 40;
    const pos = a.pose?.position ?? [0, 0, 0];
    boxes.set(a.id, {
      asset: a,
      size,
      fields,
      position: [pos[0], pos[1], pos[2]],
      headingDeg: a.pose?.headingDeg ?? 90,
    });
    const tier = Number(/-(\d+)$/.exec(String(fields.slot ?? ''))?.[1] ?? 0);
    maxTier = Math.max(maxTier, tier);
  }

  const blocks = new Map<string, YardBlock>();
  const yardCranes: YardCraneSite[] = [];
  for (const a of config.assets) {
    if (categoryOf(config, a) !== 'yardCrane') continue;
    const crane = craneSite(config, a);
    const blockZone = zones.find((z) => z.id === a.zone);
    const label = String(crane.fields.block ?? a.zone ?? a.id);
    const inside = (r: Rect): boolean => {
      const [x, z] = rectCentre(r);
      return blockZone ? inPolygon(blockZone.polygon, x, z) : false;
    };
    const stackZone = stacks.find((s) => inside(zoneRect(s)));
    const lane = lanes.find((l) => inside(l.rect));
    if (!stackZone || !lane)
      throw new Error(
        `yard crane ${a.id}: its zone "${a.zone ?? ''}" must contain a "yardStack" zone and a "truckLane" zone`,
      );
    const stack = zoneRect(stackZone);
    const [lx, lz] = rectCentre(lane.rect);
    const alongX = stack.xMax - stack.xMin >= stack.zMax - stack.zMin;
    const block = new YardBlock(label, stack, Math.max(1, maxTier || 4), alongX ? lz : lx, a.id);
    blocks.set(label, block);
    yardCranes.push({ ...crane, block });
  }

  const quayCranes: QuayCraneSite[] = [];
  for (const a of config.assets) {
    if (categoryOf(config, a) !== 'quayCrane') continue;
    const crane = craneSite(config, a);
    // Trucks stop in the lane nearest the waterside rail that the trolley reaches landward.
    let best: number | undefined;
    for (const l of lanes) {
      const c = rectCentre(l.rect);
      const t = dot([c[0] - crane.origin[0], c[1] - crane.origin[1]], crane.trolleyAxis);
      if (t < 0 && t >= crane.trolley.min && (best === undefined || t > best)) best = t;
    }
    if (best === undefined)
      throw new Error(`quay crane ${a.id}: no "truckLane" zone under its trolley on the land side`);
    quayCranes.push({ ...crane, laneTrolley: best });
  }

  const vessels: VesselSite[] = config.assets
    .filter((a) => categoryOf(config, a) === 'vessel')
    .map((a) => ({ asset: a, berth: String(a.fields.berth ?? a.zone ?? '') }));
  const trucks = config.assets.filter((a) => categoryOf(config, a) === 'truck');
  const drivable = zones
    .filter((z) => ['road', 'truckLane', 'apron', 'gate'].includes(z.kind))
    .map(zoneRect);
  return {
    quayCranes,
    yardCranes,
    trucks,
    vessels,
    boxes,
    blocks,
    roads: new RoadGraph(drivableZones.map((z) => ({ id: z.id, rect: zoneRect(z) }))),
    drivable,
  };
}
