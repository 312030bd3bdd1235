import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { type PerspectiveCamera, Vector3 } from 'three';
import type { BuiltSite } from '../buildSite';
import { type WalkKeys, walkKeyDown, walkKeyUp, noWalkKeys } from './walkKeys';
import { walkObstaclesOf } from './walkObstacles';
import { EYE_HEIGHT_M, type Walker, yawLookingAt } from './walker';

/** A person's walking pace, and a brisk one with Shift, m/s. */
const WALK_SPEED = 1.4;
const RUN_SPEED = 4;
/** Arrow keys turn at this rate, rad/s; a mouse drag turns this much per pixel. */
const TURN_RATE = 1.6;
const LOOK_PER_PX = 0.004;
const MAX_PITCH = 1.3;
/** The walker's half-width: shoulders clear a door, not a gap between two containers. */
export const WALKER_RADIUS_M = 0.35;
/** Nearby assets are re-stamped into the grid this often, s: trucks and AGVs move. */
const REFRESH_S = 0.25;
/** A frame longer than this (a tab in the background) is taken as this long. */
const MAX_STEP_S = 0.1;
/** The camera's near plane while walking: closer than the walker's radius, so walls are not cut. */
const WALK_NEAR_M = 0.2;

/** Starting from a level view, the walker stands this far ahead of the camera, metres. */
const START_AHEAD_M = 5;

const _forward = new Vector3();
const _step = { x: 0, z: 0 };

interface Props {
  site: BuiltSite;
  walker: Walker;
}

/**
 * First-person walking: W A S D or the arrow keys (↑ ↓ walk, ← → turn), Shift to hurry, a drag
 * to look around, Escape to stop. The walker stays at eye height on the ground and is stopped by
 * buildings and equipment (the occupancy grid), sliding along what it meets.
 */
export function WalkControls({ site, walker }: Props) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const canvas = useThree((s) => s.gl.domElement);
  const obstacles = useMemo(() => walkObstaclesOf(site), [site]);
  const keys = useRef<WalkKeys>(noWalkKeys());
  const sinceRefresh = useRef(REFRESH_S);

  // Start where the camera looks: the ground point at the centre of the view (before the first
  // walking frame, so the camera does not show the last walk's spot for a frame).
  useLayoutEffect(() => {
    if (walker.pending) return;
    camera.getWorldDirection(_forward);
    // Looking down: where the view's centre meets the ground. Level or up: a few steps ahead.
    const reach = _forward.y < -0.05 ? camera.position.y / -_forward.y : START_AHEAD_M;
    const x = camera.position.x + _forward.x * reach;
    const z = camera.position.z + _forward.z * reach;
    walker.place(x, z, yawLookingAt(camera.position.x, camera.position.z, x, z));
  }, [camera, walker]);

  useEffect(() => {
    const near = camera.near;
    camera.near = WALK_NEAR_M;
    camera.rotation.order = 'YXZ';
    camera.updateProjectionMatrix();
    return () => {
      camera.near = near;
      camera.updateProjectionMatrix();
    };
  }, [camera]);

  useEffect(() => {
    const typing = (e: Event) => {
      const target = e.target as HTMLElement | null;
      return (
        !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
      );
    };
    // Capture on the window runs before every other key handler: the keys that walk are not
    // also desk shortcuts (W opening the wall) or timeline steps (arrows) while walking.
    const onDown = (e: KeyboardEvent) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        walker.store.setState({ on: false });
      } else if (!walkKeyDown(keys.current, e.code)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    const onUp = (e: KeyboardEvent) => {
      if (walkKeyUp(keys.current, e.code)) e.stopImmediatePropagation();
    };
    const onBlur = () => Object.assign(keys.current, noWalkKeys());
    let drag: { x: number; y: number } | null = null;
    const onPointerDown = (e: PointerEvent) => {
      if (e.button === 0) drag = { x: e.clientX, y: e.clientY };
    };
    const onPointerMove = (e: PointerEvent) => {
      if (!drag) return;
      const pose = walker.pose;
      pose.yawRad += (e.clientX - drag.x) * LOOK_PER_PX;
      pose.pitchRad = Math.max(
        -MAX_PITCH,
        Math.min(MAX_PITCH, pose.pitchRad + (e.clientY - drag.y) * LOOK_PER_PX),
      );
      drag.x = e.clientX;
      drag.y = e.clientY;
    };
    const onPointerUp = () => {
      drag = null;
    };
    walker.active = true;
    const listening = new AbortController();
    const { signal } = listening;
    window.addEventListener('keydown', onDown, { capture: true, signal });
    window.addEventListener('keyup', onUp, { capture: true, signal });
    window.addEventListener('blur', onBlur, { signal });
    canvas.addEventListener('pointerdown', onPointerDown, { signal });
    window.addEventListener('pointermove', onPointerMove, { signal });
    window.addEventListener('pointerup', onPointerUp, { signal });
    return () => {
      walker.active = false;
      listening.abort();
    };
  }, [canvas, walker]);

  useFrame((_, delta) => {
    const dt = Math.min(delta, MAX_STEP_S);
    const pose = walker.pose;
    const grid = obstacles.grid;
    walker.walkedIn = site;
    const request = walker.pending;
    if (request) {
      walker.pending = null;
      obstacles.refresh(request.x, request.z);
      // Into the walk's area first (a click on the map's edge, a view of the sea).
      const { minX, minZ, maxX, maxZ } = grid.bounds;
      _step.x = Math.max(minX + 1, Math.min(maxX - 1, request.x));
      _step.z = Math.max(minZ + 1, Math.min(maxZ - 1, request.z));
      // Inside a stack or a wall: the nearest spot a walker fits, or where asked if none is near.
      grid.nearestFree(_step.x, _step.z, WALKER_RADIUS_M, 40, _step);
      pose.x = _step.x;
      pose.z = _step.z;
      pose.yawRad = request.yawRad;
      pose.pitchRad = 0;
      sinceRefresh.current = 0;
    }
    sinceRefresh.current += dt;
    if (sinceRefresh.current >= REFRESH_S) {
      sinceRefresh.current = 0;
      obstacles.refresh(pose.x, pose.z);
    }

    const k = keys.current;
    pose.yawRad += (Number(k.turnLeft) - Number(k.turnRight)) * TURN_RATE * dt;
    const ahead = Number(k.forward) - Number(k.back);
    const aside = Number(k.right) - Number(k.left);
    if (ahead !== 0 || aside !== 0) {
      const speed = (k.run ? RUN_SPEED : WALK_SPEED) / Math.hypot(ahead, aside);
      const sin = Math.sin(pose.yawRad);
      const cos = Math.cos(pose.yawRad);
      // Forward is (−sin, −cos) in x, z; right is (cos, −sin).
      const dx = (-sin * ahead + cos * aside) * speed * dt;
      const dz = (-cos * ahead - sin * aside) * speed * dt;
      if (grid.blocked(pose.x, pose.z, WALKER_RADIUS_M)) {
        // Something drove into the walker (a truck, an AGV): let them step out of it.
        pose.x += dx;
        pose.z += dz;
      } else {
        grid.move(pose.x, pose.z, dx, dz, WALKER_RADIUS_M, _step);
        pose.x = _step.x;
        pose.z = _step.z;
      }
    }
    camera.position.set(pose.x, EYE_HEIGHT_M, pose.z);
    camera.rotation.set(pose.pitchRad, pose.yawRad, 0, 'YXZ');
  });
  return null;
}
