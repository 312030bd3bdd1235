import { CONTAINER, QUAY_CRANE, YARD_CRANE } from '../models/modelDimensions';

/**
 * Plan of a container terminal in site metres (x east, y up, z south). The quay runs along x with
 * water to the north (z < 0); yard blocks lie landward in a grid with bays along x and rows along
 * z. The ground model and the twin configs are both generated from one layout so they agree.
 */

/** Axis-aligned rectangle in the ground plane. */
export interface Rect {
  xMin: number;
  xMax: number;
  zMin: number;
  zMax: number;
}

/** Knobs for the size of a terminal. */
export interface TerminalLayoutOptions {
  /** Berths along the quay. */
  berths: number;
  /** Quay length per berth, metres. */
  berthLength: number;
  /** Yard blocks side by side along x. */
  blockColumns: number;
  /** Yard blocks one behind the other along z. */
  blockRows: number;
  /** 20 ft ground slots per block along x. */
  baysPerBlock: number;
  /** Container rows per block across z (6 for a "6 + 1" RTG). */
  rowsPerBlock: number;
  /** Highest tier stacked. */
  tiers: number;
  /** A road crosses the yard after every this many block rows. */
  roadEveryRows: number;
}

export interface Berth {
  id: string;
  /** Quay stretch of the berth along x. */
  xMin: number;
  xMax: number;
  /** Water area a berthed ship occupies, for the zone outline. */
  area: Rect;
}

export interface YardBlock {
  id: string;
  /** West end of ground bay 1. */
  x0: number;
  /** North edge of row 1. */
  z0: number;
  /** 20 ft ground slots along x. */
  bays: number;
  rows: number;
  tiers: number;
  /** Centre line of the block's RTG (z), and its two leg lines. */
  craneZ: number;
  legZ: readonly [number, number];
  /** Centre of the truck lane inside the RTG span, south of the rows. */
  truckLaneZ: number;
  /** Stacking area (rows × bays). */
  stack: Rect;
  /** Whole block incl. runways and truck lane, for the zone outline. */
  footprint: Rect;
}

export interface Road {
  id: string;
  rect: Rect;
  /** Direction traffic runs. */
  axis: 'x' | 'z';
  lanes: number;
}

export interface TerminalLayout {
  /** Ground slot pitch incl. gaps: 20 ft bays along x, rows along z. */
  slot: { length: number; width: number };
  quay: {
    xMin: number;
    xMax: number;
    /** Berth line: the quay wall face. */
    edgeZ: number;
    /** Landward end of the concrete apron. */
    apronZMax: number;
    /** Still-water level relative to the quay deck (y = 0). */
    waterY: number;
    /** Quay-crane rails; cranes stand with their origin on the waterside rail. */
    railWatersideZ: number;
    railLandsideZ: number;
    /** Centre lines (z) of the truck lanes between the rails, under the cranes' spreaders. */
    laneZ: number[];
    laneWidth: number;
  };
  land: Rect;
  water: Rect;
  berths: Berth[];
  blocks: YardBlock[];
  roads: Road[];
  /** Gate lanes run along z; the check booths sit under a canopy across them. */
  gate: { rect: Rect; lanes: number; canopyZMin: number; canopyZMax: number };
}

/** The bundled demo terminal: two berths, twelve RTG blocks. */
export const BUNDLED_TERMINAL: TerminalLayoutOptions = {
  berths: 2,
  berthLength: 360,
  blockColumns: 3,
  blockRows: 4,
  baysPerBlock: 36,
  rowsPerBlock: 6,
  tiers: 5,
  roadEveryRows: 2,
};

const SLOT_LENGTH = 6.1;
const SLOT_WIDTH = 2.44;
const RAIL_SETBACK = 3;
const APRON_DEPTH = 60;
const APRON_LANES = 6;
const LEG_CLEARANCE = 3;
const MAIN_ROAD_WIDTH = 28;
const CROSS_ROAD_WIDTH = 30;
const BLOCK_GAP = 6.5;
const YARD_ROAD_WIDTH = 20;
const PERIMETER_ROAD_WIDTH = 20;
const GATE_LANES = 10;
const GATE_LANE_WIDTH = 4.5;
const GATE_DEPTH = 50;
/** Rows begin this far inside the north leg line; the truck lane sits between the last row and the south leg. */
const ROW_INSET = 1.6;

/** Builds the plan; deterministic, no randomness. */
export function makeTerminalLayout(options: TerminalLayoutOptions): TerminalLayout {
  const span = YARD_CRANE.span;
  if (options.rowsPerBlock * SLOT_WIDTH + ROW_INSET + 6 > span)
    throw new Error(
      `${options.rowsPerBlock} rows and a truck lane do not fit under a ${span} m RTG`,
    );

  const quayLength = options.berths * options.berthLength;
  const blockLength = options.baysPerBlock * SLOT_LENGTH;
  const yardWidth =
    options.blockColumns * blockLength + (options.blockColumns - 1) * CROSS_ROAD_WIDTH;
  const halfWidth = Math.max(quayLength, yardWidth + 2 * PERIMETER_ROAD_WIDTH) / 2;
  const edgeZ = 0;
  // Six truck lanes between the rails, clear of the crane legs by 3 m on either side.
  const firstLaneEdge = edgeZ + RAIL_SETBACK + LEG_CLEARANCE;
  const apronLaneWidth = (QUAY_CRANE.railGauge - 2 * LEG_CLEARANCE) / APRON_LANES;
  const mainRoad: Rect = {
    xMin: -halfWidth,
    xMax: halfWidth,
    zMin: APRON_DEPTH,
    zMax: APRON_DEPTH + MAIN_ROAD_WIDTH,
  };

  const blocks: YardBlock[] = [];
  const roads: Road[] = [{ id: 'main-road', rect: mainRoad, axis: 'x', lanes: 6 }];
  let legNorth = mainRoad.zMax + 4;
  for (let r = 0; r < options.blockRows; r++) {
    const rowLetter = String.fromCharCode(65 + r);
    for (let c = 0; c < options.blockColumns; c++) {
      const x0 = -yardWidth / 2 + c * (blockLength + CROSS_ROAD_WIDTH);
      const z0 = legNorth + ROW_INSET;
      const stackZMax = z0 + options.rowsPerBlock * SLOT_WIDTH;
      const legSouth = legNorth + span;
      blocks.push({
        id: `${rowLetter}${c + 1}`,
        x0,
        z0,
        bays: options.baysPerBlock,
        rows: options.rowsPerBlock,
        tiers: options.tiers,
        craneZ: legNorth + span / 2,
        legZ: [legNorth, legSouth],
        truckLaneZ: (stackZMax + legSouth) / 2,
        stack: { xMin: x0, xMax: x0 + blockLength, zMin: z0, zMax: stackZMax },
        footprint: {
          xMin: x0 - 4,
          xMax: x0 + blockLength + 4,
          zMin: legNorth - 1.2,
          zMax: legSouth + 1.2,
        },
      });
    }
    legNorth += span + BLOCK_GAP;
    const last = r === options.blockRows - 1;
    if (last || (r + 1) % options.roadEveryRows === 0) {
      const zMin = legNorth - BLOCK_GAP / 2;
      const width = last ? PERIMETER_ROAD_WIDTH : YARD_ROAD_WIDTH;
      roads.push({
        id: last ? 'south-road' : `yard-road-${roads.length}`,
        rect: { xMin: -halfWidth, xMax: halfWidth, zMin, zMax: zMin + width },
        axis: 'x',
        lanes: 4,
      });
      legNorth = zMin + width + BLOCK_GAP / 2;
    }
  }
  const southRoad = roads[roads.length - 1] as Road;
  const yardZMin = mainRoad.zMax;
  const yardZMax = southRoad.rect.zMin;
  for (let c = 0; c < options.blockColumns - 1; c++) {
    const xMin = -yardWidth / 2 + (c + 1) * blockLength + c * CROSS_ROAD_WIDTH;
    roads.push({
      id: `cross-road-${c + 1}`,
      rect: { xMin, xMax: xMin + CROSS_ROAD_WIDTH, zMin: yardZMin, zMax: yardZMax },
      axis: 'z',
      lanes: 4,
    });
  }
  for (const [id, xMin] of [
    ['west-road', -halfWidth],
    ['east-road', halfWidth - PERIMETER_ROAD_WIDTH],
  ] as const) {
    roads.push({
      id,
      rect: { xMin, xMax: xMin + PERIMETER_ROAD_WIDTH, zMin: yardZMin, zMax: yardZMax },
      axis: 'z',
      lanes: 2,
    });
  }

  const gateHalf = (GATE_LANES * GATE_LANE_WIDTH) / 2;
  const gate = {
    rect: {
      xMin: -gateHalf,
      xMax: gateHalf,
      zMin: southRoad.rect.zMax,
      zMax: southRoad.rect.zMax + GATE_DEPTH,
    },
    lanes: GATE_LANES,
    canopyZMin: southRoad.rect.zMax + 18,
    canopyZMax: southRoad.rect.zMax + 32,
  };
  const land: Rect = {
    xMin: -halfWidth - 30,
    xMax: halfWidth + 30,
    zMin: edgeZ,
    zMax: gate.rect.zMax + 30,
  };
  const berths: Berth[] = Array.from({ length: options.berths }, (_, i) => {
    const xMin = -quayLength / 2 + i * options.berthLength;
    return {
      id: `berth-${i + 1}`,
      xMin,
      xMax: xMin + options.berthLength,
      area: { xMin, xMax: xMin + options.berthLength, zMin: edgeZ - 64, zMax: edgeZ },
    };
  });
  return {
    slot: { length: SLOT_LENGTH, width: SLOT_WIDTH },
    quay: {
      xMin: -quayLength / 2,
      xMax: quayLength / 2,
      edgeZ,
      apronZMax: APRON_DEPTH,
      waterY: -3,
      railWatersideZ: edgeZ + RAIL_SETBACK,
      railLandsideZ: edgeZ + RAIL_SETBACK + QUAY_CRANE.railGauge,
      laneZ: Array.from(
        { length: APRON_LANES },
        (_, i) => firstLaneEdge + apronLaneWidth * (i + 0.5),
      ),
      laneWidth: apronLaneWidth,
    },
    land,
    // The terminal stands as a pier in open water: nothing beyond its edges is left empty.
    water: {
      xMin: land.xMin - 1500,
      xMax: land.xMax + 1500,
      zMin: edgeZ - 1500,
      zMax: land.zMax + 1500,
    },
    berths,
    blocks,
    roads,
    gate,
  };
}

/** Container length class, in feet. */
export type ContainerSize = 20 | 40;

/**
 * Bay numbering as terminals use it: odd bays are 20 ft ground slots (bay 2g − 1 is slot g),
 * even bays are 40 ft positions over two slots (bay 2g covers slots g and g + 1).
 */
export function bayNumber(groundSlot: number, size: ContainerSize): number {
  return size === 20 ? 2 * groundSlot - 1 : 2 * groundSlot;
}

/** Ground slots (1-based) a container in `bay` covers. */
export function groundSlotsOfBay(bay: number): number[] {
  return bay % 2 === 1 ? [(bay + 1) / 2] : [bay / 2, bay / 2 + 1];
}

/** Centre of the container's bottom face at a yard position. */
export function slotPosition(
  layout: TerminalLayout,
  block: YardBlock,
  bay: number,
  row: number,
  tier: number,
): [number, number, number] {
  const slots = groundSlotsOfBay(bay);
  const first = slots[0] ?? 1;
  const x = block.x0 + (first - 1 + slots.length / 2) * layout.slot.length;
  const z = block.z0 + (row - 0.5) * layout.slot.width;
  return [x, (tier - 1) * CONTAINER.height, z];
}

/** Slot label `<block>-<bay>-<row>-<tier>`, bay zero-padded to two digits. */
export function slotLabel(block: YardBlock, bay: number, row: number, tier: number): string {
  return `${block.id}-${String(bay).padStart(2, '0')}-${row}-${tier}`;
}
