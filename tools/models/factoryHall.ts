import type { Document } from '@gltf-transform/core';
import type { FactoryEquipment, FactoryLayout } from '../sites/factoryLayout';
import type { Rect } from '../sites/terminalLayout';
import { MeshBuilder } from './meshBuilder';
import { ModelDocument } from './modelDocument';
import type { MaterialKey } from './palette';

type Builder = MeshBuilder<MaterialKey>;

/** Floor paint layers, a few centimetres apart so they never z-fight from the far end of the hall. */
const AREA_Y = 0.02;
const LINE_Y = 0.04;
const LINE = 0.1;
const COLUMN_HEIGHT = 8;

/**
 * Suit factory hall generated from its layout. Bindable equipment (cutting tables, presses, racks)
 * are separate named nodes placed at their floor position, as a CAD export delivers them;
 * everything else is merged into `hall`.
 */
export function buildFactoryHall(layout: FactoryLayout): Document {
  const model = new ModelDocument('FactoryHall');
  const m: Builder = new MeshBuilder<MaterialKey>();
  addFloor(m, layout);
  addWalls(m, layout);
  for (const [x, z] of layout.columns) {
    m.box('columnSteel', [x - 0.25, 0, z - 0.25], [x + 0.25, COLUMN_HEIGHT, z + 0.25]);
  }
  addSewingLineFurniture(m, layout);
  addAreaFurniture(m, layout);
  model.addMeshNode('hall', m);
  for (const item of layout.equipment) {
    model.addMeshNode(item.node, buildEquipment(item), {
      translation: [item.position[0], 0, item.position[1]],
    });
  }
  return model.document;
}

function addFloor(m: Builder, layout: FactoryLayout): void {
  const { hall } = layout;
  m.quadUp('floorGrey', hall.xMin, hall.zMin, hall.xMax, hall.zMax, 0);
  for (const line of layout.sewingLines) paint(m, 'floorGreen', line.area, AREA_Y);
  for (const area of layout.areas) {
    paint(
      m,
      area.kind === 'charging' || area.kind === 'inspection' ? 'floorBlue' : 'floorGreen',
      area.rect,
      AREA_Y,
    );
  }
  // Aisles keep the grey floor; yellow lines mark both long edges.
  for (const a of layout.aisles) {
    if (a.xMax - a.xMin > a.zMax - a.zMin) {
      m.quadUp('markingYellow', a.xMin, a.zMin, a.xMax, a.zMin + LINE, LINE_Y);
      m.quadUp('markingYellow', a.xMin, a.zMax - LINE, a.xMax, a.zMax, LINE_Y);
    } else {
      m.quadUp('markingYellow', a.xMin, a.zMin, a.xMin + LINE, a.zMax, LINE_Y);
      m.quadUp('markingYellow', a.xMax - LINE, a.zMin, a.xMax, a.zMax, LINE_Y);
    }
  }
  // Charging bays: a yellow box per spot.
  for (const [x, z] of layout.chargingSpots) {
    const r: Rect = { xMin: x - 0.75, xMax: x + 0.75, zMin: z - 1.2, zMax: z + 1.2 };
    m.quadUp('markingYellow', r.xMin, r.zMin, r.xMax, r.zMin + LINE, LINE_Y);
    m.quadUp('markingYellow', r.xMin, r.zMax - LINE, r.xMax, r.zMax, LINE_Y);
    m.quadUp('markingYellow', r.xMin, r.zMin, r.xMin + LINE, r.zMax, LINE_Y);
    m.quadUp('markingYellow', r.xMax - LINE, r.zMin, r.xMax, r.zMax, LINE_Y);
    m.box('machinery', [x - 0.35, 0, r.zMin - 0.6], [x + 0.35, 1.3, r.zMin - 0.2]);
  }
}

function paint(m: Builder, material: MaterialKey, r: Rect, y: number): void {
  m.quadUp(material, r.xMin, r.zMin, r.xMax, r.zMax, y);
}

/** Low perimeter wall with dock-door gaps. */
function addWalls(m: Builder, layout: FactoryLayout): void {
  const { hall, wallHeight } = layout;
  const t = 0.3;
  const run = (wall: 'north' | 'south' | 'east' | 'west', from: number, to: number): void => {
    const gaps = layout.doors.filter((d) => d.wall === wall).sort((a, b) => a.from - b.from);
    let start = from;
    for (const gap of [...gaps, { from: to, to }]) {
      if (gap.from > start) {
        if (wall === 'north' || wall === 'south') {
          const z = wall === 'north' ? hall.zMin : hall.zMax;
          m.box('wallPanel', [start, 0, z - t / 2], [gap.from, wallHeight, z + t / 2]);
        } else {
          const x = wall === 'west' ? hall.xMin : hall.xMax;
          m.box('wallPanel', [x - t / 2, 0, start], [x + t / 2, wallHeight, gap.from]);
        }
      }
      start = gap.to;
    }
  };
  run('north', hall.xMin - t / 2, hall.xMax + t / 2);
  run('south', hall.xMin - t / 2, hall.xMax + t / 2);
  run('west', hall.zMin + t / 2, hall.zMax - t / 2);
  run('east', hall.zMin + t / 2, hall.zMax - t / 2);
}

/** Bundle conveyor down each line, and the overhead hanger rail that carries cut parts. */
function addSewingLineFurniture(m: Builder, layout: FactoryLayout): void {
  for (const line of layout.sewingLines) {
    m.box('machinery', [line.x - 0.4, 0, line.zMin], [line.x + 0.4, 0.7, line.zMax]);
    m.box('laminate', [line.x - 0.5, 0.7, line.zMin - 0.1], [line.x + 0.5, 0.76, line.zMax + 0.1]);
    for (const dx of [-0.35, 0.35])
      m.box(
        'columnSteel',
        [line.x + dx - 0.04, 2.2, line.zMin],
        [line.x + dx + 0.04, 2.28, line.zMax],
      );
    for (let z = line.zMin; z <= line.zMax + 0.01; z += (line.zMax - line.zMin) / 3) {
      m.box('columnSteel', [line.x - 0.05, 0.76, z - 0.05], [line.x + 0.05, 2.28, z + 0.05]);
      m.box('columnSteel', [line.x - 0.4, 2.18, z - 0.05], [line.x + 0.4, 2.22, z + 0.05]);
    }
    // Line-end WIP trolley racks at the head of each line.
    m.box('laminate', [line.x - 1.0, 0, line.zMin - 2.2], [line.x + 1.0, 0.9, line.zMin - 1.2]);
  }
}

function addAreaFurniture(m: Builder, layout: FactoryLayout): void {
  for (const area of layout.areas) {
    const r = area.rect;
    if (area.kind === 'finishing') {
      // Ironing tables either side of the presses, packing tables, a tunnel finisher and two
      // rails of finished suits waiting for dispatch.
      for (const z of [-13, -3.5]) {
        for (let x = r.xMin + 4; x + 1.4 < r.xMax - 3; x += 3.2)
          m.box('laminate', [x, 0, z - 0.3], [x + 1.4, 0.9, z + 0.3]);
      }
      for (let x = r.xMin + 5; x + 4 < r.xMax; x += 6)
        m.box('laminate', [x, 0, 0.4], [x + 4, 0.85, 1.6]);
      m.box('wallPanel', [r.xMin + 6, 0, 12.2], [r.xMin + 18, 2.6, 14.4]);
      m.box('machinery', [r.xMin + 5.9, 0.3, 12.6], [r.xMin + 6, 2.2, 14]);
      for (const z of [6.5, 10]) {
        m.box('columnSteel', [r.xMin + 4, 1.85, z - 0.03], [r.xMax - 4, 1.9, z + 0.03]);
        for (const x of [r.xMin + 4, r.xMax - 4])
          m.box('columnSteel', [x - 0.04, 0, z - 0.04], [x + 0.04, 1.9, z + 0.04]);
        m.box('fabricNavy', [r.xMin + 4.5, 0.85, z - 0.28], [r.xMax - 4.5, 1.8, z + 0.28]);
      }
    } else if (area.kind === 'cutting') {
      // Bundling tables where cut panels are ticketed and tied for the lines.
      for (let x = r.xMin + 2; x + 3 < r.xMax; x += 4.5)
        m.box('laminate', [x, 0, 10.5], [x + 3, 0.85, 12]);
    } else if (area.kind === 'inspection') {
      for (let x = r.xMin + 2; x + 3 < r.xMax; x += 5) {
        m.box('laminate', [x, 0, r.zMin + 3], [x + 3, 0.9, r.zMin + 4.2]);
        m.box('columnSteel', [x, 1.9, r.zMin + 3.5], [x + 3, 2.0, r.zMin + 3.7]);
      }
    }
  }
}

/** Geometry of one bindable item, local to its node (origin at the footprint centre on the floor). */
function buildEquipment(item: FactoryEquipment): Builder {
  const m: Builder = new MeshBuilder<MaterialKey>();
  const [sx, sz, sy] = item.size;
  if (item.kind === 'cuttingTable') {
    // Automatic cutter: bristle bed, fabric lay on the spreading half, cutter gantry, cabinet.
    const hx = sx / 2;
    const hz = sz / 2;
    m.box('machinery', [-hx, 0.1, -hz + 0.1], [hx, 0.85, hz - 0.1]);
    m.box('machinery', [-hx, 0.85, -hz], [hx, 0.92, hz]);
    m.box('fabricNavy', [-hx + 0.4, 0.92, -hz + 0.1], [hx * 0.25, 1.02, hz - 0.1]);
    const gx = hx * 0.4;
    m.box('machineWhite', [gx - 0.4, 1.25, -hz - 0.15], [gx + 0.4, 1.55, hz + 0.15]);
    for (const z of [-hz - 0.15, hz - 0.05])
      m.box('machineWhite', [gx - 0.35, 0.85, z], [gx + 0.35, 1.55, z + 0.2]);
    m.box('machineWhite', [gx - 0.5, 0.95, -0.3], [gx + 0.5, 1.25, 0.5]);
    m.box('machineWhite', [hx - 0.8, 0, hz - 0.1], [hx, sy, hz + 0.6]);
  } else if (item.kind === 'press') {
    // Steam press: cabinet, lower buck on a post, upper head held open on its swing arm.
    m.box('machineWhite', [-sx / 2, 0, -0.2], [sx / 2, 0.85, sz / 2]);
    m.box('metal', [-0.08, 0.85, -0.2], [0.08, 0.95, 0.05]);
    m.box('metal', [-0.7, 0.95, -sz / 2], [0.7, 1.1, 0.15]);
    m.box('machineWhite', [-0.12, 0.85, 0.45], [0.12, sy, 0.6]);
    m.box('machineWhite', [-0.12, sy - 0.15, -0.2], [0.12, sy, 0.6]);
    m.box('metal', [-0.7, 1.3, -sz / 2], [0.7, 1.42, 0.1]);
    m.box('machineWhite', [-0.25, 0, -sz / 2], [0.25, 0.08, -0.3]);
  } else {
    addRack(m, sx, sz, sy);
  }
  return m;
}

/** Selective pallet rack: blue uprights, orange beams at three levels, fabric cartons on most bays. */
function addRack(m: Builder, depth: number, length: number, height: number): void {
  const hx = depth / 2;
  const hz = length / 2;
  const bay = 2.8;
  const bays = Math.round(length / bay);
  for (let i = 0; i <= bays; i++) {
    const z = -hz + i * (length / bays);
    for (const x of [-hx + 0.05, hx - 0.05])
      m.box('rackBlue', [x - 0.05, 0, z - 0.05], [x + 0.05, height, z + 0.05]);
  }
  const levels = [0.15, 1.8, 3.45];
  for (const y of [...levels.slice(1), height - 0.1]) {
    for (const x of [-hx + 0.05, hx - 0.05])
      m.box('rackOrange', [x - 0.05, y - 0.12, -hz], [x + 0.05, y, hz]);
  }
  // Cartons: a fixed, uneven pattern so racks read as in use rather than as a solid block.
  let pattern = 0;
  for (const y of levels) {
    for (let i = 0; i < bays; i++) {
      pattern = (pattern * 7 + 3) % 10;
      if (pattern < 3) continue;
      const z0 = -hz + i * (length / bays) + 0.15;
      m.box(
        'cardboard',
        [-hx + 0.1, y, z0],
        [hx - 0.1, y + 1.1 + (pattern % 3) * 0.1, z0 + length / bays - 0.3],
      );
    }
  }
}
