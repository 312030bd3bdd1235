import { execFileSync } from 'node:child_process';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
/** Package lists are fetched once per process, however many packages are missing. */
let listsUpdated = false;

/**
 * Makes sure a Debian package is installed: nothing when `isInstalled()` says so; as root,
 * `apt-get install` it; otherwise throw with the one command a developer has to run.
 */
export function ensureDebianPackage(name, isInstalled) {
  if (isInstalled()) return;
  if (!isRoot())
    throw new Error(`${name} is not installed. Install it with: sudo apt-get install -y ${name}`);
  console.log(`${name} is missing; installing the Debian package (apt-get install ${name})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!listsUpdated) execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  listsUpdated = true;
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', name], {
    stdio: 'inherit',
    env,
  });
  if (!isInstalled()) throw new Error(`apt-get install ${name} finished but it is still missing`);
}
