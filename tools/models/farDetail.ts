import { MeshBuilder } from './meshBuilder';
import { QUAY_CRANE, TRUCK, YARD_CRANE } from './modelDimensions';
import type { MaterialKey } from './palette';

/**
 * Far-detail stand-ins, written as a `lod-far` node beside the full model. Seen from a whole-
 * terminal view, a truck is a few pixels and a crane a few dozen: these keep the silhouette and
 * colours with a tenth of the triangles, so a 700-machine terminal stays cheap to draw. The app
 * switches per asset by distance (see docs/twin-config.md, "Level of detail").
 */
export const FAR_DETAIL_NODE = 'lod-far';

/** Cab, chassis and wheel band of a terminal tractor: 3 boxes. */
export function truckFarDetail(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  const front = TRUCK.length / 2;
  const rear = -TRUCK.length / 2;
  m.box('tractorOrange', [front - 3.2, 0.5, -1.25], [front, 3.0, 1.25]);
  m.box('machinery', [rear, 0.95, -1.2], [front - 3.2, TRUCK.containerSeatY, 1.2]);
  m.box('rubber', [rear + 1, 0, -1.2], [front - 0.5, 0.95, 1.2]);
  return m;
}

/** Two leg frames with sills, two girders and the trolley house of an RTG: 8 boxes. */
export function yardCraneFarDetail(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  const legZ = YARD_CRANE.span / 2;
  const top = YARD_CRANE.girderTop;
  for (const z of [-legZ, legZ]) {
    m.box('rtgYellow', [-4.6, 0, z - 0.6], [4.6, 1.9, z + 0.6]);
    m.box('rtgYellow', [-3.6, 1.9, z - 0.5], [-2.6, top - 1.6, z + 0.5]);
    m.box('rtgYellow', [2.6, 1.9, z - 0.5], [3.6, top - 1.6, z + 0.5]);
  }
  for (const x of [-2.6, 2.6])
    m.box('rtgYellow', [x - 0.5, top - 1.6, -legZ - 0.8], [x + 0.5, top, legZ + 0.8]);
  m.box('machinery', [-2.2, top, -2], [2.2, top + 2.4, 2]);
  return m;
}

/** Legs, portal beams, boom and girder, apex and machinery house of a quay crane: 12 boxes. */
export function quayCraneFarDetail(): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  const land = -QUAY_CRANE.railGauge;
  const legZ = QUAY_CRANE.legSpacing / 2;
  const boom = QUAY_CRANE.boomUnderside;
  for (const x of [0, land]) {
    for (const z of [-legZ, legZ]) m.box('craneBlue', [x - 1.1, 0, z - 1], [x + 1.1, boom, z + 1]);
    m.box('craneBlue', [x - 1.1, 42, -legZ - 1], [x + 1.1, 45.5, legZ + 1]);
  }
  m.box(
    'craneBlue',
    [land - QUAY_CRANE.backreach - 18, boom, -4.4],
    [QUAY_CRANE.outreach + 3, boom + 3.5, 4.4],
  );
  m.box('craneBlue', [-13, boom + 3.5, -2], [-11, 80, 2]);
  m.box('machinery', [land - 20, boom + 3.5, -5], [land - 6, boom + 9, 5]);
  return m;
}
