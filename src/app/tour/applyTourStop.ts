import type { TourStopConfig } from '../../config/tours';
import type { SceneHandle } from '../../scene/sceneHandle';

/** What showing a stop acts on; each is absent when the page has none. */
export interface TourStopTargets {
  scene: SceneHandle | null;
  /** Replay: shows the recording at `t` (ms epoch), resolving once it is drawn; null live. */
  seek: ((t: number) => Promise<void>) | null;
  /** Whether this stop is still the one to show: a later step supersedes a flight under way. */
  current(): boolean;
}

/**
 * Shows one tour stop: the recording's moment (replay only) and the camera. The one place a stop
 * is carried out. While walking, the scene handle itself turns a flight, a pose or a focus into
 * placing the walker in front of what it shows (SceneBridge), so a walked tour needs no branch
 * here. Resolves when the camera has arrived; failures of a flight or a seek are not the tour's
 * to report (the page shows the replay's own problems).
 */
export async function applyTourStop(stop: TourStopConfig, to: TourStopTargets): Promise<void> {
  const seeking =
    stop.at !== undefined && to.seek ? to.seek(Date.parse(stop.at)).catch(() => undefined) : null;
  const scene = to.scene;
  if (!scene) return void (await seeking);
  scene.follow(null);
  if (stop.follow !== undefined) {
    // The asset is where the recording had it at that moment: fly there once the seek is drawn.
    await seeking;
    if (!to.current()) return;
    await scene.focusAsset(stop.follow).catch(() => undefined);
    if (to.current()) scene.follow(stop.follow);
    return;
  }
  if (stop.view !== undefined) await scene.flyToView(stop.view).catch(() => undefined);
  else if (stop.camera) scene.setCamera(stop.camera.position, stop.camera.target);
  await seeking;
}
