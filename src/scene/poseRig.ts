import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import type { AssetState } from '../twin/assetState';
import { headingToYaw } from '../lib/geo';
import type { Rig, RigArticulation } from './rig';

const DEG = Math.PI / 180;
const _euler = new Euler(0, 0, 0, 'YZX');
const _quat = new Quaternion();
const _pos = new Vector3();
const _one = new Vector3(1, 1, 1);
const _axis = new Vector3();
const _local = new Matrix4();
const _move = new Matrix4();

/** Asset root matrix from position and heading/pitch/roll, written into `out`. */
export function assetMatrix(asset: AssetState, out: Matrix4): Matrix4 {
  // Yaw first, then pitch about the model's lateral axis, roll about its length (+x).
  _euler.set(asset.rollDeg * DEG, headingToYaw(asset.headingDeg), asset.pitchDeg * DEG, 'YZX');
  _quat.setFromEuler(_euler);
  _pos.set(asset.position[0], asset.position[1], asset.position[2]);
  return out.compose(_pos, _quat, _one);
}

/** Value an articulation takes from the asset's fields; non-numeric fields leave it at rest. */
export function articulationValue(a: RigArticulation, fields: AssetState['fields']): number {
  const raw = fields[a.field];
  const v = typeof raw === 'number' ? raw * a.scale + a.offset : 0;
  return v < a.min ? a.min : v > a.max ? a.max : v;
}

/**
 * World matrices of every rig node of one asset, into `out` (one Matrix4 per rig node,
 * preallocated by the caller). Allocation-free: runs for every asset that changed, per frame.
 */
export function poseRig(rig: Rig, asset: AssetState, out: Matrix4[]): void {
  const root = out[0];
  if (!root) return;
  assetMatrix(asset, root);
  for (let i = 1; i < rig.nodes.length; i++) {
    const node = rig.nodes[i];
    const target = out[i];
    const parent = node ? out[node.parent] : undefined;
    if (!node || !target || !parent) continue;
    _local.copy(node.rest);
    const a = node.articulation;
    if (a) {
      const v = articulationValue(a, asset.fields);
      _axis.set(a.axis === 0 ? 1 : 0, a.axis === 1 ? 1 : 0, a.axis === 2 ? 1 : 0);
      if (a.kind === 'translate') {
        // Translation along the parent's axis: the node's rest position moves by v metres.
        _move.makeTranslation(_axis.x * v, _axis.y * v, _axis.z * v);
        _local.premultiply(_move);
      } else {
        _move.makeRotationAxis(_axis, v * DEG);
        _local.multiply(_move);
      }
    }
    target.multiplyMatrices(parent, _local);
  }
}
