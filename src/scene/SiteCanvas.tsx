import { useMemo } from 'react';
import { Canvas } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { Color, Fog } from 'three';
import type { CameraViewConfig, ZoneConfig } from '../config/schema';
import type { Locale } from '../lib/localizedText';
import type { TwinStore } from '../twin/createTwinStore';
import type { BuiltSite } from './buildSite';
import { InstancedAssetType } from './InstancedAssetType';
import { NodeBoundAssets, nodeBoundPickHandlers } from './NodeBoundAssets';
import { SceneBridge } from './SceneBridge';
import { SelectionMarker } from './SelectionMarker';
import { AssetLabels } from './AssetLabels';
import { ZoneOutlines } from './ZoneOutlines';
import { SkipDraw } from './SkipDraw';
import type { SceneHandle } from './sceneHandle';

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
}

const BACKGROUND = '#0e1620';

/** The 3D view of one site: scenery, instanced assets, site-model assets, camera and probes. */
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
}: Props) {
  const initialView = views[0];
  const extent = useMemo(() => {
    const s = site.bounds.isEmpty() ? 100 : site.bounds.max.distanceTo(site.bounds.min);
    return Math.max(100, s);
  }, [site]);
  const nodeHandlers = useMemo(() => nodeBoundPickHandlers(twin), [twin]);
  return (
    <Canvas
      dpr={[1, 2]}
      // R3F's default measures the first size through a 50 ms scroll debounce, delaying the
      // renderer; the page never scrolls, so measure at once.
      resize={{ debounce: 0 }}
      gl={{ antialias: true, powerPreference: 'high-performance' }}
      camera={{
        fov: 45,
        near: 0.5,
        far: extent * 6,
        position: initialView ? initialView.position : [extent * 0.5, extent * 0.5, extent * 0.5],
      }}
      onPointerMissed={() => twin.getState().select(null)}
      onCreated={({ scene }) => {
        if (onRenderStart) scene.onBeforeRender = onRenderStart;
        scene.background = new Color(BACKGROUND);
        scene.fog = new Fog(BACKGROUND, extent * 1.5, extent * 5);
      }}
    >
      {/* Sky and one sun: every light is paid per pixel of 50,000 containers, so the shade side
          is lit by a brighter sky rather than a second sun. */}
      <hemisphereLight args={['#dce8f5', '#4a483f', 1.8]} />
      <directionalLight position={[extent * 0.3, extent * 0.6, extent * 0.2]} intensity={2.2} />
      {site.scenery.map((object) =>
        object === site.siteModel ? (
          <primitive key={object.uuid} object={object} {...nodeHandlers} />
        ) : (
          <primitive key={object.uuid} object={object} />
        ),
      )}
      {site.instanced.map((entry) => (
        <InstancedAssetType
          key={entry.typeId}
          entry={entry}
          twin={twin}
          networkLayer={networkLayer}
        />
      ))}
      <NodeBoundAssets bound={site.nodeBound} twin={twin} networkLayer={networkLayer} />
      {!draw && <SkipDraw />}
      <ZoneOutlines zones={zones} />
      <SelectionMarker site={site} twin={twin} />
      {labels && <AssetLabels site={site} twin={twin} locale={locale} />}
      <OrbitControls
        makeDefault
        target={initialView ? initialView.target : [0, 0, 0]}
        maxPolarAngle={Math.PI / 2 - 0.02}
        minDistance={2}
        maxDistance={extent * 3}
        enableDamping={false}
      />
      <SceneBridge
        site={site}
        views={views}
        twin={twin}
        onHandle={onHandle}
        onFirstFrame={onFirstFrame}
      />
    </Canvas>
  );
}
