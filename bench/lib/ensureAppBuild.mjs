import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runOrThrow } from '../../tools/system/runCommand.mjs';

/** Everything `vite build` reads: when one is newer than the build, the build is stale. */
const BUILD_INPUTS = [
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'src',
  'models',
  'twin-configs',
  'public',
];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    info.mtimeMs,
  );
}

/** Builds the app unless `distDir` already holds a build newer than all of its inputs. */
export async function ensureAppBuild(distDir) {
  const builtAt = newestChange(join(distDir, 'index.html'));
  const changedAt = Math.max(...BUILD_INPUTS.map(newestChange));
  if (builtAt > changedAt) return;
  console.log('The app build is missing or stale; running vite build…');
  await runOrThrow('npx', ['vite', 'build']);
}
