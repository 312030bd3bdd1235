import { describe, expect, it } from 'vitest';
import { STAND_BACK_M, chooseVrOrigin } from './vrOrigin';

/** The direction a three.js object turned by `yaw` about +y looks along (x, z). */
const facing = (yaw: number) => [-Math.sin(yaw), -Math.cos(yaw)];

describe('chooseVrOrigin', () => {
  it('stands on the ground short of the looked-at point, facing it', () => {
    const pose = chooseVrOrigin(
      { position: [100, 80, 0], target: [20, 5, 0] },
      undefined,
      [0, 0, 0],
    );
    expect(pose.position[0]).toBeCloseTo(20 + STAND_BACK_M);
    expect(pose.position[1]).toBe(0);
    expect(pose.position[2]).toBeCloseTo(0);
    const [fx, fz] = facing(pose.yaw);
    expect(fx).toBeCloseTo(-1);
    expect(fz).toBeCloseTo(0);
  });

  it('faces north-east when the camera looked that way', () => {
    const pose = chooseVrOrigin(
      { position: [0, 30, 0], target: [30, 0, -30] },
      undefined,
      [0, 0, 0],
    );
    const [fx, fz] = facing(pose.yaw);
    expect(fx).toBeCloseTo(Math.SQRT1_2);
    expect(fz).toBeCloseTo(-Math.SQRT1_2);
  });

  it('never stands behind the camera when it was close to its target', () => {
    const pose = chooseVrOrigin({ position: [0, 2, 5], target: [0, 1, 0] }, undefined, [0, 0, 0]);
    expect(pose.position[2]).toBeCloseTo(5);
  });

  it('falls back to the first view, then to the site centre, on the given ground', () => {
    const view = { position: [0, 50, 50] as const, target: [0, 0, 10] as const };
    expect(chooseVrOrigin(null, view, [0, 0, 0]).position[2]).toBeCloseTo(10 + STAND_BACK_M);
    expect(chooseVrOrigin(null, undefined, [7, 3, -2], 1.5)).toEqual({
      position: [7, 1.5, -2],
      yaw: 0,
    });
  });

  it('stands at the target of a straight-down view', () => {
    const pose = chooseVrOrigin({ position: [4, 90, 6], target: [4, 0, 6] }, undefined, [0, 0, 0]);
    expect(pose).toEqual({ position: [4, 0, 6], yaw: 0 });
  });
});
