import { describe, expect, it } from 'vitest';
import { createWalker, headingDegOfYaw, yawLookingAt, yawOfHeadingDeg } from './walker';
import { noWalkKeys, walkKeyDown, walkKeyUp } from './walkKeys';

describe('the walker', () => {
  it('converts between compass headings and the camera’s yaw', () => {
    // Looking north is looking towards −z; east is +x.
    expect(headingDegOfYaw(yawLookingAt(0, 0, 0, -10))).toBeCloseTo(0, 6);
    expect(headingDegOfYaw(yawLookingAt(0, 0, 10, 0))).toBeCloseTo(90, 6);
    expect(headingDegOfYaw(yawLookingAt(0, 0, 0, 10))).toBeCloseTo(180, 6);
    expect(headingDegOfYaw(yawLookingAt(0, 0, -10, 0))).toBeCloseTo(270, 6);
    for (const h of [0, 45, 90, 200, 359])
      expect(headingDegOfYaw(yawOfHeadingDeg(h))).toBeCloseTo(h, 6);
  });

  it('stands in front of what a view looks at, on the view’s side, facing it', () => {
    const walker = createWalker();
    // A view from 100 m east and 50 m up, looking at the origin.
    walker.standBefore([100, 50, 0], [0, 0, 0]);
    const request = walker.pending;
    expect(request).not.toBeNull();
    expect(request?.x).toBeCloseTo(12, 6);
    expect(request?.z).toBeCloseTo(0, 6);
    // Facing west, towards the target.
    expect(headingDegOfYaw(request?.yawRad ?? NaN)).toBeCloseTo(270, 6);
    // A view from straight above: somewhere near, still facing the target.
    walker.standBefore([5, 80, 5], [5, 0, 5], 6);
    const above = walker.pending;
    expect(Math.hypot((above?.x ?? 0) - 5, (above?.z ?? 0) - 5)).toBeGreaterThanOrEqual(6);
  });

  it('tracks the walking keys by their physical position', () => {
    const keys = noWalkKeys();
    expect(walkKeyDown(keys, 'KeyW')).toBe(true);
    expect(walkKeyDown(keys, 'ShiftLeft')).toBe(true);
    expect(keys.forward && keys.run).toBe(true);
    expect(walkKeyDown(keys, 'KeyL')).toBe(false);
    expect(walkKeyUp(keys, 'KeyW')).toBe(true);
    expect(keys.forward).toBe(false);
  });
});
