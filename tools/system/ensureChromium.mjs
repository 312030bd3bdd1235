import { existsSync } from 'node:fs';
import { ensureDebianPackage } from './ensureDebianPackage.mjs';

/** Debian's Chromium: the one browser the browser tests and benchmarks drive (no downloaded builds). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Returns the path of Debian's Chromium, installing the package first when we are root.
 * Throws with the install command otherwise, so a developer knows the one step to take.
 */
export function ensureChromium() {
  ensureDebianPackage('chromium', () => existsSync(CHROMIUM_PATH));
  return CHROMIUM_PATH;
}
