import type { Document } from '@gltf-transform/core';
import { axleHeight, MeshBuilder } from './meshBuilder';
import { FAR_DETAIL_NODE, quayCraneFarDetail } from './farDetail';
import { ModelDocument } from './modelDocument';
import { buildSpreader40 } from './spreader';
import { QUAY_CRANE } from './modelDimensions';
import type { MaterialKey } from './palette';
import type { Vec3 } from './vec3';

const LAND_X = -QUAY_CRANE.railGauge;
const LEG_Z = QUAY_CRANE.legSpacing / 2;
const BOOM_Y = QUAY_CRANE.boomUnderside;
const GIRDER_DEPTH = 3.5;
const GIRDER_TOP = BOOM_Y + GIRDER_DEPTH;
/** Girder centres: the twin box girders the trolley rides on, narrower than the legs. */
const GIRDER_Z = 3.6;
const GIRDER_WIDTH = 1.5;
const BOOM_TIP_X = QUAY_CRANE.outreach + 3;
const GIRDER_BACK_X = LAND_X - QUAY_CRANE.backreach - 18;
/** Portal beams sit under the cab's travel and above the highest spreader. */
const PORTAL_BOTTOM = 42;
const PORTAL_TOP = 45.5;
const APEX: Vec3 = [-12, 80, 0];
const WHEEL_Y = axleHeight(0.45, 8);

/**
 * Ship-to-shore crane, true scale. Articulation contract: `trolley` translates along x (metres from
 * the waterside rail, + seaward) from its rest at the boom underside; `spreader` is its child and
 * translates along y so that its world height equals the `hoist` field (spreader bottom above quay).
 */
export function buildQuayCrane(): Document {
  const model = new ModelDocument('QuayCrane');
  model.addMeshNode('structure', buildStructure());
  const trolley = model.addMeshNode('trolley', buildTrolley(), { translation: [0, BOOM_Y, 0] });
  model.addMeshNode('spreader', buildSpreader40('z'), {
    parent: trolley,
    translation: [0, -BOOM_Y, 0],
  });
  model.addMeshNode(FAR_DETAIL_NODE, quayCraneFarDetail());
  return model.document;
}

function buildStructure(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  const steel: MaterialKey = 'craneBlue';
  const dark: MaterialKey = 'machinery';

  for (const x of [0, LAND_X]) {
    for (const z of [-LEG_Z, LEG_Z]) {
      addGantryCorner(m, x, z);
      // Legs taper slightly towards the portal beam, as the real box legs do.
      m.hexahedron(steel, taperedColumn([x, 2.2, z], 2.4, 2.0, [x, BOOM_Y, z], 1.9, 1.6));
    }
    // Portal beam joins the leg pair on one rail; the spreader passes under it.
    m.box(steel, [x - 1.1, PORTAL_BOTTOM, -LEG_Z - 1], [x + 1.1, PORTAL_TOP, LEG_Z + 1]);
    // Saddles carry the girders down onto the portal beam.
    for (const z of [-GIRDER_Z, GIRDER_Z]) {
      m.box(
        steel,
        [x - 1, PORTAL_TOP, z - GIRDER_WIDTH / 2],
        [x + 1, BOOM_Y, z + GIRDER_WIDTH / 2],
      );
    }
  }
  for (const z of [-LEG_Z, LEG_Z]) {
    // Side frame: tie beam high enough for hatch covers and trucks, plus one long diagonal.
    m.box(steel, [LAND_X, 13.5, z - 0.8], [0, 15.5, z + 0.8]);
    m.beam(steel, [-1, 15.5, z], [LAND_X + 1, PORTAL_BOTTOM, z], 1.2, 1.2);
    // Upper side beams carry the girders out to the legs.
    m.box(steel, [LAND_X - 1, BOOM_Y - 1.2, z - 0.9], [1, BOOM_Y, z + 0.9]);
  }

  for (const side of [-1, 1]) {
    const gz = side * GIRDER_Z;
    const z0 = gz - GIRDER_WIDTH / 2;
    const z1 = gz + GIRDER_WIDTH / 2;
    // Backreach girder, over the legs and behind the landside rail.
    m.box(steel, [GIRDER_BACK_X, BOOM_Y, z0], [2, GIRDER_TOP, z1]);
    // Boom: flat underside for the trolley rails, top tapering to the tip.
    m.hexahedron(steel, [
      [2, BOOM_Y, z0],
      [BOOM_TIP_X, BOOM_Y, z0],
      [2, GIRDER_TOP, z0],
      [BOOM_TIP_X, BOOM_Y + 2, z0],
      [2, BOOM_Y, z1],
      [BOOM_TIP_X, BOOM_Y, z1],
      [2, GIRDER_TOP, z1],
      [BOOM_TIP_X, BOOM_Y + 2, z1],
    ]);
    // A-frame struts from the leg tops up to the apex, then forestays and backstays.
    const apex: Vec3 = [APEX[0], APEX[1], side * 2.4];
    m.beam(steel, [0, GIRDER_TOP, gz], apex, 1.4, 1.4);
    m.beam(steel, [LAND_X, GIRDER_TOP, gz], apex, 1.4, 1.4);
    for (const x of [24, 46, BOOM_TIP_X - 2])
      m.beam(steel, apex, [x, BOOM_Y + 2.5, gz], 0.45, 0.45);
    m.beam(steel, apex, [GIRDER_BACK_X + 1, GIRDER_TOP, gz], 0.55, 0.55);
  }
  // Girder end ties and boom tip with its lamp beam.
  m.box(
    steel,
    [GIRDER_BACK_X, BOOM_Y + 0.6, -GIRDER_Z],
    [GIRDER_BACK_X + 1.2, GIRDER_TOP - 0.4, GIRDER_Z],
  );
  m.box(steel, [BOOM_TIP_X - 1.2, BOOM_Y, -GIRDER_Z], [BOOM_TIP_X, BOOM_Y + 1.8, GIRDER_Z]);
  m.box(steel, [APEX[0] - 0.9, APEX[1] - 1.2, -3.2], [APEX[0] + 0.9, APEX[1] + 0.6, 3.2]);
  const tieY = 66;
  const tieX = (APEX[0] * (tieY - GIRDER_TOP)) / (APEX[1] - GIRDER_TOP);
  m.box(steel, [tieX - 0.7, tieY - 0.6, -2.9], [tieX + 0.7, tieY + 0.6, 2.9]);

  // Machinery house (hoist drums, drives) behind the trolley's backreach.
  const houseX0 = GIRDER_BACK_X + 1.5;
  m.box(steel, [houseX0, GIRDER_TOP, -6], [houseX0 + 13, GIRDER_TOP + 5.5, 6]);
  m.box(dark, [houseX0 - 0.3, GIRDER_TOP + 5.5, -6.3], [houseX0 + 13.3, GIRDER_TOP + 6, 6.3]);
  // Electrical room and lift shaft on the landside leg, where the crew climbs up.
  m.box(dark, [LAND_X - 4.5, BOOM_Y - 4.5, -LEG_Z - 3], [LAND_X - 1.2, BOOM_Y - 0.2, -LEG_Z + 2]);
  m.box(steel, [LAND_X - 2.6, 2.2, LEG_Z + 1], [LAND_X - 1.2, BOOM_Y - 1.2, LEG_Z + 2.4]);
  return m;
}

/** Gantry travel gear under one leg: equaliser beam, two bogies, eight wheels on the rail. */
function addGantryCorner(m: MeshBuilder<MaterialKey>, x: number, z: number): void {
  m.box('craneBlue', [x - 1.1, 1.4, z - 5], [x + 1.1, 2.2, z + 5]);
  for (const bz of [z - 2.6, z + 2.6]) {
    m.box('machinery', [x - 0.8, 0.7, bz - 2.2], [x + 0.8, 1.4, bz + 2.2]);
    for (const wz of [bz - 1.65, bz - 0.55, bz + 0.55, bz + 1.65]) {
      m.cylinder('machinery', [x - 0.35, WHEEL_Y, wz], [x + 0.35, WHEEL_Y, wz], 0.45, 8);
    }
  }
}

/** Corners of a column whose section shrinks from bottom to top (x size, z size). */
function taperedColumn(
  bottom: Vec3,
  bottomX: number,
  bottomZ: number,
  top: Vec3,
  topX: number,
  topZ: number,
): Vec3[] {
  const corners: Vec3[] = [];
  for (let i = 0; i < 8; i++) {
    const atTop = (i & 2) !== 0;
    const c = atTop ? top : bottom;
    const sx = (atTop ? topX : bottomX) / 2;
    const sz = (atTop ? topZ : bottomZ) / 2;
    corners.push([c[0] + (i & 1 ? sx : -sx), c[1], c[2] + (i & 4 ? sz : -sz)]);
  }
  return corners;
}

/** Trolley riding on the girder tops, with the operator cab hung beside the seaward girder. */
function buildTrolley(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  const top = GIRDER_DEPTH;
  m.box('craneWhite', [-3.5, top + 0.5, -4.6], [3.5, top + 2.6, 4.6]);
  m.box('craneWhite', [-2.5, top + 2.6, -2.4], [1.5, top + 3.6, 2.4]);
  for (const x of [-2.8, 2.8]) {
    for (const z of [-GIRDER_Z, GIRDER_Z])
      m.box('machinery', [x - 0.5, top, z - 0.4], [x + 0.5, top + 0.5, z + 0.4]);
  }
  // Sheave block between the girders, where the hoist ropes come down to the headblock.
  m.box('machinery', [-1.2, 0.3, -1.6], [1.2, top + 0.5, 1.6]);
  // Cab hanger outside the girder, cab below the boom looking down at the spreader.
  const cabZ = GIRDER_Z + GIRDER_WIDTH / 2 + 0.15;
  m.box('craneWhite', [1.2, -0.4, cabZ], [2.2, top + 0.5, cabZ + 0.6]);
  m.box('craneWhite', [0.6, -3.2, cabZ], [3.8, -0.4, cabZ + 2.4]);
  m.box('glass', [3.8, -2.9, cabZ + 0.2], [3.9, -0.8, cabZ + 2.2]);
  m.box('glass', [0.8, -3.3, cabZ + 0.2], [3.6, -3.2, cabZ + 2.2]);
  return m;
}
