import type { Document } from '@gltf-transform/core';
import { axleHeight, MeshBuilder } from './meshBuilder';
import { FAR_DETAIL_NODE, yardCraneFarDetail } from './farDetail';
import { ModelDocument } from './modelDocument';
import { buildSpreader40 } from './spreader';
import { YARD_CRANE } from './modelDimensions';
import type { MaterialKey } from './palette';

const LEG_Z = YARD_CRANE.span / 2;
const GIRDER_TOP = YARD_CRANE.girderTop;
const GIRDER_BOTTOM = GIRDER_TOP - 1.6;
/** Leg feet and tops along the gantry axis: the legs lean in, giving the RTG its A-shaped sides. */
const FOOT_X = 3.6;
const HEAD_X = 2.8;
const SILL_TOP = 1.9;
/** Trolley rails on the two girders. */
const GIRDER_X = 2.6;
const TYRE_Y = axleHeight(0.72, 12);

/**
 * Rubber-tyred gantry crane spanning six rows and a truck lane. Articulation contract: `trolley`
 * translates along z (metres from the centre line) from its rest on the girders; `spreader` is its
 * child and translates along y so that its world height equals the `hoist` field.
 */
export function buildYardCrane(): Document {
  const model = new ModelDocument('YardCrane');
  model.addMeshNode('structure', buildStructure());
  const trolley = model.addMeshNode('trolley', buildTrolley(), { translation: [0, GIRDER_TOP, 0] });
  model.addMeshNode('spreader', buildSpreader40('x'), {
    parent: trolley,
    translation: [0, -GIRDER_TOP, 0],
  });
  model.addMeshNode(FAR_DETAIL_NODE, yardCraneFarDetail());
  return model.document;
}

function buildStructure(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  const steel: MaterialKey = 'rtgYellow';
  const dark: MaterialKey = 'machinery';
  for (const side of [-1, 1]) {
    const z = side * LEG_Z;
    // Sill beam tying the two legs on one side, with a bogie and two tyres under each leg.
    m.box(steel, [-FOOT_X - 1, 1.1, z - 0.55], [FOOT_X + 1, SILL_TOP, z + 0.55]);
    for (const x of [-FOOT_X, FOOT_X]) {
      m.box(dark, [x - 1.5, 0.75, z - 0.4], [x + 1.5, 1.1, z + 0.4]);
      for (const wx of [x - 0.85, x + 0.85])
        m.cylinder('rubber', [wx, TYRE_Y, z - 0.32], [wx, TYRE_Y, z + 0.32], 0.72, 12);
      m.hexahedron(steel, [
        [x - 0.55, SILL_TOP, z - 0.55],
        [x + 0.55, SILL_TOP, z - 0.55],
        [Math.sign(x) * HEAD_X - 0.45, GIRDER_BOTTOM, z - 0.5],
        [Math.sign(x) * HEAD_X + 0.45, GIRDER_BOTTOM, z - 0.5],
        [x - 0.55, SILL_TOP, z + 0.55],
        [x + 0.55, SILL_TOP, z + 0.55],
        [Math.sign(x) * HEAD_X - 0.45, GIRDER_BOTTOM, z + 0.5],
        [Math.sign(x) * HEAD_X + 0.45, GIRDER_BOTTOM, z + 0.5],
      ]);
    }
    // Mid-height strut between the legs of one side stiffens the portal against gantry braking.
    m.box(steel, [-3.2, 11.2, z - 0.35], [3.2, 11.9, z + 0.35]);
    // End beam joining leg heads and girders.
    m.box(
      steel,
      [-HEAD_X - 0.6, GIRDER_BOTTOM - 0.6, z - 0.7],
      [HEAD_X + 0.6, GIRDER_TOP, z + 0.7],
    );
  }
  for (const x of [-GIRDER_X, GIRDER_X]) {
    m.box(steel, [x - 0.4, GIRDER_BOTTOM, -LEG_Z - 1.1], [x + 0.4, GIRDER_TOP, LEG_Z + 1.1]);
  }
  // E-house with the diesel genset on the outboard side of the sill beam.
  m.box(steel, [-2.6, SILL_TOP, LEG_Z + 0.55], [2.6, SILL_TOP + 2.7, LEG_Z + 2.9]);
  m.box(dark, [-2.7, SILL_TOP + 2.7, LEG_Z + 0.5], [2.7, SILL_TOP + 2.9, LEG_Z + 3.0]);
  m.cylinder(dark, [1.8, SILL_TOP + 2.9, LEG_Z + 2.3], [1.8, SILL_TOP + 4.2, LEG_Z + 2.3], 0.15, 6);
  // Access ladder cage on one leg.
  m.beam(
    steel,
    [FOOT_X + 0.95, SILL_TOP, -LEG_Z - 0.1],
    [HEAD_X + 0.85, GIRDER_BOTTOM - 0.6, -LEG_Z - 0.1],
    0.7,
    0.7,
  );
  return m;
}

/** Trolley on top of the girders, operator cab hung outboard of the girders looking down. */
function buildTrolley(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  m.box('craneWhite', [-3.3, 0.3, -2.1], [3.3, 1.9, 2.1]);
  m.box('craneWhite', [-1.8, 1.9, -1.4], [1.2, 2.5, 1.4]);
  for (const x of [-GIRDER_X, GIRDER_X]) {
    for (const z of [-1.6, 1.6])
      m.box('machinery', [x - 0.3, 0, z - 0.35], [x + 0.3, 0.3, z + 0.35]);
  }
  m.box('machinery', [-1.0, -1.0, -1.0], [1.0, 0.3, 1.0]);
  m.box('craneWhite', [-4.0, -1.9, -0.4], [-3.3, 1.2, 0.4]);
  m.box('craneWhite', [-5.1, -4.3, -1.1], [-3.5, -1.9, 1.1]);
  m.box('glass', [-5.2, -4.1, -0.9], [-5.1, -2.2, 0.9]);
  m.box('glass', [-5.0, -4.4, -0.9], [-3.6, -4.3, 0.9]);
  return m;
}
