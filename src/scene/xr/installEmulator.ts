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
  device.installDevUI(DevUI);
  return device;
}
