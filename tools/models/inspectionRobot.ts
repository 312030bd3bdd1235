import type { Document } from '@gltf-transform/core';
import { axleHeight, MeshBuilder } from './meshBuilder';
import { ModelDocument } from './modelDocument';
import type { MaterialKey } from './palette';

const BASE_TOP = 0.32;
const MAST_TOP = BASE_TOP + 1.4;

/**
 * Wheeled inspection robot: base, 1.4 m mast, pan head with a visual and a thermal camera.
 * `head` sits on the mast top and rotates about y (pan).
 */
export function buildInspectionRobot(): Document {
  const model = new ModelDocument('InspectionRobot');
  model.addMeshNode('body', buildBody());
  model.addMeshNode('head', buildHead(), { translation: [0, MAST_TOP, 0] });
  return model.document;
}

function buildBody(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  m.prism(
    'robotWhite',
    [
      [-0.4, 0.1],
      [0.34, 0.1],
      [0.4, 0.16],
      [0.4, BASE_TOP - 0.04],
      [0.36, BASE_TOP],
      [-0.4, BASE_TOP],
    ],
    'xy',
    -0.3,
    0.3,
  );
  m.box('machinery', [0.38, 0.12, -0.22], [0.41, 0.2, 0.22]);
  for (const x of [-0.26, 0.26]) {
    for (const z of [-0.33, 0.33])
      m.cylinder(
        'machinery',
        [x, axleHeight(0.1, 8), z - 0.04],
        [x, axleHeight(0.1, 8), z + 0.04],
        0.1,
        8,
      );
  }
  m.cylinder('robotWhite', [0, BASE_TOP, 0], [0, BASE_TOP + 0.1, 0], 0.09, 10);
  m.cylinder('machinery', [0, BASE_TOP + 0.1, 0], [0, MAST_TOP, 0], 0.035, 8);
  m.cylinder('machinery', [-0.25, BASE_TOP, 0.15], [-0.25, BASE_TOP + 0.35, 0.15], 0.008, 4);
  return m;
}

function buildHead(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  m.cylinder('machinery', [0, 0, 0], [0, 0.06, 0], 0.06, 10);
  m.box('robotWhite', [-0.1, 0.06, -0.16], [0.12, 0.22, 0.16]);
  // Visual camera lens on one side, thermal camera on the other, both looking along +x.
  m.cylinder('machinery', [0.12, 0.14, -0.08], [0.17, 0.14, -0.08], 0.045, 10);
  m.box('machinery', [0.12, 0.1, 0.03], [0.15, 0.18, 0.13]);
  return m;
}
