import { TRUCK } from '../models/modelDimensions';
import type { AssetInput } from './configTypes';
import { randomInt, type Random } from './mulberry32';
import type { ShippingLine } from './shippingLines';
import { round3 } from './siteGeometry';
import type { PlacedQuayCrane, PlacedYardCrane } from './terminalCranes';
import type { TerminalLayout } from './terminalLayout';

/** Internal trucks of a terminal twin config and the boxes they carry. */

export interface PlacedTruck {
  asset: AssetInput & { fields: Record<string, string | number | boolean> };
  position: [number, number, number];
  headingDeg: number;
  laden: boolean;
}

/** Trucks under the quay cranes, under each RTG, at the gate, and the rest spread over road lanes. */
export function placeTrucks(
  layout: TerminalLayout,
  cranes: PlacedQuayCrane[],
  rtgs: PlacedYardCrane[],
  count: number,
  random: Random,
): PlacedTruck[] {
  const places: {
    position: [number, number, number];
    headingDeg: number;
    zone?: string;
    job: string;
  }[] = [];
  const lanes = layout.quay.laneZ;
  cranes.forEach((crane, i) => {
    const lane = crane.laneIndex ?? randomInt(random, 0, 2);
    const headingDeg = random() < 0.5 ? 90 : 270;
    places.push({
      position: [crane.x, 0, lanes[lane] as number],
      headingDeg,
      zone: 'quay-apron',
      job: 'discharge',
    });
    const dir = headingDeg === 90 ? -1 : 1;
    // The queued truck's lane follows the crane index, so neighbours' queues never share a lane.
    places.push({
      position: [crane.x + dir * 18, 0, lanes[3 + (i % 3)] as number],
      headingDeg,
      zone: 'quay-apron',
      job: 'load',
    });
  });
  for (const rtg of rtgs) {
    places.push({
      position: [rtg.x, 0, rtg.block.truckLaneZ],
      headingDeg: random() < 0.5 ? 90 : 270,
      zone: `block-${rtg.block.id}`,
      job: rtg.overLane ? 'yard-in' : 'yard-out',
    });
  }
  const gate = layout.gate.rect;
  const gateLanes = layout.gate.lanes;
  const gateTrucks = Math.min(gateLanes, Math.max(4, Math.round(count / 40)));
  for (let i = 0; i < gateTrucks; i++) {
    // Inbound (northbound) on the east half, outbound on the west half: right-hand traffic.
    const laneIndex = i % 2 === 0 ? gateLanes / 2 + (i >> 1) : gateLanes / 2 - 1 - (i >> 1);
    const x = gate.xMin + (laneIndex + 0.5) * ((gate.xMax - gate.xMin) / gateLanes);
    const inbound = laneIndex >= gateLanes / 2;
    // Inbound trucks queue south of the booths, outbound ones north of them.
    const z = inbound ? layout.gate.canopyZMax + 9 : layout.gate.canopyZMin - 9;
    places.push({
      position: [x, 0, z],
      headingDeg: inbound ? 0 : 180,
      zone: 'gate',
      job: inbound ? 'gate-in' : 'gate-out',
    });
  }
  const spots = shuffle(roadSpots(layout), random);
  for (const spot of spots) {
    if (places.length >= count) break;
    places.push({ ...spot, job: 'travel' });
  }
  if (places.length < count) throw new Error(`room for ${places.length} trucks, ${count} wanted`);
  return places.slice(0, count).map((p, i) => {
    const laden = random() < 0.45;
    return {
      position: p.position,
      headingDeg: p.headingDeg,
      laden,
      asset: {
        id: `T${String(i + 1).padStart(3, '0')}`,
        type: 'truck',
        name: { en: `Truck ${i + 1}`, 'zh-CN': `${i + 1} 号集卡` },
        ...(p.zone ? { zone: p.zone } : {}),
        pose: {
          position: p.position.map(round3) as [number, number, number],
          headingDeg: p.headingDeg,
        },
        fields: {
          status: p.job === 'travel' ? 'moving' : 'waiting',
          speed: p.job === 'travel' ? randomInt(random, 12, 30) : 0,
          job: p.job,
        },
      },
    };
  });
}

/** Parking positions along every road lane, away from junctions and from each other. */
function roadSpots(
  layout: TerminalLayout,
): { position: [number, number, number]; headingDeg: number }[] {
  const spots: { position: [number, number, number]; headingDeg: number }[] = [];
  const along = layout.roads.filter((r) => r.axis === 'x');
  const across = layout.roads.filter((r) => r.axis === 'z');
  const inside = (v: number, lo: number, hi: number, margin: number): boolean =>
    v > lo - margin && v < hi + margin;
  for (const road of layout.roads) {
    const { rect, lanes } = road;
    const horizontal = road.axis === 'x';
    const width = ((horizontal ? rect.zMax - rect.zMin : rect.xMax - rect.xMin) - 2) / lanes;
    for (let lane = 0; lane < lanes; lane++) {
      const offset = (horizontal ? rect.zMin : rect.xMin) + 1 + width * (lane + 0.5);
      // Right-hand traffic: eastbound on the south lanes, northbound on the east lanes.
      const forward = lane >= lanes / 2;
      const headingDeg = horizontal ? (forward ? 90 : 270) : forward ? 0 : 180;
      const [from, to] = horizontal ? [rect.xMin, rect.xMax] : [rect.zMin, rect.zMax];
      for (let s = from + 24 + (lane % 2) * 14; s < to - 24; s += 34) {
        const blocked = horizontal
          ? across.some((r) => inside(s, r.rect.xMin, r.rect.xMax, 9))
          : along.some((r) => inside(s, r.rect.zMin, r.rect.zMax, 9));
        if (blocked) continue;
        spots.push({ position: horizontal ? [s, 0, offset] : [offset, 0, s], headingDeg });
      }
    }
  }
  return spots;
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** The box a laden truck carries, on its chassis and facing its way. */
export function containerOnTruck(
  truck: PlacedTruck,
  id: string,
  line: ShippingLine,
  size: 20 | 40,
): AssetInput {
  const heading = (truck.headingDeg * Math.PI) / 180;
  // Model +x of the truck in site axes: 0° → north (−z), 90° → east (+x).
  const dx = Math.sin(heading) * TRUCK.containerSeatX;
  const dz = -Math.cos(heading) * TRUCK.containerSeatX;
  const [x, , z] = truck.position;
  return {
    id,
    type: size === 20 ? 'container20' : 'container40',
    pose: {
      position: [round3(x + dx), TRUCK.containerSeatY, round3(z + dz)],
      headingDeg: truck.headingDeg,
    },
    fields: { owner: line.owner, truck: truck.asset.id },
  };
}
