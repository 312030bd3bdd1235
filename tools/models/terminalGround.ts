import type { Document } from '@gltf-transform/core';
import type { Rect, Road, TerminalLayout, YardBlock } from '../sites/terminalLayout';
import { MeshBuilder } from './meshBuilder';
import { ModelDocument } from './modelDocument';
import type { MaterialKey } from './palette';
import type { Vec3 } from './vec3';

/**
 * Layers stacked on the quay deck. Coplanar layers would z-fight, so each sits a few centimetres
 * above the one below: pavement, then block slabs and runways, then paint and rails.
 */
const PAVEMENT_Y = 0;
const SLAB_Y = 0.04;
const PAINT_Y = 0.08;
const LINE = 0.15;
const DASH = 6;
const DASH_GAP = 6;

type Builder = MeshBuilder<MaterialKey>;

/**
 * Static ground of a terminal, generated from its layout: water, quay wall with fenders and
 * bollards, concrete apron with crane rails and lane paint, asphalt yard and roads, yard block
 * slabs with bay and row lines, RTG runways, gate canopy and high-mast lights. One node `ground`,
 * one primitive per material.
 */
export function buildTerminalGround(layout: TerminalLayout): Document {
  const model = new ModelDocument('TerminalGround');
  const m: Builder = new MeshBuilder<MaterialKey>();
  addWaterAndLand(m, layout);
  addQuay(m, layout);
  for (const block of layout.blocks) addBlock(m, layout, block);
  for (const road of layout.roads) addRoadPaint(m, road);
  addGate(m, layout);
  addLightMasts(m, layout);
  model.addMeshNode('ground', m);
  return model.document;
}

function addWaterAndLand(m: Builder, layout: TerminalLayout): void {
  const { water, land, quay } = layout;
  m.quadUp('water', water.xMin, water.zMin, water.xMax, water.zMax, quay.waterY);
  m.quadUp('concrete', land.xMin, land.zMin, land.xMax, quay.apronZMax, PAVEMENT_Y);
  m.quadUp('asphalt', land.xMin, quay.apronZMax, land.xMax, land.zMax, PAVEMENT_Y);
  // Quay wall faces down to below the water so the land reads as a solid pier from any side.
  const bottom = quay.waterY - 1;
  const inside: Vec3 = [(land.xMin + land.xMax) / 2, bottom, (land.zMin + land.zMax) / 2];
  const corners: Vec3[] = [
    [land.xMin, 0, land.zMin],
    [land.xMax, 0, land.zMin],
    [land.xMax, 0, land.zMax],
    [land.xMin, 0, land.zMax],
  ];
  for (let i = 0; i < 4; i++) {
    const a = corners[i] as Vec3;
    const b = corners[(i + 1) % 4] as Vec3;
    m.polygonOutward('concrete', [a, b, [b[0], bottom, b[2]], [a[0], bottom, a[2]]], inside);
  }
}

function addQuay(m: Builder, layout: TerminalLayout): void {
  const { quay, land } = layout;
  // Rubber fenders on the wall face, bollards on the cope, yellow edge line.
  for (let x = land.xMin + 10; x < land.xMax - 5; x += 18) {
    m.box('railSteel', [x - 1.2, quay.waterY + 0.4, quay.edgeZ - 1.2], [x + 1.2, -0.4, quay.edgeZ]);
  }
  for (let x = land.xMin + 15; x < land.xMax - 5; x += 30) {
    m.cylinder('railSteel', [x, PAVEMENT_Y, quay.edgeZ + 1], [x, 0.7, quay.edgeZ + 1], 0.32, 8);
    m.cylinder('railSteel', [x, 0.7, quay.edgeZ + 1], [x, 0.85, quay.edgeZ + 1], 0.45, 8);
  }
  m.quadUp('markingYellow', land.xMin, quay.edgeZ + 1.8, land.xMax, quay.edgeZ + 2.05, PAINT_Y);
  // Crane rails run the whole quay and a little beyond, so cranes can park at the ends.
  for (const z of [quay.railWatersideZ, quay.railLandsideZ]) {
    m.quadUp('railSteel', land.xMin + 2, z - 0.35, land.xMax - 2, z + 0.35, PAINT_Y);
  }
  // Berth limits: yellow ticks across the apron edge.
  for (const berth of layout.berths) {
    for (const x of [berth.xMin, berth.xMax])
      m.quadUp('markingYellow', x - 0.2, quay.edgeZ + 0.3, x + 0.2, quay.edgeZ + 6, PAINT_Y + 0.01);
  }
  // Truck lanes between the rails (under the cranes): solid outer edges, dashed dividers.
  const lanes = quay.laneZ;
  lanes.forEach((center, i) => {
    const north = center - quay.laneWidth / 2;
    if (i === 0)
      m.quadUp('markingWhite', land.xMin, north - LINE / 2, land.xMax, north + LINE / 2, PAINT_Y);
    else dashedX(m, land.xMin, land.xMax, north);
    if (i === lanes.length - 1) {
      const south = center + quay.laneWidth / 2;
      m.quadUp('markingWhite', land.xMin, south - LINE / 2, land.xMax, south + LINE / 2, PAINT_Y);
    }
  });
  // Hatch-cover laydown boxes behind the landside rail.
  const hz0 = quay.railLandsideZ + 3;
  const hz1 = quay.apronZMax - 4;
  for (let x = quay.xMin + 20; x + 40 < quay.xMax; x += 60)
    outline(m, 'markingYellow', { xMin: x, xMax: x + 40, zMin: hz0, zMax: hz1 });
}

function addBlock(m: Builder, layout: TerminalLayout, block: YardBlock): void {
  const { stack } = block;
  m.quadUp('concrete', stack.xMin, stack.zMin, stack.xMax, stack.zMax, SLAB_Y);
  // RTG runways under both leg lines, running into the cross roads where the cranes turn.
  for (const z of block.legZ)
    m.quadUp('concrete', stack.xMin - 6, z - 0.8, stack.xMax + 6, z + 0.8, SLAB_Y);
  for (let row = 0; row <= block.rows; row++) {
    const z = stack.zMin + row * layout.slot.width;
    m.quadUp('markingWhite', stack.xMin, z - LINE / 2, stack.xMax, z + LINE / 2, PAINT_Y);
  }
  for (let bay = 0; bay <= block.bays; bay++) {
    const x = stack.xMin + bay * layout.slot.length;
    m.quadUp('markingWhite', x - LINE / 2, stack.zMin, x + LINE / 2, stack.zMax, PAINT_Y);
  }
  // Truck lane: solid edge on the stack side, yellow on the runway side.
  m.quadUp(
    'markingWhite',
    stack.xMin,
    stack.zMax + 0.6,
    stack.xMax,
    stack.zMax + 0.6 + LINE,
    PAINT_Y,
  );
  const laneSouth = block.legZ[1] - 1.1;
  m.quadUp('markingYellow', stack.xMin, laneSouth - LINE, stack.xMax, laneSouth, PAINT_Y);
}

function addRoadPaint(m: Builder, road: Road): void {
  const { rect } = road;
  if (road.axis === 'x') {
    for (const z of [rect.zMin + 1, rect.zMax - 1])
      m.quadUp('markingWhite', rect.xMin, z - LINE / 2, rect.xMax, z + LINE / 2, PAINT_Y);
    const width = (rect.zMax - rect.zMin - 2) / road.lanes;
    for (let i = 1; i < road.lanes; i++) {
      const z = rect.zMin + 1 + i * width;
      if (i === road.lanes / 2) {
        m.quadUp('markingYellow', rect.xMin, z - 0.25, rect.xMax, z - 0.1, PAINT_Y);
        m.quadUp('markingYellow', rect.xMin, z + 0.1, rect.xMax, z + 0.25, PAINT_Y);
      } else dashedX(m, rect.xMin, rect.xMax, z);
    }
  } else {
    for (const x of [rect.xMin + 1, rect.xMax - 1])
      m.quadUp('markingWhite', x - LINE / 2, rect.zMin, x + LINE / 2, rect.zMax, PAINT_Y);
    const width = (rect.xMax - rect.xMin - 2) / road.lanes;
    for (let i = 1; i < road.lanes; i++)
      dashedZ(m, rect.xMin + 1 + i * width, rect.zMin, rect.zMax);
  }
}

function addGate(m: Builder, layout: TerminalLayout): void {
  const { rect, lanes, canopyZMin: canopyZ0, canopyZMax: canopyZ1 } = layout.gate;
  const laneWidth = (rect.xMax - rect.xMin) / lanes;
  for (let i = 0; i <= lanes; i++) {
    const x = rect.xMin + i * laneWidth;
    m.quadUp('markingWhite', x - LINE / 2, rect.zMin + 4, x + LINE / 2, rect.zMax - 4, PAINT_Y);
    // Island with a check booth and a canopy column at each lane divider.
    m.box('concrete', [x - 0.6, PAVEMENT_Y, canopyZ0 - 2], [x + 0.6, 0.25, canopyZ1 + 2]);
    m.box('markingWhite', [x - 0.5, 0.25, canopyZ0 + 4], [x + 0.5, 2.8, canopyZ0 + 6.5]);
    m.box('concrete', [x - 0.25, 0.25, canopyZ0 + 1], [x + 0.25, 7, canopyZ0 + 1.5]);
    m.box('concrete', [x - 0.25, 0.25, canopyZ1 - 1.5], [x + 0.25, 7, canopyZ1 - 1]);
  }
  m.box('markingWhite', [rect.xMin - 1, 7, canopyZ0], [rect.xMax + 1, 7.8, canopyZ1]);
  // Stop lines before the booths.
  m.quadUp('markingWhite', rect.xMin, canopyZ0 - 3, rect.xMax, canopyZ0 - 2.6, PAINT_Y);
}

/** High-mast floodlights where the yard roads cross, as seen on every terminal skyline. */
function addLightMasts(m: Builder, layout: TerminalLayout): void {
  const crossRoads = layout.roads.filter((r) => r.axis === 'z');
  const alongRoads = layout.roads.filter((r) => r.axis === 'x');
  for (const cross of crossRoads) {
    for (const along of alongRoads) {
      const x = (cross.rect.xMin + cross.rect.xMax) / 2;
      const z = along.rect.zMin + 0.6;
      m.cylinder('railSteel', [x, PAVEMENT_Y, z], [x, 35, z], 0.45, 6, { radiusTop: 0.22 });
      m.box('railSteel', [x - 1.6, 35, z - 0.5], [x + 1.6, 36, z + 0.5]);
    }
  }
}

function dashedX(m: Builder, x0: number, x1: number, z: number): void {
  for (let x = x0 + DASH_GAP / 2; x + DASH <= x1; x += DASH + DASH_GAP)
    m.quadUp('markingWhite', x, z - LINE / 2, x + DASH, z + LINE / 2, PAINT_Y);
}

function dashedZ(m: Builder, x: number, z0: number, z1: number): void {
  for (let z = z0 + DASH_GAP / 2; z + DASH <= z1; z += DASH + DASH_GAP)
    m.quadUp('markingWhite', x - LINE / 2, z, x + LINE / 2, z + DASH, PAINT_Y);
}

function outline(m: Builder, material: MaterialKey, r: Rect): void {
  const w = LINE;
  m.quadUp(material, r.xMin, r.zMin, r.xMax, r.zMin + w, PAINT_Y);
  m.quadUp(material, r.xMin, r.zMax - w, r.xMax, r.zMax, PAINT_Y);
  m.quadUp(material, r.xMin, r.zMin, r.xMin + w, r.zMax, PAINT_Y);
  m.quadUp(material, r.xMax - w, r.zMin, r.xMax, r.zMax, PAINT_Y);
}
