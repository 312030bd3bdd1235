import { useLayoutEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { Fog, type PerspectiveCamera } from 'three';
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
import { GhostLayer, type GhostSource } from './GhostLayer';
import { WalkControls } from './walk/WalkControls';
import { EYE_HEIGHT_M, type Walker } from './walk/walker';

/** The canvas's background (SiteCanvas), so the far site fades into it. */
const FOG_COLOR = '#0e1620';

interface Props {
  site: BuiltSite;
  twin: TwinStore;
  views: CameraViewConfig[];
  zones: ZoneConfig[];
  labels: boolean;
  networkLayer: boolean;
  draw: boolean;
  locale: Locale;
  onHandle(handle: SceneHandle): void;
  onFirstFrame(): void;
  ghosts: GhostSource | null;
  walker: Walker;
  walking: boolean;
}

/** Leaving the walk, the orbit turns about a point this far ahead of the walker, metres. */
const ORBIT_AHEAD_M = 10;

/** One site in the canvas: camera and fog fitted to it, scenery, instanced assets, site-model assets, probes. */
export function SiteScene({
  site,
  twin,
  views,
  zones,
  labels,
  networkLayer,
  draw,
  locale,
  onHandle,
  onFirstFrame,
  ghosts,
  walker,
  walking,
}: Props) {
  const initialView = views[0];
  const extent = useMemo(() => {
    const s = site.bounds.isEmpty() ? 100 : site.bounds.max.distanceTo(site.bounds.min);
    return Math.max(100, s);
  }, [site]);
  // The orbit's centre: the first view's target, or, after a walk, the point the walker faced.
  const orbitTarget = useMemo((): [number, number, number] => {
    if (walking || walker.walkedIn !== site) return initialView ? initialView.target : [0, 0, 0];
    const { x, z, yawRad } = walker.pose;
    return [
      x - Math.sin(yawRad) * ORBIT_AHEAD_M,
      EYE_HEIGHT_M,
      z - Math.cos(yawRad) * ORBIT_AHEAD_M,
    ];
  }, [walking, walker, initialView, site]);
  const nodeHandlers = useMemo(() => nodeBoundPickHandlers(twin), [twin]);
  const camera = useThree((state) => state.camera) as PerspectiveCamera;
  const scene = useThree((state) => state.scene);

  // Before the site's first frame: the camera at the site's first view, its far plane and the
  // fog scaled to the site.
  useLayoutEffect(() => {
    camera.far = extent * 6;
    if (initialView) camera.position.fromArray(initialView.position);
    else camera.position.set(extent * 0.5, extent * 0.5, extent * 0.5);
    camera.updateProjectionMatrix();
    scene.fog = new Fog(FOG_COLOR, extent * 1.5, extent * 5);
    return () => {
      scene.fog = null;
    };
  }, [camera, scene, extent, initialView]);

  return (
    <>
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
      {ghosts && <GhostLayer site={site} ghosts={ghosts} />}
      {labels && <AssetLabels site={site} twin={twin} locale={locale} />}
      {walking ? (
        <WalkControls site={site} walker={walker} />
      ) : (
        <OrbitControls
          makeDefault
          target={orbitTarget}
          maxPolarAngle={Math.PI / 2 - 0.02}
          minDistance={2}
          maxDistance={extent * 3}
          enableDamping={false}
        />
      )}
      <SceneBridge
        site={site}
        views={views}
        twin={twin}
        onHandle={onHandle}
        onFirstFrame={onFirstFrame}
        walker={walker}
      />
    </>
  );
}
