import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { type Mesh, Vector3 } from 'three';
import type { TwinStore } from '../twin/createTwinStore';
import type { BuiltSite } from './buildSite';

const _center = new Vector3();

/** A pulsing ring on the ground around the selected asset, so it stands out at any zoom. */
export function SelectionMarker({ site, twin }: { site: BuiltSite; twin: TwinStore }) {
  const ring = useRef<Mesh>(null);
  const radiusByType = useMemo(
    () => new Map(site.instanced.map((t) => [t.typeId, t.rig.radius])),
    [site],
  );
  useFrame((state) => {
    const mesh = ring.current;
    if (!mesh) return;
    const { selectedId, byId } = twin.getState();
    const asset = selectedId ? byId.get(selectedId) : undefined;
    mesh.visible = asset !== undefined;
    if (!asset) return;
    const radius = Math.max(1.5, (radiusByType.get(asset.type) ?? 3) * 0.8);
    _center.fromArray(asset.position);
    mesh.position.set(_center.x, 0.15, _center.z);
    const pulse = 1 + 0.06 * Math.sin(state.clock.elapsedTime * 4);
    mesh.scale.setScalar(radius * pulse);
  });
  return (
    <mesh
      ref={ring}
      rotation-x={-Math.PI / 2}
      visible={false}
      raycast={() => null}
      renderOrder={10}
    >
      <ringGeometry args={[0.88, 1, 64]} />
      <meshBasicMaterial color="#38e1ff" transparent opacity={0.85} depthWrite={false} />
    </mesh>
  );
}
