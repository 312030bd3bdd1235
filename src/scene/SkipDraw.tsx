import { useFrame } from '@react-three/fiber';

const nothing = () => undefined;

/**
 * Takes over rendering and draws nothing (`?draw=off`): every frame's updates still run —
 * telemetry, poses, instance matrices — but no draw call is made. For measuring the page's own
 * JavaScript per frame at the display's cadence on machines whose software GPU takes a second
 * per full-scale frame. R3F stops its own render once any frame callback has a positive priority.
 */
export function SkipDraw() {
  useFrame(nothing, 1);
  return null;
}
