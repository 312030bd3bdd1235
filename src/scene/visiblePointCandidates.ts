import { Matrix4, Vector3 } from 'three';
import type { TwinStore } from '../twin/createTwinStore';
import type { BuiltSite } from './buildSite';
import { poseRig } from './poseRig';

const MAX_VERTEX_SAMPLES = 48;

/**
 * Points on an asset's surface, in world space, to probe for where it can be clicked:
 * each draw group's bounding-box centre and a spread of its vertices.
 */
export function* visiblePointCandidates(
  site: BuiltSite,
  twin: TwinStore,
  id: string,
): Generator<Vector3> {
  const asset = twin.getState().byId.get(id);
  if (!asset) return;
  const bound = site.nodeBound.find((b) => b.asset.id === id);
  if (bound) {
    const center = new Vector3();
    bound.object.updateWorldMatrix(true, true);
    bound.object.traverse((o) => {
      if ('geometry' in o) center.setFromMatrixPosition(o.matrixWorld);
    });
    yield bound.object.getWorldPosition(new Vector3());
    yield center;
    return;
  }
  const entry = site.instanced.find((t) => t.assets.includes(asset));
  if (!entry) return;
  const matrices = entry.rig.nodes.map(() => new Matrix4());
  poseRig(entry.rig, asset, matrices);
  const p = new Vector3();
  for (const group of entry.rig.groups) {
    const m = matrices[group.node];
    if (!m || !group.geometry.boundingBox) continue;
    yield group.geometry.boundingBox.getCenter(p).applyMatrix4(m).clone();
  }
  for (const group of entry.rig.groups) {
    const m = matrices[group.node];
    const position = group.geometry.getAttribute('position');
    if (!m || !position) continue;
    const step = Math.max(1, Math.floor(position.count / MAX_VERTEX_SAMPLES));
    for (let i = 0; i < position.count; i += step) {
      // Nudge toward the group's centre so the probe ray hits the face, not its edge.
      const c = group.geometry.boundingBox?.getCenter(new Vector3()) ?? new Vector3();
      yield p.fromBufferAttribute(position, i).lerp(c, 0.1).applyMatrix4(m).clone();
    }
  }
}
