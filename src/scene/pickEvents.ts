import type { ThreeEvent } from '@react-three/fiber';
import type { TwinStore } from '../twin/createTwinStore';

/** Pointer travel (px) above which a press is an orbit drag, not a click. */
const CLICK_SLOP_PX = 5;

/**
 * How far the mouse moved between press and release, px. XR controller rays
 * (@pmndrs/pointer-events) fire these same handlers but have no screen travel — their `delta`
 * getter throws — so only R3F's own events, which carry `delta` as a plain field, are measured.
 */
function screenTravelPx(event: ThreeEvent<MouseEvent>): number {
  return Object.prototype.hasOwnProperty.call(event, 'delta') ? event.delta : 0;
}

/** Hover and click handlers that map a picked object to an asset id. */
export function pickHandlers(
  twin: TwinStore,
  resolve: (event: ThreeEvent<PointerEvent | MouseEvent>) => string | null,
) {
  return {
    onPointerMove(event: ThreeEvent<PointerEvent>) {
      const id = resolve(event);
      if (!id) return;
      event.stopPropagation();
      if (twin.getState().hoveredId !== id) twin.getState().hover(id);
    },
    onPointerOut(event: ThreeEvent<PointerEvent>) {
      const id = resolve(event);
      if (id && twin.getState().hoveredId === id) twin.getState().hover(null);
    },
    onClick(event: ThreeEvent<MouseEvent>) {
      if (screenTravelPx(event) > CLICK_SLOP_PX) return;
      const id = resolve(event);
      if (!id) return;
      event.stopPropagation();
      twin.getState().select(id);
    },
  };
}
