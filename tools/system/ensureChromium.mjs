import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Debian's Chromium: the one browser the browser tests and benchmarks drive (no downloaded builds). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Returns the path of Debian's Chromium, installing the package first when we are root.
 * Throws with the install command otherwise, so a developer knows the one step to take.
 */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (!isRoot()) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install chromium`,
    );
  }
  console.log('Chromium is missing; installing the Debian package (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`apt-get install chromium finished but ${CHROMIUM_PATH} is still missing`);
  }
  return CHROMIUM_PATH;
}
