import { useEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, LineBasicMaterial, LineSegments } from 'three';
import type { ZoneConfig } from '../config/schema';

/** Zone outlines float this far above the ground so they never z-fight with painted markings. */
const LIFT_M = 0.08;

/** Every zone's polygon as one line-segment object: one draw call however many zones. */
export function ZoneOutlines({ zones }: { zones: ZoneConfig[] }) {
  const lines = useMemo(() => {
    const positions: number[] = [];
    for (const zone of zones) {
      const ring = zone.polygon;
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i];
        const b = ring[(i + 1) % ring.length];
        if (a && b) positions.push(a[0], LIFT_M, a[1], b[0], LIFT_M, b[1]);
      }
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
    const material = new LineBasicMaterial({ color: '#38e1ff', transparent: true, opacity: 0.45 });
    const object = new LineSegments(geometry, material);
    object.name = 'zones';
    object.raycast = () => undefined;
    return object;
  }, [zones]);
  useEffect(
    () => () => {
      lines.geometry.dispose();
      (lines.material as LineBasicMaterial).dispose();
    },
    [lines],
  );
  return <primitive object={lines} />;
}
