import type { Rect } from './terminalLayout';

/**
 * Plan of a suit factory hall (Youngor-style) in site metres, x east, z south, origin at the hall
 * centre. Material flows west → east: fabric warehouse, cutting, sewing lines, pressing and
 * finishing. The hall model and the factory twin config are both generated from it.
 */

/** Equipment that arrives as a named node of the hall model (as CAD exports do). */
export interface FactoryEquipment {
  /** Node name in factory-hall.glb. */
  node: string;
  kind: 'cuttingTable' | 'press' | 'rack';
  /** Centre of the footprint on the floor, [x, z]. */
  position: readonly [number, number];
  /** Footprint along x and z, and height. */
  size: readonly [number, number, number];
}

export interface SewingStationPlace {
  id: string;
  /** Operation sequence number along the line (1 = first operation). */
  sequence: number;
  /** Table centre on the floor, [x, z]. */
  position: readonly [number, number];
  /** Compass heading of the station's +x (the way the operator faces). */
  headingDeg: number;
}

export interface SewingLine {
  id: string;
  /** Centre line of the bundle conveyor (x) and its length along z. */
  x: number;
  zMin: number;
  zMax: number;
  /** Painted line area. */
  area: Rect;
  stations: SewingStationPlace[];
}

export type FactoryAreaKind = 'warehouse' | 'cutting' | 'finishing' | 'charging' | 'inspection';

export interface FactoryArea {
  id: string;
  kind: FactoryAreaKind;
  name: { en: string; 'zh-CN': string };
  rect: Rect;
}

export interface FactoryLayout {
  hall: Rect;
  /** Perimeter walls stay low so a top-down camera sees in. */
  wallHeight: number;
  /** Openings in the perimeter wall (dock doors), as wall intervals. */
  doors: { wall: 'north' | 'south' | 'east' | 'west'; from: number; to: number }[];
  columns: (readonly [number, number])[];
  /** Aisles kept free for AGVs, edged with yellow lines. */
  aisles: Rect[];
  sewingLines: SewingLine[];
  areas: FactoryArea[];
  equipment: FactoryEquipment[];
  /** AGV charging spots, [x, z], vehicles park heading north. */
  chargingSpots: (readonly [number, number])[];
}

const HALL: Rect = { xMin: -70, xMax: 70, zMin: -35, zMax: 35 };
const SEWING_X: readonly [number, number] = [-22, 34];
/** Sewing lines of the bundled hall. */
const LINE_COUNT = 6;
const STATIONS_PER_SIDE = 16;
const STATION_PITCH = 1.7;
/** Table centre from the conveyor centre line: half conveyor, gap, half table depth. */
const TABLE_OFFSET = 0.9;

/**
 * Builds the factory plan, the bundled hall's by default; deterministic. `lines` puts more (or
 * fewer) U-lines of 32 stations into the same sewing area — the preview benchmark's 300-machine
 * hall has 10, closer together.
 */
export function makeFactoryLayout(options: { lines?: number } = {}): FactoryLayout {
  const lineCount = options.lines ?? LINE_COUNT;
  const lineLength = STATIONS_PER_SIDE * STATION_PITCH;
  const linePitch = (SEWING_X[1] - SEWING_X[0]) / lineCount;
  const sewingLines: SewingLine[] = Array.from({ length: lineCount }, (_, i) => {
    const x = SEWING_X[0] + linePitch * (i + 0.5);
    const zMin = -lineLength / 2;
    const id = `L${i + 1}`;
    const stations: SewingStationPlace[] = [];
    // Work flows down the west side and back up the east side, as on a U-shaped modular line.
    for (let k = 0; k < STATIONS_PER_SIDE; k++) {
      stations.push({
        id: `sew-${id}-${String(k + 1).padStart(2, '0')}`,
        sequence: k + 1,
        position: [x - TABLE_OFFSET, zMin + STATION_PITCH * (k + 0.5)],
        headingDeg: 90,
      });
    }
    for (let k = STATIONS_PER_SIDE - 1; k >= 0; k--) {
      const sequence = 2 * STATIONS_PER_SIDE - k;
      stations.push({
        id: `sew-${id}-${String(sequence).padStart(2, '0')}`,
        sequence,
        position: [x + TABLE_OFFSET, zMin + STATION_PITCH * (k + 0.5)],
        headingDeg: 270,
      });
    }
    return {
      id,
      x,
      zMin,
      zMax: zMin + lineLength,
      area: { xMin: x - 2.3, xMax: x + 2.3, zMin: zMin - 0.8, zMax: zMin + lineLength + 0.8 },
      stations,
    };
  });

  const equipment: FactoryEquipment[] = [
    ...[-11, -3, 5].map((z, i): FactoryEquipment => ({
      node: `cutting-table-${i + 1}`,
      kind: 'cuttingTable',
      position: [-35.5, z],
      size: [18, 2.2, 1.6],
    })),
    ...[44, 50, 56, 62].map((x, i): FactoryEquipment => ({
      node: `press-${i + 1}`,
      kind: 'press',
      position: [x, -8],
      size: [1.8, 1.4, 1.6],
    })),
    ...Array.from({ length: 6 }, (_, i): FactoryEquipment => ({
      node: `rack-A${i + 1}`,
      kind: 'rack',
      position: [-67.6 + 3.4 * i, 0],
      size: [1.2, 28, 5.4],
    })),
  ];

  const columns: [number, number][] = [];
  for (let x = -60; x <= 60; x += 20)
    for (const z of [-35, -20.25, 20.25, 35]) columns.push([x, z]);
  for (const x of [-70, 70]) for (const z of [-35, -20.25, 20.25, 35]) columns.push([x, z]);

  return {
    hall: HALL,
    wallHeight: 2.8,
    doors: [
      { wall: 'west', from: -4, to: 4 },
      { wall: 'east', from: -4, to: 4 },
      { wall: 'north', from: 12, to: 18 },
    ],
    columns,
    aisles: [
      { xMin: -69, xMax: 69, zMin: -19.5, zMax: -15.5 },
      { xMin: -69, xMax: 69, zMin: 15.5, zMax: 19.5 },
      { xMin: -48, xMax: -45, zMin: -15.5, zMax: 15.5 },
      { xMin: -26, xMax: -22, zMin: -15.5, zMax: 15.5 },
      { xMin: 34, xMax: 38, zMin: -15.5, zMax: 15.5 },
    ],
    sewingLines,
    areas: [
      {
        id: 'warehouse',
        kind: 'warehouse',
        name: { en: 'Fabric warehouse', 'zh-CN': '面料仓库' },
        rect: { xMin: -69.5, xMax: -48, zMin: -15, zMax: 15 },
      },
      {
        id: 'cutting',
        kind: 'cutting',
        name: { en: 'Cutting room', 'zh-CN': '裁剪区' },
        rect: { xMin: -45, xMax: -26, zMin: -15, zMax: 15 },
      },
      {
        id: 'finishing',
        kind: 'finishing',
        name: { en: 'Pressing and finishing', 'zh-CN': '整烫后整理区' },
        rect: { xMin: 38, xMax: 69.5, zMin: -15, zMax: 15 },
      },
      {
        id: 'charging',
        kind: 'charging',
        name: { en: 'AGV charging', 'zh-CN': 'AGV 充电区' },
        rect: { xMin: -10, xMax: 12, zMin: -34.5, zMax: -22 },
      },
      {
        id: 'inspection',
        kind: 'inspection',
        name: { en: 'Quality inspection', 'zh-CN': '质检区' },
        rect: { xMin: -4, xMax: 24, zMin: 22, zMax: 34.5 },
      },
    ],
    equipment,
    chargingSpots: [-7, -3.5, 0, 3.5, 7, 10.5].map((x) => [x, -29] as const),
  };
}
