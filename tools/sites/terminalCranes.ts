import { VESSEL } from '../models/modelDimensions';
import type { AssetInput, LocalizedName } from './configTypes';
import { pickWeighted, randomInt, type Random } from './mulberry32';
import { round3 } from './siteGeometry';
import type { TerminalLayout, YardBlock } from './terminalLayout';

/** Ships, quay cranes and yard cranes of a terminal twin config. */

const VESSEL_NAMES: readonly LocalizedName[] = [
  { en: 'MV Harbour Pioneer', 'zh-CN': '港口先锋轮' },
  { en: 'MV Nanhai Trader', 'zh-CN': '南海商人轮' },
  { en: 'MV Pearl River Bridge', 'zh-CN': '珠江大桥轮' },
  { en: 'MV Lingding Star', 'zh-CN': '伶仃之星轮' },
  { en: 'MV Dapeng Bay', 'zh-CN': '大鹏湾轮' },
  { en: 'MV Qianhai Express', 'zh-CN': '前海快航轮' },
];
/** Deck cargo spans this stretch of the vessel model, bow at +x. */
const CARGO_FROM = -96;
const CARGO_TO = 124;
/** Fender gap between the quay wall and the ship's side. */
const FENDER_GAP = 2;

export interface PlacedVessel {
  asset: AssetInput;
  x: number;
  headingDeg: number;
  berthId: string;
}

/** Ships alongside the first `count` berths, one per berth, centred on it. */
export function placeVessels(layout: TerminalLayout, count: number): PlacedVessel[] {
  return layout.berths.slice(0, Math.min(count, layout.berths.length)).map((berth, i) => {
    const x = (berth.xMin + berth.xMax) / 2;
    // Alternate bow east / bow west, as ships come alongside either way.
    const headingDeg = i % 2 === 0 ? 90 : 270;
    const name = VESSEL_NAMES[i % VESSEL_NAMES.length] as LocalizedName;
    return {
      x,
      headingDeg,
      berthId: berth.id,
      asset: {
        id: `V${i + 1}`,
        type: 'vessel',
        name,
        zone: berth.id,
        pose: {
          position: [
            round3(x),
            layout.quay.waterY,
            round3(layout.quay.edgeZ - FENDER_GAP - VESSEL.beam / 2),
          ],
          headingDeg,
        },
        fields: {
          status: 'working',
          berth: berth.id,
          voyage: `0${24 + i}${i % 2 === 0 ? 'E' : 'W'}`,
          draft: 12.4 + (i % 3) * 0.6,
        },
      },
    };
  });
}

export interface PlacedQuayCrane {
  asset: AssetInput;
  x: number;
  /** Apron lane under the spreader when the crane is working a truck, else undefined. */
  laneIndex: number | undefined;
}

/** Quay cranes spread over the cargo bays of the berthed ships, mid-cycle. */
export function placeQuayCranes(
  layout: TerminalLayout,
  vessels: PlacedVessel[],
  count: number,
  random: Random,
): PlacedQuayCrane[] {
  const xs: number[] = [];
  if (vessels.length === 0) {
    const { xMin, xMax } = layout.quay;
    for (let i = 0; i < count; i++) xs.push(xMin + ((i + 0.5) * (xMax - xMin)) / count);
  } else {
    vessels.forEach((vessel, v) => {
      const n = Math.floor(count / vessels.length) + (v < count % vessels.length ? 1 : 0);
      const dir = vessel.headingDeg === 90 ? 1 : -1;
      for (let i = 0; i < n; i++)
        xs.push(vessel.x + dir * (CARGO_FROM + ((i + 0.5) * (CARGO_TO - CARGO_FROM)) / n));
    });
  }
  xs.sort((a, b) => a - b);
  const lanes = layout.quay.laneZ;
  const berthOf = (x: number): string | undefined =>
    layout.berths.find((b) => x >= b.xMin && x < b.xMax)?.id;
  return xs.map((x, i) => {
    // Mid-cycle: most cranes over the ship or lowering to a truck, the odd one waiting.
    const phase = pickWeighted(random, [5, 4, 1]);
    const laneIndex = phase === 1 ? randomInt(random, 0, 2) : undefined;
    const lane = laneIndex === undefined ? undefined : (lanes[laneIndex] as number);
    const trolley =
      lane !== undefined
        ? -(lane - layout.quay.railWatersideZ)
        : phase === 0
          ? randomInt(random, 18, 52)
          : 0;
    const hoist =
      lane !== undefined ? randomInt(random, 6, 9) : phase === 0 ? randomInt(random, 31, 38) : 35;
    const zone = berthOf(x);
    return {
      x,
      laneIndex,
      asset: {
        id: `QC${String(i + 1).padStart(2, '0')}`,
        type: 'quayCrane',
        name: { en: `Quay crane ${i + 1}`, 'zh-CN': `${i + 1} 号岸桥` },
        ...(zone ? { zone } : {}),
        pose: { position: [round3(x), 0, layout.quay.railWatersideZ], headingDeg: 0 },
        fields: {
          trolley: round3(trolley),
          hoist,
          status: phase === 2 ? 'idle' : 'working',
          moves: randomInt(random, 24, 150),
          locked: phase !== 2 && random() < 0.5,
        },
      },
    };
  });
}

export interface PlacedYardCrane {
  asset: AssetInput;
  x: number;
  block: YardBlock;
  /** True when its spreader is over the truck lane, waiting for a truck. */
  overLane: boolean;
}

/** One RTG per block, somewhere along it, over a row or over the truck lane. */
export function placeYardCranes(layout: TerminalLayout, random: Random): PlacedYardCrane[] {
  return layout.blocks.map((block) => {
    const x = block.x0 + randomInt(random, 4, block.bays - 4) * layout.slot.length;
    const overLane = random() < 0.5;
    const row = randomInt(random, 1, block.rows);
    const rowZ = block.z0 + (row - 0.5) * layout.slot.width;
    return {
      x,
      block,
      overLane,
      asset: {
        id: `RTG-${block.id}`,
        type: 'yardCrane',
        name: { en: `RTG ${block.id}`, 'zh-CN': `${block.id} 场桥` },
        zone: `block-${block.id}`,
        pose: { position: [round3(x), 0, round3(block.craneZ)], headingDeg: 90 },
        fields: {
          trolley: round3((overLane ? block.truckLaneZ : rowZ) - block.craneZ),
          hoist: overLane ? 7 : randomInt(random, 14, 16),
          status: 'working',
          moves: randomInt(random, 10, 90),
          block: block.id,
        },
      },
    };
  });
}
