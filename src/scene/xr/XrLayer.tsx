import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { TeleportTarget, XR, XROrigin, createXRStore, useXR, useXRStore } from '@react-three/xr';
import { Sphere, Vector3, type Group } from 'three';
import type { CameraViewConfig } from '../../config/schema';
import type { Locale } from '../../lib/localizedText';
import type { TwinStore } from '../../twin/createTwinStore';
import type { VrSceneGraph, VrStatusStore } from '../../twin/vrStatus';
import type { BuiltSite } from '../buildSite';
import { countRole } from './textPanel';
import { VrAssetPanel } from './VrAssetPanel';
import { VrCaptionPanel } from './VrCaptionPanel';
import { chooseVrOrigin, type LookingAt } from './vrOrigin';
import { probeVrSupport } from './vrSupport';
import type { VrWords } from './vrPanelText';

/** The site's ground: y = 0 in site metres (the twin-config convention). */
const GROUND_Y = 0;
/** The teleport floor reaches this far past the site's bounds, so its edges can be reached. */
const FLOOR_MARGIN = 1.3;

/**
 * Tags for `sceneGraph()`, one object each: R3F re-applies a `userData` prop that changed
 * identity, which would wipe the `teleportTarget` flag @react-three/xr sets on the floor.
 */
const ORIGIN_DATA = { vrRole: 'origin' };
const FLOOR_DATA = { vrRole: 'teleport-target' };

/**
 * A press and release this far apart is still a click: a pull is seen only at frame times, and a
 * loaded headset's or the software-GPU test browser's frames can be most of a second apart (the
 * library's default is 300 ms). A held trigger meaning something else is not used here.
 */
const CLICK_THRESHOLD_MS = 2500;

/** Both controllers: rays and cursors, no models (from a CDN) and no grab pointers. */
const CONTROLLER = {
  model: false,
  grabPointer: false,
  rayPointer: { clickThresholdMs: CLICK_THRESHOLD_MS },
} as const;
const HAND = { model: false, grabPointer: false, touchPointer: false } as const;

/** Words of the VR layer: the panels' and the controls help. */
export interface VrLayerWords extends VrWords {
  helpTitle: string;
  helpText: string;
}

export interface XrLayerProps {
  site: BuiltSite;
  twin: TwinStore;
  views: CameraViewConfig[];
  status: VrStatusStore;
  /** `?xr=emulate`: install the emulated headset (IWER) when the browser has no XR device. */
  emulate: boolean;
  locale: Locale;
  words: VrLayerWords;
}

interface OrbitLike {
  target: Vector3;
}

/**
 * Immersive VR for the site, loaded only when a headset (or the emulator) is there: the XR
 * store and `<XR>` beside the desk scene (not around it — wrapping it would remount the site
 * when this chunk arrives), the player's origin, a teleport floor, and the panels. XR pointers
 * fire the scene's own R3F pick handlers, so pointing and pulling the trigger selects an asset.
 */
export default function XrLayer({
  site,
  twin,
  views,
  status,
  emulate,
  locale,
  words,
}: XrLayerProps) {
  const store = useMemo(
    () =>
      createXRStore({
        // Ours is installed by installEmulator.ts when asked for (`?xr=emulate`); by default
        // @react-three/xr would inject one on every localhost page.
        emulate: false,
        offerSession: false,
        // AR features a VR twin never uses: asked for, the Quest asks the person for room data.
        anchors: false,
        planeDetection: false,
        meshDetection: false,
        hitTest: false,
        domOverlay: false,
        enterGrantedSession: false,
        // No controller or hand models: they would come from a CDN. Rays, cursors and the
        // teleport arc are drawn; the button layout comes from public/xr-input-profiles/.
        // No grab or touch pointers: their sphere tests an instanced mesh by its bounds, which
        // span the whole site, so they always "hit" and took every event from the ray.
        // The left hand teleports, the right hand inspects: on one hand the teleport arc and the
        // ray share the trigger and the nearer hit wins, so the arc's landing on the ground in
        // front of an asset would take every pull meant for the asset.
        controller: {
          left: { ...CONTROLLER, teleportPointer: true },
          right: { ...CONTROLLER, teleportPointer: false },
        },
        hand: {
          left: { ...HAND, teleportPointer: true },
          right: { ...HAND, teleportPointer: false },
        },
        baseAssetPath: new URL('xr-input-profiles/', document.baseURI).href,
        defaultControllerProfileId: 'generic-trigger-squeeze-thumbstick',
      }),
    [],
  );
  useEffect(() => () => store.destroy(), [store]);

  // `?xr=emulate`: the emulated headset, unless the browser has a real one.
  useEffect(() => {
    if (!emulate) return;
    let current = true;
    void (async () => {
      if ((await probeVrSupport(navigator.xr, window.isSecureContext)) !== 'supported') {
        const { installEmulator } = await import('./installEmulator');
        if (!current) return;
        installEmulator();
        status.setState({ emulated: true });
      }
      const support = await probeVrSupport(navigator.xr, window.isSecureContext);
      if (current) status.setState({ support });
    })();
    return () => {
      current = false;
    };
  }, [emulate, status]);

  return (
    <XR store={store}>
      <VrRig site={site} twin={twin} views={views} status={status} locale={locale} words={words} />
    </XR>
  );
}

function VrRig({ site, twin, views, status, locale, words }: Omit<XrLayerProps, 'emulate'>) {
  const origin = useRef<Group>(null);
  const get = useThree((s) => s.get);
  const xrCamera = useThree((s) => s.gl.xr.getCamera());
  const session = useXR((s) => s.session);
  const mode = useXR((s) => s.mode);
  const xrStore = useXRStore();
  const [helpShown, setHelpShown] = useState(true);

  /**
   * Puts the player on the ground in front of what `look` looks at (by default the desk camera;
   * then the site's first view, then its centre).
   */
  const placeOrigin = useCallback(
    (look?: LookingAt) => {
      const group = origin.current;
      if (!group) return;
      const { camera, controls } = get();
      const target = (controls as unknown as OrbitLike | null)?.target;
      const center = site.bounds.isEmpty()
        ? new Vector3()
        : site.bounds.getBoundingSphere(new Sphere()).center;
      const desk = target
        ? {
            position: camera.position.toArray() as [number, number, number],
            target: target.toArray() as [number, number, number],
          }
        : null;
      const pose = chooseVrOrigin(
        look ?? desk,
        views[0],
        center.toArray() as [number, number, number],
        GROUND_Y,
      );
      group.position.fromArray(pose.position);
      group.rotation.set(0, pose.yaw, 0);
    },
    [get, site, views],
  );

  useEffect(() => {
    status.setState({
      control: {
        async enter() {
          status.setState({ error: null });
          placeOrigin();
          setHelpShown(true);
          try {
            await xrStore.enterVR();
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            status.setState({ error: message });
            throw err instanceof Error ? err : new Error(message);
          }
        },
        async exit() {
          await xrStore.getState().session?.end();
        },
        standAt: (look) => placeOrigin(look),
        origin() {
          const group = origin.current;
          return {
            position: (group?.position.toArray() ?? [0, 0, 0]) as [number, number, number],
            yaw: group?.rotation.y ?? 0,
          };
        },
        sceneGraph(): VrSceneGraph {
          const { scene } = get();
          const sources = xrStore.getState().inputSourceStates;
          let xrSpaces = 0;
          scene.traverse((o) => {
            if (o.xrSpace != null) xrSpaces++;
          });
          return {
            origins: countRole(scene, 'origin'),
            cameraInOrigin: origin.current !== null && xrCamera.parent === origin.current,
            teleportTargets: countRole(scene, 'teleport-target'),
            controllers: sources.filter((s) => s.type === 'controller').length,
            hands: sources.filter((s) => s.type === 'hand').length,
            xrSpaces,
            assetPanels: countRole(scene, 'asset-panel', true),
            captionPanels: countRole(scene, 'caption-panel', true),
          };
        },
      },
    });
    return () => status.setState({ control: null, presenting: false, mode: null });
  }, [status, placeOrigin, get, xrCamera, xrStore]);

  useEffect(() => {
    status.setState({ presenting: session != null, mode: session ? mode : null });
  }, [status, session, mode]);

  // The help leaves once the person has done one of the things it explains.
  useEffect(
    () =>
      twin.subscribe((state, before) => {
        if (state.selectedId && state.selectedId !== before.selectedId) setHelpShown(false);
      }),
    [twin],
  );

  const floor = useMemo(() => {
    const sphere = site.bounds.isEmpty()
      ? new Sphere(new Vector3(), 100)
      : site.bounds.getBoundingSphere(new Sphere());
    return {
      x: sphere.center.x,
      z: sphere.center.z,
      size: Math.max(50, sphere.radius * 2 * FLOOR_MARGIN),
    };
  }, [site]);

  return (
    <>
      <XROrigin ref={origin} userData={ORIGIN_DATA} />
      {session && (
        <>
          <TeleportTarget
            onTeleport={(point) => {
              origin.current?.position.set(point.x, GROUND_Y, point.z);
              setHelpShown(false);
            }}
          >
            {/* Invisible but hit: the teleport arc lands on the site's ground plane. */}
            <mesh
              position={[floor.x, GROUND_Y + 0.01, floor.z]}
              rotation-x={-Math.PI / 2}
              userData={FLOOR_DATA}
            >
              <planeGeometry args={[floor.size, floor.size]} />
              <meshBasicMaterial colorWrite={false} depthWrite={false} />
            </mesh>
          </TeleportTarget>
          <VrAssetPanel site={site} twin={twin} locale={locale} words={words} />
          <VrCaptionPanel
            status={status}
            help={helpShown ? { title: words.helpTitle, text: words.helpText } : null}
          />
        </>
      )}
    </>
  );
}
