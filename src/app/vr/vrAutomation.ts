import type {
  VrCaption,
  VrOriginState,
  VrSceneGraph,
  VrStatus,
  VrStatusStore,
} from '../../twin/vrStatus';

/** `twindeck.vr()`: whether VR can start, whether it is on, and what its scene holds. */
export interface AutomationVr {
  supported: boolean;
  presenting: boolean;
  /** The XR session's mode while presenting (`immersive-vr`), else null. */
  mode: string | null;
  /** `supported`, or why not: `checking`, `insecure`, `no-webxr`, `no-headset`. */
  support: VrStatus['support'];
  /** The headset is the in-page emulator (`?xr=emulate`). */
  emulated: boolean;
  /** Why the last attempt to enter failed, or null. */
  error: string | null;
  /** Counts of the XR scene's parts (null until the XR code has loaded). */
  sceneGraph: VrSceneGraph | null;
  /** The player's origin (feet on the ground) and its turn about +y, or null before loading. */
  origin: VrOriginState | null;
  /** The note the caption panel shows (a guided tour's stop), or null. */
  caption: VrCaption | null;
}

/** Waiting this long for the support check and the XR code is a stuck page, not a slow one. */
export const VR_READY_TIMEOUT_MS = 20_000;

export function vrSnapshot(status: VrStatusStore): AutomationVr {
  const s = status.getState();
  return {
    supported: s.support === 'supported',
    presenting: s.presenting,
    mode: s.mode,
    support: s.support,
    emulated: s.emulated,
    error: s.error,
    sceneGraph: s.control?.sceneGraph() ?? null,
    origin: s.control?.origin() ?? null,
    caption: s.caption ? { ...s.caption } : null,
  };
}

/** Resolves with the state once `ready` holds for it; rejects after `timeoutMs`. */
export function waitForVr(
  status: VrStatusStore,
  ready: (s: VrStatus) => boolean,
  what: string,
  timeoutMs = VR_READY_TIMEOUT_MS,
): Promise<VrStatus> {
  return new Promise((resolve, reject) => {
    if (ready(status.getState())) return resolve(status.getState());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const stop = status.subscribe((s) => {
      if (!ready(s)) return;
      clearTimeout(timer);
      stop();
      resolve(s);
    });
  });
}

/**
 * `twindeck.enterVr()`: waits for the support check and the XR code, then requests the session;
 * resolves once presenting. Rejects, saying why, where VR is not available.
 */
export async function enterVr(status: VrStatusStore, timeoutMs = VR_READY_TIMEOUT_MS) {
  const s = await waitForVr(
    status,
    (v) => v.support !== 'checking' && (v.support !== 'supported' || v.control !== null),
    'the VR support check',
    timeoutMs,
  );
  if (s.support !== 'supported' || !s.control) throw new Error(`VR is not available: ${s.support}`);
  if (s.presenting) return;
  await s.control.enter();
  await waitForVr(status, (v) => v.presenting, 'the VR session to start', timeoutMs);
}

/** `twindeck.exitVr()`: ends the session; resolves once the page is back on the desk view. */
export async function exitVr(status: VrStatusStore, timeoutMs = VR_READY_TIMEOUT_MS) {
  const { control, presenting } = status.getState();
  if (!presenting || !control) return;
  await control.exit();
  await waitForVr(status, (v) => !v.presenting, 'the VR session to end', timeoutMs);
}
