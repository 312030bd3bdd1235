import { MeshBuilder } from './meshBuilder';
import type { MaterialKey } from './palette';
import type { Vec3 } from './vec3';

/**
 * Telescopic spreader at 40 ft (12.2 × 2.4 m) with its headblock, shared by both crane types.
 * `longAxis` is the spreader's length direction in the model frame: along the quay (z) for a
 * quay crane, whose boxes lie fore and aft on the ship; along the block (x) for a yard crane.
 * Bottom of the twistlock corners at local y = 0.
 */
export function buildSpreader40(longAxis: 'x' | 'z'): MeshBuilder<MaterialKey> {
  const m = new MeshBuilder<MaterialKey>();
  // Drawn with length along x; swapping x and z turns it for a z-long spreader.
  const box = (material: MaterialKey, min: Vec3, max: Vec3) =>
    longAxis === 'x'
      ? m.box(material, min, max)
      : m.box(material, [min[2], min[1], min[0]], [max[2], max[1], max[0]]);
  const yellow: MaterialKey = 'rtgYellow';
  const halfL = 6.1;
  const halfW = 1.2;
  // End beams carrying the twistlocks, two longitudinal beams, the telescopic housing.
  for (const x of [-halfL + 0.25, halfL - 0.25])
    box(yellow, [x - 0.25, 0.25, -halfW], [x + 0.25, 0.85, halfW]);
  for (const z of [-0.6, 0.6])
    box(yellow, [-halfL + 0.4, 0.3, z - 0.22], [halfL - 0.4, 0.8, z + 0.22]);
  box(yellow, [-2.2, 0.3, -0.9], [2.2, 1.0, 0.9]);
  for (const x of [-halfL + 0.3, halfL - 0.3]) {
    for (const z of [-halfW + 0.25, halfW - 0.25])
      box('machinery', [x - 0.3, 0, z - 0.25], [x + 0.3, 0.3, z + 0.25]);
  }
  // Headblock that the hoist ropes reeve through.
  box('machinery', [-1.6, 1.0, -0.8], [1.6, 1.6, 0.8]);
  return m;
}
