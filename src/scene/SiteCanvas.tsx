import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Canvas } from '@react-three/fiber';
import { Color } from 'three';
import type { CameraViewConfig, ZoneConfig } from '../config/schema';
import type { Locale } from '../lib/localizedText';
import type { TwinStore } from '../twin/createTwinStore';
import type { BuiltSite } from './buildSite';
import { SiteScene } from './SiteScene';
import type { SceneHandle } from './sceneHandle';
import type { GhostSource } from './GhostLayer';
import type { Walker } from './walk/walker';

interface Props {
  site: BuiltSite;
  twin: TwinStore;
  views: CameraViewConfig[];
  zones: ZoneConfig[];
  labels: boolean;
  /** Colour assets by their 5G gateway's link health. */
  networkLayer?: boolean;
  locale: Locale;
  onHandle(handle: SceneHandle): void;
  /** Draw frames (default); false runs every update but draws nothing (`?draw=off`). */
  draw?: boolean;
  /** Called as each frame's render call begins (after every update of the frame). */
  onRenderStart?(): void;
  onFirstFrame(): void;
  /** Planned positions drawn beside the real ones (plan vs actual). */
  ghosts?: GhostSource | null;
  /** The first-person walk; while `walking`, it drives the camera instead of the orbit. */
  walker: Walker;
  walking?: boolean;
  /** Drawn in the canvas beside the site: the XR layer, once VR can start (app/vr/useVr). */
  xr?: ReactNode;
}

export const BACKGROUND = '#0e1620';

/**
 * A lost WebGL context is normally given back by the browser within a second (three.js asks for
 * it and rebuilds every GPU resource on the next frame, ~0.6 s here). If it is not back by this
 * long, the canvas is made anew with a fresh context: a wall screen must not stay black.
 */
export const CONTEXT_RESTORE_WAIT_MS = 2000;

/**
 * The 3D view: the canvas (renderer, camera) and the site's scene in it. Made once the site is
 * built — a canvas made earlier, while the config is checked, measured ~20 % slower to the first
 * frame under SwiftShader: its context and the loading work compete for the same two cores.
 */
export function SiteCanvas({
  site,
  twin,
  views,
  zones,
  labels,
  networkLayer = false,
  draw = true,
  locale,
  onHandle,
  onFirstFrame,
  onRenderStart,
  ghosts = null,
  walker,
  walking = false,
  xr = null,
}: Props) {
  // Bumped to make a new canvas (and context) when a lost one is not given back.
  const [generation, setGeneration] = useState(0);
  const stuck = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(stuck.current), []);
  return (
    <Canvas
      key={generation}
      dpr={[1, 2]}
      // R3F's default measures the first size through a 50 ms scroll debounce, delaying the
      // renderer; the page never scrolls, so measure at once.
      resize={{ debounce: 0 }}
      gl={{ antialias: true, powerPreference: 'high-performance' }}
      camera={{ fov: 45, near: 0.5, far: 1000, position: [50, 50, 50] }}
      onPointerMissed={() => twin.getState().select(null)}
      onCreated={({ scene, gl }) => {
        if (onRenderStart) scene.onBeforeRender = onRenderStart;
        scene.background = new Color(BACKGROUND);
        const canvas = gl.domElement;
        canvas.addEventListener('webglcontextlost', () => {
          clearTimeout(stuck.current);
          stuck.current = setTimeout(() => setGeneration((g) => g + 1), CONTEXT_RESTORE_WAIT_MS);
        });
        canvas.addEventListener('webglcontextrestored', () => clearTimeout(stuck.current));
      }}
    >
      <SiteScene
        site={site}
        twin={twin}
        views={views}
        zones={zones}
        labels={labels}
        networkLayer={networkLayer}
        draw={draw}
        locale={locale}
        onHandle={onHandle}
        onFirstFrame={onFirstFrame}
        ghosts={ghosts}
        walker={walker}
        walking={walking}
      />
      {xr}
    </Canvas>
  );
}
