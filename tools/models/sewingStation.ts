import type { Document } from '@gltf-transform/core';
import { MeshBuilder } from './meshBuilder';
import { ModelDocument } from './modelDocument';
import type { MaterialKey } from './palette';
import type { Vec3 } from './vec3';

const TABLE_TOP = 0.75;
/** Main shaft of the machine head: the arm runs left–right for the operator (along z). */
const SHAFT_Y = TABLE_TOP + 0.24;
const SHAFT_X = 0.02;
/** Handwheel on the operator's right (+z when facing +x). */
const HANDWHEEL: Vec3 = [SHAFT_X, SHAFT_Y, 0.235];

/**
 * Industrial lockstitch workstation: table with the machine head, servo motor under the top,
 * pedal, thread stand and operator chair. Origin at the table centre on the floor, +x is the way
 * the operator faces (the chair is at -x). `handwheel` rotates about z, the head's main shaft.
 */
export function buildSewingStation(): Document {
  const model = new ModelDocument('SewingStation');
  model.addMeshNode('body', buildBody());
  model.addMeshNode('handwheel', buildHandwheel(), { translation: HANDWHEEL });
  return model.document;
}

function buildBody(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  const dark: MaterialKey = 'machinery';
  const enamel: MaterialKey = 'machineWhite';
  // Table: laminate top on a steel frame.
  m.box('laminate', [-0.3, TABLE_TOP - 0.03, -0.6], [0.3, TABLE_TOP, 0.6]);
  for (const x of [-0.25, 0.25]) {
    for (const z of [-0.55, 0.55])
      m.box(dark, [x - 0.02, 0, z - 0.02], [x + 0.02, TABLE_TOP - 0.03, z + 0.02]);
  }
  for (const z of [-0.55, 0.55]) m.box(dark, [-0.27, 0.12, z - 0.02], [0.27, 0.16, z + 0.02]);
  // Machine head: bed, pillar on the right, arm, head on the left with the needle bar.
  m.box(enamel, [-0.1, TABLE_TOP, -0.26], [0.1, TABLE_TOP + 0.05, 0.2]);
  m.box(enamel, [SHAFT_X - 0.06, TABLE_TOP + 0.05, 0.08], [SHAFT_X + 0.06, SHAFT_Y + 0.05, 0.2]);
  m.box(enamel, [SHAFT_X - 0.05, SHAFT_Y - 0.04, -0.22], [SHAFT_X + 0.05, SHAFT_Y + 0.05, 0.2]);
  m.box(
    enamel,
    [SHAFT_X - 0.055, TABLE_TOP + 0.12, -0.26],
    [SHAFT_X + 0.055, SHAFT_Y + 0.06, -0.15],
  );
  m.cylinder(
    dark,
    [SHAFT_X - 0.03, TABLE_TOP + 0.12, -0.22],
    [SHAFT_X - 0.03, TABLE_TOP + 0.06, -0.22],
    0.006,
    4,
  );
  m.box(dark, [SHAFT_X - 0.06, SHAFT_Y - 0.02, 0.2], [SHAFT_X + 0.06, SHAFT_Y + 0.02, 0.215]);
  // Servo motor under the top, treadle pedal on the floor, knee lifter.
  m.box(dark, [-0.08, TABLE_TOP - 0.2, 0.12], [0.08, TABLE_TOP - 0.03, 0.34]);
  m.box(dark, [-0.22, 0.02, -0.15], [-0.02, 0.07, 0.15]);
  // Thread stand with two cones, behind the machine.
  m.box(dark, [0.2, TABLE_TOP, 0.38], [0.22, TABLE_TOP + 0.55, 0.4]);
  for (const z of [0.33, 0.45])
    m.cylinder(enamel, [0.21, TABLE_TOP + 0.01, z], [0.21, TABLE_TOP + 0.12, z], 0.03, 6, {
      radiusTop: 0.015,
    });
  // A small bundle of cut panels waiting on the operator's left.
  m.box(dark, [-0.25, TABLE_TOP, -0.55], [0.05, TABLE_TOP + 0.06, -0.33]);
  // Operator chair.
  const cx = -0.62;
  m.cylinder(dark, [cx, 0.02, 0], [cx, 0.44, 0], 0.025, 6);
  m.cylinder(dark, [cx, 0, 0], [cx, 0.04, 0], 0.25, 8);
  m.box(dark, [cx - 0.21, 0.44, -0.21], [cx + 0.21, 0.5, 0.21]);
  m.box(dark, [cx - 0.22, 0.5, -0.02], [cx - 0.2, 0.72, 0.02]);
  m.box(dark, [cx - 0.25, 0.62, -0.18], [cx - 0.21, 0.9, 0.18]);
  return m;
}

/** Handwheel centred on its node, with a raised spoke so its rotation can be seen. */
function buildHandwheel(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  m.cylinder('machinery', [0, 0, 0], [0, 0, 0.03], 0.06, 12);
  m.box('machinery', [-0.008, -0.05, 0.03], [0.008, 0.05, 0.04]);
  return m;
}
