import { describe, expect, it } from 'vitest';
import type { ThreeEvent } from '@react-three/fiber';
import { createTwinStore } from '../twin/createTwinStore';
import { pickHandlers } from './pickEvents';

type Click = ThreeEvent<MouseEvent>;

/** An XR controller ray's click as @pmndrs/pointer-events makes it: `delta` is a throwing getter. */
class XrRayClick {
  stopped = false;
  get delta(): number {
    throw new Error('not supported');
  }
  stopPropagation() {
    this.stopped = true;
  }
}

describe('pickHandlers', () => {
  const setup = () => {
    const twin = createTwinStore();
    const handlers = pickHandlers(twin, () => 'QC01');
    return { twin, handlers };
  };

  it('selects on a mouse click, not at the end of an orbit drag', () => {
    const { twin, handlers } = setup();
    handlers.onClick({ delta: 40, stopPropagation() {} } as unknown as Click);
    expect(twin.getState().selectedId).toBeNull();
    handlers.onClick({ delta: 1, stopPropagation() {} } as unknown as Click);
    expect(twin.getState().selectedId).toBe('QC01');
  });

  it('selects on an XR controller ray click, which has no screen travel', () => {
    const { twin, handlers } = setup();
    const click = new XrRayClick();
    handlers.onClick(click as unknown as Click);
    expect(twin.getState().selectedId).toBe('QC01');
    expect(click.stopped).toBe(true);
  });
});
