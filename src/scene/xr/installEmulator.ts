import { DevUI } from '@iwer/devui';
import { XRDevice, metaQuest3 } from 'iwer';

/**
 * Replaces `navigator.xr` with the Immersive Web Emulation Runtime (IWER, Meta's) pretending to
 * be a Quest 3 with two controllers, plus its developer UI for moving them (`?xr=emulate`).
 * `forceInstall`: Chromium has a `navigator.xr` of its own even with no headset, and IWER 2
 * leaves any existing one alone unless told — @react-three/xr's own `emulate` option does not
 * tell it, so it ends up with no emulator. Loaded only with `?xr=emulate` (its own chunk).
 */
export function installEmulator(): XRDevice {
  const device = new XRDevice(metaQuest3, { stereoEnabled: false });
  device.primaryInputMode = 'controller';
  device.installRuntime({ forceInstall: true });
  // Its panels move the controllers for a person, and put their own pose on them every frame;
  // a script driving the browser (WebDriver, Playwright) moves them through the device instead.
  if (!navigator.webdriver) device.installDevUI(DevUI);
  // Scripts and the browser tests move the emulated controllers through it (docs/vr.md).
  (globalThis as { twindeckXrEmulator?: XRDevice }).twindeckXrEmulator = device;
  return device;
}
