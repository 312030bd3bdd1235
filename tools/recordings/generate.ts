import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import {
  BUNDLED_SHIFT,
  bundledSites,
  ensureBundledShifts,
  GENERATOR_VERSION,
  shiftPath,
  shiftSourceHash,
} from './bundledShifts.mjs';
import { createFileSink } from './fileSink';
import { writeSimulatedShift } from './simulatedShift';

/**
 * `npm run recordings` — makes the bundled shifts that are missing or stale (`--force`: all).
 * `--site <id>` makes one site's now (what the above runs, one process per site).
 * `--config <file> --out <file> [--hours 1] [--seed 1]` makes any config's shift anywhere.
 */
const { values: args } = parseArgs({
  options: {
    site: { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string' },
    hours: { type: 'string' },
    seed: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
const root = process.cwd();

async function generate(
  configPath: string,
  out: string,
  hours: number,
  seed: number,
  hash: string,
) {
  const configText = readFileSync(configPath, 'utf8');
  const loaded = validateTwinConfig(JSON.parse(configText), configText);
  if (!loaded.ok) {
    const issue = loaded.issues[0];
    throw new Error(`${configPath}: ${issue?.path}: ${issue?.message}`);
  }
  mkdirSync(dirname(out), { recursive: true });
  const started = performance.now();
  const sink = createFileSink(out);
  try {
    const stats = await writeSimulatedShift({
      config: loaded.config,
      configText,
      sink,
      startTime: BUNDLED_SHIFT.startTime,
      hours,
      seed,
      shift: BUNDLED_SHIFT.shift,
      metadata: { generator: `twindeck-shift-generator/${GENERATOR_VERSION}`, sourceHash: hash },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${out}: ${hours} h, ${stats.messages} messages, ${stats.snapshots} snapshots ` +
        `(${(stats.snapshotBytes / stats.snapshots / 1000).toFixed(0)} kB each before compression), ` +
        `${(statSync(out).size / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
    );
  } catch (error) {
    sink.abort();
    throw error;
  }
}

if (args.site !== undefined) {
  const site = bundledSites(root).find((s: { id: string }) => s.id === args.site);
  if (!site) throw new Error(`no bundled site "${args.site}" in twin-configs/index.json`);
  await generate(
    site.config,
    shiftPath(root, site.id),
    BUNDLED_SHIFT.hours,
    BUNDLED_SHIFT.seed,
    shiftSourceHash(root, site.config),
  );
} else if (args.config !== undefined) {
  if (args.out === undefined) throw new Error('--config needs --out <file.mcap>');
  await generate(
    resolve(args.config),
    resolve(args.out),
    Number(args.hours ?? BUNDLED_SHIFT.hours),
    Number(args.seed ?? BUNDLED_SHIFT.seed),
    'custom',
  );
} else {
  const results = await ensureBundledShifts(root, { force: args.force });
  for (const r of results)
    console.log(
      `${r.path}: ${(r.bytes / 1e6).toFixed(1)} MB ${r.generated ? `generated (${r.seconds.toFixed(1)} s for all)` : 'up to date'}`,
    );
}
