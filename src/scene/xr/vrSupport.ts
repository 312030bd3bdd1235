import type { VrSupport } from '../../twin/vrStatus';

/** The part of `navigator.xr` the support check needs (a fake stands in for it in tests). */
export interface XrSystemLike {
  isSessionSupported(mode: 'immersive-vr'): Promise<boolean>;
}

/**
 * Whether immersive VR can start here, or the reason it cannot. Browsers hide `navigator.xr` on
 * insecure pages, so an insecure page is reported as such rather than as a browser without WebXR.
 */
export async function probeVrSupport(
  xr: XrSystemLike | undefined,
  secureContext: boolean,
): Promise<VrSupport> {
  if (!secureContext) return 'insecure';
  if (!xr) return 'no-webxr';
  try {
    return (await xr.isSessionSupported('immersive-vr')) ? 'supported' : 'no-headset';
  } catch {
    // A permissions policy that forbids XR rejects; to the person it is the same as no WebXR.
    return 'no-webxr';
  }
}

/** `?xr=emulate`: a headset emulated in the page (IWER) when the browser has none. */
export const xrEmulateRequested = (search: string): boolean =>
  new URLSearchParams(search).get('xr') === 'emulate';
