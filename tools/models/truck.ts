import type { Document } from '@gltf-transform/core';
import { axleHeight, MeshBuilder } from './meshBuilder';
import { FAR_DETAIL_NODE, truckFarDetail } from './farDetail';
import { ModelDocument } from './modelDocument';
import { TRUCK } from './modelDimensions';
import type { MaterialKey } from './palette';

const FRONT = TRUCK.length / 2;
const REAR = -TRUCK.length / 2;
const DECK = TRUCK.containerSeatY;
/** Bolster ends of a 40 ft box on the chassis. */
const SEAT_FRONT = TRUCK.containerSeatX + 6.096;
const SEAT_REAR = TRUCK.containerSeatX - 6.096;

/**
 * Terminal tractor with a 40 ft skeletal chassis, +x forward. One static node: hundreds of these
 * drive around, so it stays within three materials and a few hundred triangles.
 */
export function buildTruck(): Document {
  const model = new ModelDocument('Truck');
  model.addMeshNode('body', buildBody());
  model.addMeshNode(FAR_DETAIL_NODE, truckFarDetail());
  return model.document;
}

function buildBody(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  const paint: MaterialKey = 'tractorOrange';
  const dark: MaterialKey = 'machinery';

  // Tractor: frame, offset one-person cab on the left, engine hood on the right.
  const cabBack = FRONT - 2.2;
  m.box(dark, [cabBack - 3.6, 0.55, -0.5], [FRONT - 0.1, 1.0, 0.5]);
  m.prism(
    paint,
    [
      [cabBack, 1.0],
      [FRONT - 0.1, 1.0],
      [FRONT - 0.1, 2.0],
      [FRONT - 0.4, 3.0],
      [cabBack, 3.1],
    ],
    'xy',
    -1.25,
    0.05,
  );
  m.box(paint, [cabBack + 0.2, 1.0, 0.05], [FRONT - 0.1, 1.9, 1.2]);
  m.box(paint, [FRONT - 0.2, 0.45, -1.25], [FRONT, 0.95, 1.25]);
  m.prism(
    'glass',
    [
      [FRONT - 0.09, 2.05],
      [FRONT - 0.06, 2.05],
      [FRONT - 0.36, 2.95],
      [FRONT - 0.39, 2.95],
    ],
    'xy',
    -1.15,
    -0.05,
  );
  m.box('glass', [cabBack + 0.25, 2.05, -1.28], [FRONT - 0.45, 2.9, -1.24]);
  m.box('glass', [cabBack + 0.25, 2.05, 0.04], [FRONT - 0.45, 2.9, 0.08]);
  m.box('glass', [cabBack - 0.03, 2.1, -1.1], [cabBack, 2.9, -0.1]);
  m.cylinder(dark, [cabBack - 0.2, 1.9, 0.7], [cabBack - 0.2, 3.3, 0.7], 0.08, 6);
  // Fifth wheel under the chassis kingpin.
  m.box(dark, [2.9, 1.0, -1.0], [4.3, 1.25, 1.0]);

  // Skeletal chassis: two main beams, gooseneck, bolsters with twistlocks at 40 ft and 2 × 20 ft.
  for (const z of [-0.5, 0.5]) {
    m.box(dark, [REAR + 0.1, 0.95, z - 0.1], [SEAT_FRONT - 1.6, 1.3, z + 0.1]);
    m.box(dark, [SEAT_FRONT - 1.6, 1.25, z - 0.1], [SEAT_FRONT + 0.3, 1.4, z + 0.1]);
  }
  for (const [x0, x1] of [
    [SEAT_FRONT - 0.4, SEAT_FRONT],
    [TRUCK.containerSeatX - 0.2, TRUCK.containerSeatX + 0.2],
    [SEAT_REAR, SEAT_REAR + 0.4],
  ] as const) {
    m.box(dark, [x0, 1.2, -1.22], [x1, DECK, 1.22]);
  }
  m.box(dark, [REAR, 0.5, -1.1], [REAR + 0.2, 0.7, 1.1]);
  for (const z of [-0.5, 0.5]) m.box(dark, [1.8, 0.25, z - 0.08], [2.0, 1.0, z + 0.08]);

  // Wheels: single fronts, duals as one wide tyre, tandem axle under the chassis rear.
  addWheelPair(m, FRONT - 1.0, 0.5, 0.32, 1.0);
  addWheelPair(m, 3.6, 0.5, 0.6, 0.95);
  addWheelPair(m, REAR + 2.8, 0.5, 0.6, 0.95);
  addWheelPair(m, REAR + 1.5, 0.5, 0.6, 0.95);
  return m;
}

function addWheelPair(
  m: MeshBuilder<MaterialKey>,
  x: number,
  radius: number,
  width: number,
  track: number,
): void {
  for (const side of [-1, 1]) {
    const z = side * track;
    const y = axleHeight(radius, 8);
    m.cylinder('machinery', [x, y, z - width / 2], [x, y, z + width / 2], radius, 8);
  }
}
