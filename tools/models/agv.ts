import type { Document } from '@gltf-transform/core';
import { axleHeight, MeshBuilder } from './meshBuilder';
import { ModelDocument } from './modelDocument';
import type { MaterialKey } from './palette';

const LENGTH = 1.6;
const WIDTH = 0.9;
const DECK = 0.35;

/**
 * Low latent-lifting factory AGV carrying cut-piece bundles between cutting, lines and finishing.
 * +x forward; `load` is the bundle on the deck (rest translation at deck height), so the app can
 * show or hide it by the AGV's load field.
 */
export function buildAgv(): Document {
  const model = new ModelDocument('Agv');
  model.addMeshNode('body', buildBody());
  model.addMeshNode('load', buildLoad(), { translation: [0, DECK, 0] });
  return model.document;
}

function buildBody(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  const hx = LENGTH / 2;
  const hz = WIDTH / 2;
  // Chamfered chassis: a wedge nose and tail so heading is readable from above.
  m.prism(
    'agvYellow',
    [
      [-hx + 0.06, 0.06],
      [hx - 0.06, 0.06],
      [hx, 0.14],
      [hx, DECK - 0.08],
      [hx - 0.06, DECK - 0.03],
      [-hx + 0.06, DECK - 0.03],
      [-hx, DECK - 0.08],
      [-hx, 0.14],
    ],
    'xy',
    -hz,
    hz,
  );
  m.box('machinery', [-hx + 0.1, DECK - 0.03, -hz + 0.05], [hx - 0.1, DECK, hz - 0.05]);
  // Bumpers with the safety scanner at the front and bumper strips along the sides.
  m.box('machinery', [hx - 0.02, 0.08, -hz + 0.05], [hx + 0.04, 0.2, hz - 0.05]);
  m.box('machinery', [-hx - 0.04, 0.08, -hz + 0.05], [-hx + 0.02, 0.2, hz - 0.05]);
  m.cylinder('machinery', [hx - 0.15, DECK, 0], [hx - 0.15, DECK + 0.08, 0], 0.05, 10);
  for (const z of [-hz - 0.005, hz - 0.005])
    m.box('machinery', [-hx + 0.2, DECK - 0.09, z], [hx - 0.2, DECK - 0.06, z + 0.01]);
  // Drive wheels mid-length, casters at the corners.
  for (const z of [-hz + 0.08, hz - 0.08])
    m.cylinder(
      'machinery',
      [0, axleHeight(0.075, 8), z - 0.04],
      [0, axleHeight(0.075, 8), z + 0.04],
      0.075,
      8,
    );
  return m;
}

function buildLoad(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  // A tied bundle of cut suit panels in a tote.
  m.box('machinery', [-0.5, 0, -0.35], [0.5, 0.06, 0.35]);
  m.box('fabricNavy', [-0.45, 0.06, -0.3], [0.45, 0.34, 0.3]);
  m.box('machinery', [-0.46, 0.06, -0.02], [0.46, 0.35, 0.02]);
  return m;
}
