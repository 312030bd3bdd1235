/** Rendering figures for the automation API and the benchmarks. */
export interface SceneStats {
  /** Draw calls of the last rendered frame (renderer.info.render.calls). */
  drawCalls: number;
  triangles: number;
  /** Smoothed time between rendered frames, ms. */
  frameMs: number;
  /** GPU resources the renderer holds (renderer.info.memory): flat across site reloads. */
  geometries: number;
  textures: number;
}

/** What the app may ask of a mounted scene. */
export interface SceneHandle {
  stats(): SceneStats;
  /** Viewport CSS pixel where the asset is visible (confirmed by a raycast), or null. */
  screenPosition(id: string): [number, number] | null;
  /** Flies the camera to a configured view; resolves when it has arrived. */
  flyToView(viewId: string): Promise<void>;
  /** Flies the camera to show the whole site. */
  fitSite(): Promise<void>;
  /** Flies the camera to look at one asset. */
  focusAsset(id: string): Promise<void>;
  /**
   * Keeps the camera on a moving asset: each frame it moves by as much as the asset did (orbiting
   * around it still works). `null` stops following. A flight to a view or the site stops it too.
   */
  follow(id: string | null): void;
  /** The asset the camera follows, or null. */
  following(): string | null;
  /** Puts the camera at once where a shared link says (no flight). */
  setCamera(position: [number, number, number], target: [number, number, number]): void;
  /** Current camera position and target, site metres. */
  camera(): { position: [number, number, number]; target: [number, number, number] };
}
