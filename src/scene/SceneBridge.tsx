import { useEffect, useMemo, useRef } from 'react';
import { addAfterEffect, useFrame, useThree } from '@react-three/fiber';
import { type Object3D, Raycaster, Sphere, Vector2, Vector3 } from 'three';
import type { CameraViewConfig } from '../config/schema';
import type { TwinStore } from '../twin/createTwinStore';
import type { BuiltSite } from './buildSite';
import { assetIdOf } from './assetIdOf';
import { type CameraFlight, stepFlight } from './cameraFlight';
import type { SceneHandle } from './sceneHandle';
import { visiblePointCandidates } from './visiblePointCandidates';
import type { Walker } from './walk/walker';

const FLIGHT_MS = 700;
const _ndc = new Vector2();
const _p = new Vector3();
const _delta = new Vector3();

interface OrbitLike {
  target: Vector3;
  update(): void;
}

interface Props {
  site: BuiltSite;
  views: CameraViewConfig[];
  twin: TwinStore;
  onHandle(handle: SceneHandle): void;
  /** Called once, after the first frame with the whole site has been drawn. */
  onFirstFrame(): void;
  /** While walking, views and focus place the walker instead of flying the camera. */
  walker: Walker;
}

/** Implements SceneHandle inside the canvas: camera flights, stats, picking probes, readiness. */
export function SceneBridge({ site, views, twin, onHandle, onFirstFrame, walker }: Props) {
  const { camera, gl, scene } = useThree();
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  const flight = useRef<CameraFlight | null>(null);
  /** The followed asset and where it was when the camera last moved with it. */
  const followed = useRef<{ id: string; last: Vector3 | null } | null>(null);
  const stats = useRef({ drawCalls: 0, triangles: 0, frameMs: 0, geometries: 0, textures: 0 });
  const raycaster = useMemo(() => new Raycaster(), []);

  const handle = useMemo<SceneHandle>(() => {
    const flyTo = (position: Vector3, target: Vector3) =>
      new Promise<void>((resolve) => {
        flight.current?.resolve();
        flight.current = {
          fromPosition: camera.position.clone(),
          fromTarget: controls ? controls.target.clone() : new Vector3(),
          toPosition: position,
          toTarget: target,
          startMs: performance.now(),
          durationMs: FLIGHT_MS,
          resolve,
        };
      });
    const fitSphere = (sphere: Sphere) => {
      const fov = 'fov' in camera ? ((camera.fov as number) * Math.PI) / 180 : Math.PI / 4;
      const distance = (Math.max(sphere.radius, 5) / Math.sin(fov / 2)) * 0.9;
      const direction = new Vector3(0.55, 0.75, 0.9).normalize();
      return flyTo(
        sphere.center.clone().addScaledVector(direction, distance),
        sphere.center.clone(),
      );
    };
    const walking = () => walker.store.getState().on;
    return {
      stats: () => ({ ...stats.current }),
      camera: () => ({
        position: camera.position.toArray() as [number, number, number],
        // Walking has no orbit: the point 10 m ahead stands for its target.
        target: (controls
          ? controls.target
          : camera.getWorldDirection(new Vector3()).multiplyScalar(10).add(camera.position)
        ).toArray() as [number, number, number],
      }),
      setCamera(position, target) {
        if (walking()) return walker.standBefore(position, target);
        flight.current?.resolve();
        flight.current = null;
        camera.position.fromArray(position);
        if (controls) {
          controls.target.fromArray(target);
          controls.update();
        } else camera.lookAt(new Vector3().fromArray(target));
      },
      follow(id) {
        if (walking()) return;
        followed.current = id === null ? null : { id, last: null };
      },
      following: () => followed.current?.id ?? null,
      flyToView(viewId) {
        followed.current = null;
        const view = views.find((v) => v.id === viewId);
        if (!view) return Promise.reject(new Error(`no camera view "${viewId}"`));
        if (walking()) {
          walker.standBefore(view.position, view.target);
          return Promise.resolve();
        }
        return flyTo(new Vector3().fromArray(view.position), new Vector3().fromArray(view.target));
      },
      fitSite: () => {
        followed.current = null;
        if (walking()) return Promise.resolve();
        return fitSphere(site.bounds.getBoundingSphere(new Sphere()));
      },
      focusAsset(id) {
        const asset = twin.getState().byId.get(id);
        if (!asset) return Promise.reject(new Error(`no asset "${id}"`));
        const entry = site.instanced.find((t) => t.assets.includes(asset));
        const radius = entry ? entry.rig.radius : 10;
        if (walking()) {
          walker.standBefore(camera.position.toArray(), asset.position, Math.min(radius, 15));
          return Promise.resolve();
        }
        const center = new Vector3().fromArray(asset.position);
        center.y += entry ? entry.rig.height / 2 : 0;
        return fitSphere(new Sphere(center, radius * 1.2));
      },
      screenPosition(id) {
        const rect = gl.domElement.getBoundingClientRect();
        for (const point of visiblePointCandidates(site, twin, id)) {
          _p.copy(point).project(camera);
          if (_p.z < -1 || _p.z > 1 || Math.abs(_p.x) > 0.98 || Math.abs(_p.y) > 0.98) continue;
          _ndc.set(_p.x, _p.y);
          raycaster.setFromCamera(_ndc, camera);
          const hits = raycaster.intersectObjects(scene.children as Object3D[], true);
          const first = hits.find((h) => h.object.visible);
          if (!first || assetIdOf(first) !== id) continue;
          const x = rect.left + ((_p.x + 1) / 2) * rect.width;
          const y = rect.top + ((1 - _p.y) / 2) * rect.height;
          // A panel over the canvas (inspector, toolbar) would take the click instead.
          if (document.elementFromPoint(x, y) === gl.domElement) return [x, y];
        }
        return null;
      },
    };
  }, [camera, controls, gl, scene, site, views, twin, raycaster, walker]);

  useEffect(() => onHandle(handle), [handle, onHandle]);
  const firstFrame = useRef(onFirstFrame);
  firstFrame.current = onFirstFrame;
  useEffect(() => {
    // After-effects run once a frame was rendered, so the first call follows a drawn site.
    const unsubscribe = addAfterEffect(() => {
      unsubscribe();
      firstFrame.current();
    });
    return unsubscribe;
  }, []);
  useEffect(() => {
    // Resolve pending flights on unmount so no promise is left hanging.
    return () => flight.current?.resolve();
  }, []);

  useFrame((state, delta) => {
    // renderer.info is reset at the start of each render, so here it still holds the last frame.
    stats.current.drawCalls = gl.info.render.calls;
    stats.current.geometries = gl.info.memory.geometries;
    stats.current.textures = gl.info.memory.textures;
    stats.current.triangles = gl.info.render.triangles;
    const ms = delta * 1000;
    stats.current.frameMs =
      stats.current.frameMs === 0 ? ms : stats.current.frameMs * 0.9 + ms * 0.1;
    const f = flight.current;
    if (f && controls) {
      const done = stepFlight(f, performance.now(), state.camera.position, controls.target);
      controls.update();
      if (done) {
        flight.current = null;
        f.resolve();
      }
    }
    // Following: after any flight, move camera and target by what the asset moved this frame.
    const follow = followed.current;
    if (follow && !flight.current && controls) {
      const asset = twin.getState().byId.get(follow.id);
      if (!asset) followed.current = null;
      else if (!follow.last) follow.last = new Vector3().fromArray(asset.position);
      else {
        _delta.fromArray(asset.position).sub(follow.last);
        if (_delta.lengthSq() > 0) {
          state.camera.position.add(_delta);
          controls.target.add(_delta);
          controls.update();
          follow.last.fromArray(asset.position);
        }
      }
    }
  });
  return null;
}
