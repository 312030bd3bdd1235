// The full-scale terminal (tools/sites/generate.ts --full-scale) and its 8-hour and 1-hour
// recordings, made once and cached: the seek figure and the wall soak (`--full-scale`) use them.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { shiftSourceHash } from '../../tools/recordings/bundledShifts.mjs';
import { runOrThrow } from '../../tools/system/runCommand.mjs';
import { configAssets } from '../../e2e/siteConfig.mjs';

/**
 * Where the generated full-scale recordings are kept between runs. Not dist/ or bench/.out: the
 * builds a bench run makes empty those, and the recordings take minutes to make.
 */
export const CACHE_ROOT = 'node_modules/.cache/twindeck-bench';
export const HOURS = 8;
export const SHORT_HOURS = 1;

const root = process.cwd();
export const mb = (bytes) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;

/** Assets of the generated config, table rows included. */
export const countAssets = (configPath) =>
  configAssets(JSON.parse(readFileSync(configPath, 'utf8'))).length;

/**
 * The full-scale site and its 8-hour and 1-hour recordings, made when missing or when anything
 * they are made from changed (the site's config, the simulators, ingest, recording writer and
 * generator: the bundled shifts' source hash). One run writes both: the 1-hour file is the
 * first hour of the same simulated shift, closed at 1:00:00 with its own index and summary.
 */
export async function ensureFullScaleRecordings() {
  const siteDir = join(CACHE_ROOT, 'site');
  await runOrThrow('npx', ['tsx', 'tools/sites/generate.ts', '--full-scale', siteDir]);
  const config = resolve(siteDir, 'terminal-full.json');
  const site = { dir: resolve(siteDir), config };
  const key = createHash('sha256')
    .update(shiftSourceHash(root, config))
    .update(`${HOURS}+${SHORT_HOURS}`)
    .digest('hex')
    .slice(0, 16);
  const dir = join(CACHE_ROOT, `seek-${key}`);
  const long = resolve(dir, `terminal-full-${HOURS}h.mcap`);
  const short = resolve(dir, `terminal-full-${SHORT_HOURS}h.mcap`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath) && existsSync(long) && existsSync(short))
    return {
      ...JSON.parse(readFileSync(manifestPath, 'utf8')),
      site,
      long,
      short,
      cached: true,
    };

  for (const old of existsSync(CACHE_ROOT) ? readdirSync(CACHE_ROOT) : [])
    if (old.startsWith('seek-')) rmSync(join(CACHE_ROOT, old), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { bavail, bsize } = statfsSync(dir);
  if (bavail * bsize < 4e9)
    throw new Error(`${mb(bavail * bsize)} free under ${dir}: the recordings need about 2 GB`);
  console.log(`  generating ${HOURS}-hour and ${SHORT_HOURS}-hour full-scale terminal recordings…`);
  const started = performance.now();
  // Two threads (the snapshots are taken on the second); a larger young generation for the
  // simulation's many short-lived objects.
  await runOrThrow(process.execPath, [
    '--max-semi-space-size=32',
    '--import',
    'tsx',
    'tools/recordings/generate.ts',
    '--config',
    config,
    '--out',
    long,
    '--hours',
    String(HOURS),
    '--also',
    `${SHORT_HOURS}=${short}`,
  ]);
  const manifest = {
    key,
    generatedSeconds: (performance.now() - started) / 1000,
    generatedOn: new Date().toISOString().slice(0, 10),
    assets: countAssets(config),
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { ...manifest, site, long, short, cached: false };
}
