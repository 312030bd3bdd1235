import type { ThreeEvent } from '@react-three/fiber';
import type { TwinStore } from '../twin/createTwinStore';

/** Pointer travel (px) above which a press is an orbit drag, not a click. */
const CLICK_SLOP_PX = 5;

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
      if (event.delta > CLICK_SLOP_PX) return;
      const id = resolve(event);
      if (!id) return;
      event.stopPropagation();
      twin.getState().select(id);
    },
  };
}
