// The bundled shifts (recordings/<site>-shift.mcap): full 8-hour simulated shifts of the
// bundled sites, too large to commit, so made on first start and again whenever their inputs
// change. Plain JavaScript, so tools/start.mjs and tools/test.mjs can call it before tsx runs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { McapIndexedReader } from '@mcap/core';
import { runCommand } from '../system/runCommand.mjs';

/** Raise when the generator's output changes in a way its sources do not show. */
export const GENERATOR_VERSION = 1;

/** What every bundled shift is: the same inputs give the same bytes. */
export const BUNDLED_SHIFT = {
  hours: 8,
  seed: 1,
  /** 2025-01-06 00:00 UTC: 08:00–16:00 at the bundled sites (UTC+8). */
  startTime: Date.UTC(2025, 0, 6, 0, 0, 0),
  shift: '2025-01-06 day shift (simulated)',
};

/**
 * What decides a shift's bytes: the simulators and encoders, the config schema, the ingest that
 * takes the snapshots, the writer and this generator — not the player or the app.
 */
const SOURCES = [
  'src/sim',
  'src/config',
  'src/lib',
  'src/telemetry/binding',
  'src/telemetry/ingest',
  'src/telemetry/sparkplug',
  'src/telemetry/recording',
  'src/telemetry/samples.ts',
  'tools/recordings/bundledShifts.mjs',
  'tools/recordings/fileSink.ts',
  'tools/recordings/generate.ts',
  'tools/recordings/parallelShift.ts',
  'src/app/preview/simulatedShift.ts',
  'tools/recordings/snapshotWorker.mjs',
  'tools/recordings/snapshotWorker.ts',
];

/**
 * The plan each bundled shift runs and carries (twin-configs/, docs/plans.md "Plan vs actual"):
 * the site's default plan, as a plan file, so a replay measures the shift against it.
 */
export const BUNDLED_SHIFT_PLANS = {
  terminal: 'plans/terminal-day.json',
  factory: 'plans/factory-as-set.json',
};

/** The plan file a bundled site's shift carries, or null. */
export function shiftPlanPath(root, siteId) {
  const file = BUNDLED_SHIFT_PLANS[siteId];
  return file ? join(root, 'twin-configs', file) : null;
}

export function bundledSites(root) {
  const index = JSON.parse(readFileSync(join(root, 'twin-configs/index.json'), 'utf8'));
  return index.sites.map((site) => ({
    id: site.id,
    config: join(root, 'twin-configs', site.config),
  }));
}

export function shiftPath(root, siteId) {
  return join(root, 'recordings', `${siteId}-shift.mcap`);
}

function sourceFiles(root) {
  const out = [];
  const walk = (path) => {
    if (!existsSync(path)) return;
    if (!statSync(path).isDirectory()) {
      if (/\.(ts|mjs)$/.test(path) && !/\.test\.ts$/.test(path)) out.push(path);
      return;
    }
    for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  for (const source of SOURCES) walk(join(root, source));
  return out.sort();
}

/**
 * Hash of everything a site's shift is made from: its config and plan, the generator and its
 * settings.
 * @param {string} root
 * @param {string} configPath
 * @param {string | null} [planPath] the plan file the shift runs and carries
 */
export function shiftSourceHash(root, configPath, planPath = null) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ GENERATOR_VERSION, ...BUNDLED_SHIFT }));
  hash.update(readFileSync(configPath));
  if (planPath && existsSync(planPath)) hash.update(readFileSync(planPath));
  for (const file of sourceFiles(root)) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 32);
}

/** The source hash a shift file was made from (its `twindeck` metadata), or null. */
export async function recordedSourceHash(path) {
  if (!existsSync(path)) return null;
  const handle = await open(path, 'r');
  try {
    const readable = {
      size: async () => BigInt((await handle.stat()).size),
      read: async (offset, length) => {
        const buffer = new Uint8Array(Number(length));
        await handle.read(buffer, 0, buffer.byteLength, Number(offset));
        return buffer;
      },
    };
    const reader = await McapIndexedReader.Initialize({ readable });
    let hash = null;
    for await (const record of reader.readMetadata({ name: 'twindeck' }))
      hash = record.metadata.get('sourceHash') ?? hash;
    return hash;
  } catch {
    return null; // Unreadable or cut short: made again.
  } finally {
    await handle.close();
  }
}

/**
 * Makes each bundled site's shift that is missing or stale, both sites at once (one process each:
 * ~25 s apiece on this machine). Returns what it found or made.
 */
export async function ensureBundledShifts(
  root = process.cwd(),
  { force = false, log = console.log } = {},
) {
  root = resolve(root);
  const sites = bundledSites(root);
  const stale = [];
  for (const site of sites) {
    const path = shiftPath(root, site.id);
    const want = shiftSourceHash(root, site.config, shiftPlanPath(root, site.id));
    if (force || (await recordedSourceHash(path)) !== want) stale.push(site);
  }
  if (stale.length > 0)
    log(
      `Generating ${stale.map((s) => `${s.id}-shift.mcap`).join(', ')} (8-hour simulated shifts)…`,
    );
  const started = performance.now();
  const tsx = join(root, 'node_modules/.bin/tsx');
  const codes = await Promise.all(
    stale.map((site) =>
      runCommand(tsx, [join(root, 'tools/recordings/generate.ts'), '--site', site.id], {
        cwd: root,
      }),
    ),
  );
  const failed = stale.filter((_, i) => codes[i] !== 0);
  if (failed.length > 0)
    throw new Error(`generating the shift of ${failed.map((s) => s.id).join(', ')} failed`);
  const seconds = (performance.now() - started) / 1000;
  return sites.map((site) => {
    const path = shiftPath(root, site.id);
    return {
      siteId: site.id,
      path,
      generated: stale.includes(site),
      bytes: existsSync(path) ? statSync(path).size : 0,
      seconds: stale.includes(site) ? seconds : 0,
    };
  });
}
