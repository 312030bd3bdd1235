import { createStore, type StoreApi } from 'zustand';

/**
 * Whether this page can enter immersive VR: `supported`, or why not — `insecure` (WebXR needs
 * HTTPS or localhost), `no-webxr` (the browser has no `navigator.xr`), `no-headset` (WebXR, but
 * no immersive-vr device), or still `checking`.
 */
export type VrSupport = 'checking' | 'supported' | 'insecure' | 'no-webxr' | 'no-headset';

/** A note shown on a floating panel in VR (a tour stop's note, in the UI language). */
export interface VrCaption {
  title: string;
  text: string;
}

/** What the XR scene holds while presenting; counted on request (`twindeck.vr().sceneGraph`). */
export interface VrSceneGraph {
  /** Objects tagged as the player's origin (one), and whether the XR camera hangs under it. */
  origins: number;
  cameraInOrigin: boolean;
  /** Teleport target groups (the ground). */
  teleportTargets: number;
  /** XR input sources by kind (@react-three/xr's input source states). */
  controllers: number;
  hands: number;
  /** Objects bound to an XRSpace: the origin, and each controller's ray and grip spaces. */
  xrSpaces: number;
  /** Floating panels shown: the selected asset's, and the caption's. */
  assetPanels: number;
  captionPanels: number;
}

/** What the lazily loaded XR layer lends the page once it is mounted. */
export interface VrControl {
  enter(): Promise<void>;
  exit(): Promise<void>;
  sceneGraph(): VrSceneGraph;
  /** Where the player's origin (feet) is, site metres, and its turn about +y (radians). */
  origin(): VrOriginState;
  /**
   * Stands the player on the ground in front of what a camera pose looks at, facing the same
   * way — how a tour stop (a camera view) is visited in VR.
   */
  standAt(look: {
    position: readonly [number, number, number];
    target: readonly [number, number, number];
  }): void;
}

export interface VrOriginState {
  position: [number, number, number];
  yaw: number;
}

export interface VrStatus {
  support: VrSupport;
  /** The headset is the Immersive Web Emulation Runtime (`?xr=emulate`), not a device. */
  emulated: boolean;
  presenting: boolean;
  /** The session's mode (`immersive-vr`) while presenting. */
  mode: string | null;
  /** Why the last attempt to enter VR failed, for the person who pressed the button. */
  error: string | null;
  /** The note on the floating caption panel, or null for none. */
  caption: VrCaption | null;
  /** Null until the XR layer has loaded. */
  control: VrControl | null;
}

export type VrStatusStore = StoreApi<VrStatus>;

export const createVrStatusStore = (): VrStatusStore =>
  createStore<VrStatus>()(() => ({
    support: 'checking',
    emulated: false,
    presenting: false,
    mode: null,
    error: null,
    caption: null,
    control: null,
  }));
